// The scheduler (PRODUCT.md §4): one run at a time; a trigger during a run queues exactly one
// follow-up; automatic runs every interval minutes from the end of the previous run; interval 0
// pauses (a run in progress stops at its next batch boundary); Sync now works even while paused;
// a failed run is retried after an exponential back-off with jitter.
import { EventEmitter } from 'node:events';
import { SyncError } from './errors';
import type { RunOutcome } from './run';

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SchedulerOptions {
  /** Runs one sync; `shouldPause` turns true when the run must stop at its next batch boundary. */
  runOnce: (shouldPause: () => boolean) => Promise<RunOutcome>;
  intervalMinutes: number;
  retry?: { firstDelayMs: number; maxDelayMs: number };
  timers?: Timers;
  random?: () => number;
}

const NODE_TIMERS: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Emits 'run-started', 'run-finished' (RunOutcome) and 'state' whenever paused/queued/next change. */
export class SyncScheduler extends EventEmitter {
  private intervalMinutes: number;
  private running: Promise<void> | undefined;
  private followUpQueued = false;
  private pauseRequested = false;
  private timer: unknown;
  private nextRunAt: number | undefined;
  private consecutiveFailures = 0;
  private stopped = true;
  private readonly timers: Timers;
  private readonly random: () => number;
  private readonly retry: { firstDelayMs: number; maxDelayMs: number };

  constructor(private readonly options: SchedulerOptions) {
    super();
    this.intervalMinutes = options.intervalMinutes;
    this.timers = options.timers ?? NODE_TIMERS;
    this.random = options.random ?? Math.random;
    this.retry = options.retry ?? { firstDelayMs: 30_000, maxDelayMs: 15 * 60_000 };
  }

  get intervalMs(): number {
    return this.intervalMinutes * 60_000;
  }

  get state(): { isRunning: boolean; paused: boolean; followUpQueued: boolean; nextRunAt: string | null } {
    return {
      isRunning: this.running !== undefined,
      paused: this.intervalMinutes === 0,
      followUpQueued: this.followUpQueued,
      nextRunAt: this.nextRunAt === undefined ? null : new Date(this.nextRunAt).toISOString(),
    };
  }

  /** Starts automatic sync: the first run comes after `firstDelayMs` (default: now). */
  start(firstDelayMs = 0): void {
    this.stopped = false;
    this.schedule(firstDelayMs);
  }

  /** Sync now: always allowed; during a run it queues one follow-up (never more). */
  trigger(): void {
    if (this.running) {
      this.followUpQueued = true;
      this.emit('state', this.state);
      return;
    }
    this.launch();
  }

  setIntervalMinutes(minutes: number): void {
    this.intervalMinutes = minutes;
    if (minutes === 0) {
      this.cancelTimer();
      if (this.running) this.pauseRequested = true;
    } else if (!this.running && !this.stopped) {
      this.schedule(minutes * 60_000);
    }
    this.emit('state', this.state);
  }

  /** Stops scheduling, asks a run in progress to stop at its next batch boundary, and waits for it. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.cancelTimer();
    this.followUpQueued = false;
    if (this.running) this.pauseRequested = true;
    await this.running;
  }

  /** Resolves when no run is in progress. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.nextRunAt = undefined;
  }

  private schedule(delayMs: number): void {
    this.cancelTimer();
    if (this.stopped || this.intervalMinutes === 0) return;
    this.nextRunAt = Date.now() + delayMs;
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.nextRunAt = undefined;
      this.trigger();
    }, delayMs);
    this.emit('state', this.state);
  }

  private launch(): void {
    this.cancelTimer();
    this.pauseRequested = false;
    this.emit('run-started');
    this.running = this.options
      .runOnce(() => this.pauseRequested)
      // runOnce reports failures as outcomes; anything it throws is still a failed run, never a stuck one.
      .catch((error: unknown): RunOutcome => ({
        status: 'failed',
        error: new SyncError('UNKNOWN', (error as Error).stack ?? String(error)),
      }))
      .then((outcome) => this.finished(outcome));
  }

  private finished(outcome: RunOutcome): void {
    this.running = undefined;
    this.emit('run-finished', outcome);
    if (this.followUpQueued) {
      this.followUpQueued = false;
      this.launch();
      return;
    }
    if (outcome.status === 'failed') {
      this.consecutiveFailures += 1;
      this.schedule(Math.min(this.backoffDelay(), this.intervalMinutes * 60_000 || Number.POSITIVE_INFINITY));
    } else {
      this.consecutiveFailures = 0;
      this.schedule(this.intervalMinutes * 60_000);
    }
  }

  /** Full jitter over an exponentially growing, capped window. */
  private backoffDelay(): number {
    const window = Math.min(
      this.retry.maxDelayMs,
      this.retry.firstDelayMs * 2 ** (this.consecutiveFailures - 1),
    );
    return Math.round(window / 2 + (this.random() * window) / 2);
  }
}
