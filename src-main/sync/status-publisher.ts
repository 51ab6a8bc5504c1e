// Publishing the sync status to listeners. Progress events come by the hundred during a run and
// each status read costs several queries, so reads are chained (listeners get them in order),
// events that arrive while a read waits for its turn share it (it reads the latest state anyway),
// and reads are spaced at least `minIntervalMs` apart: more than a screen can show is waste.
import { sleep } from './sleep';

export class StatusPublisher<Status> {
  private chain: Promise<void> = Promise.resolve();
  private waitingForTurn = false;
  private lastReadAt = Number.NEGATIVE_INFINITY;
  private stopped = false;

  constructor(
    private readonly read: () => Promise<Status>,
    private readonly deliver: (status: Status) => void,
    private readonly fail: (error: unknown) => void,
    private readonly minIntervalMs: number,
  ) {}

  /** Asks for a status read; returns at once. */
  request(): void {
    if (this.stopped || this.waitingForTurn) return;
    this.waitingForTurn = true;
    this.chain = this.chain.then(async () => {
      const wait = this.lastReadAt + this.minIntervalMs - performance.now();
      if (wait > 0) await sleep(wait);
      this.waitingForTurn = false;
      if (this.stopped) return;
      this.lastReadAt = performance.now();
      try {
        this.deliver(await this.read());
      } catch (error) {
        this.fail(error);
      }
    });
  }

  /** No read starts after this; resolves once the one under way (if any) is done. */
  stop(): Promise<void> {
    this.stopped = true;
    return this.chain;
  }
}
