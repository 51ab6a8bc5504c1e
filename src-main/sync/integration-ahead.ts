// Integration ahead of the Integrate step: each pulled batch is integrated in the background while
// the next request is on the wire, so the engine's work overlaps the central's. Batches queue one
// after another; the step waits for them and then integrates, by the full rules, what they left.
import type { LocalDatabase } from '../db/data-source';
import type { BufferedUpsert } from './buffer';
import { aheadIntegrator } from './integrate';

export class IntegrationAhead {
  private queue: Promise<void> = Promise.resolve();
  private integrated = 0;
  private stopped = false;
  private readonly integrateBatch: ReturnType<typeof aheadIntegrator>;

  constructor(db: LocalDatabase) {
    this.integrateBatch = aheadIntegrator(db);
  }

  /** Queues a batch that was just buffered (and committed); returns at once. */
  add(upserts: readonly BufferedUpsert[]): void {
    if (upserts.length === 0) return;
    this.queue = this.queue.then(async () => {
      if (this.stopped) return;
      try {
        this.integrated += await this.integrateBatch(upserts);
      } catch {
        // Nothing is lost: what was not integrated stays pending, and the Integrate step integrates
        // it or records why it cannot. Integrating ahead stops for this run: what the batches learnt
        // about which records exist may include some that the failed transaction rolled back.
        this.stopped = true;
      }
    });
  }

  /** Waits for every queued batch; resolves to how many records were integrated ahead. */
  async drain(): Promise<number> {
    await this.queue;
    return this.integrated;
  }
}
