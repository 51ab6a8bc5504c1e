import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SyncError } from '../../../src-main/sync/errors';
import type { RunOutcome } from '../../../src-main/sync/run';
import { SyncScheduler } from '../../../src-main/sync/scheduler';

/** A stand-in sync run whose end the test decides, recording when it started and its pause flag. */
class ControlledRuns {
  readonly started: number[] = [];
  private finishers: ((outcome: RunOutcome) => void)[] = [];
  private pauseChecks: (() => boolean)[] = [];

  readonly runOnce = (shouldPause: () => boolean): Promise<RunOutcome> => {
    this.started.push(Date.now());
    this.pauseChecks.push(shouldPause);
    return new Promise((resolve) => this.finishers.push(resolve));
  };

  /** What the current run's batch-boundary check would answer now. */
  pauseRequested(): boolean {
    return (this.pauseChecks.at(-1) as () => boolean)();
  }

  async finish(outcome: RunOutcome = { status: 'succeeded' }): Promise<void> {
    const finisher = this.finishers.shift();
    if (!finisher) throw new Error('no run in progress');
    finisher(outcome);
    await vi.advanceTimersByTimeAsync(0);
  }
}

const MINUTE = 60_000;

describe('SyncScheduler', () => {
  let runs: ControlledRuns;
  beforeEach(() => {
    vi.useFakeTimers();
    runs = new ControlledRuns();
  });
  afterEach(() => vi.useRealTimers());

  it('runs one sync at a time and queues exactly one follow-up for any number of triggers', async () => {
    const scheduler = new SyncScheduler({ runOnce: runs.runOnce, intervalMinutes: 10 });
    scheduler.trigger();
    scheduler.trigger();
    scheduler.trigger();
    scheduler.trigger();
    expect(runs.started).toHaveLength(1);
    expect(scheduler.state.followUpQueued).toBe(true);
    await runs.finish();
    expect(runs.started).toHaveLength(2);
    expect(scheduler.state.followUpQueued).toBe(false);
    await runs.finish();
    expect(runs.started).toHaveLength(2);
  });

  it('schedules the next automatic run an interval after the end of the previous one', async () => {
    const scheduler = new SyncScheduler({ runOnce: runs.runOnce, intervalMinutes: 10 });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs.started).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(3 * MINUTE); // a long run: the interval counts from its end
    await runs.finish();
    await vi.advanceTimersByTimeAsync(10 * MINUTE - 1);
    expect(runs.started).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs.started).toHaveLength(2);
    expect((runs.started[1] as number) - (runs.started[0] as number)).toBe(13 * MINUTE);
    await runs.finish();
  });

  it('interval 0 pauses: the running sync is asked to stop at its next batch, no automatic run follows', async () => {
    const scheduler = new SyncScheduler({ runOnce: runs.runOnce, intervalMinutes: 5 });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs.pauseRequested()).toBe(false);
    scheduler.setIntervalMinutes(0);
    expect(scheduler.state.paused).toBe(true);
    expect(runs.pauseRequested()).toBe(true);
    await runs.finish({ status: 'paused' });
    await vi.advanceTimersByTimeAsync(24 * 60 * MINUTE);
    expect(runs.started).toHaveLength(1);
    expect(scheduler.state.nextRunAt).toBeNull();
  });

  it('Sync now works while paused, and that run is not asked to pause', async () => {
    const scheduler = new SyncScheduler({ runOnce: runs.runOnce, intervalMinutes: 0 });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(60 * MINUTE);
    expect(runs.started).toHaveLength(0);
    scheduler.trigger();
    expect(runs.started).toHaveLength(1);
    expect(runs.pauseRequested()).toBe(false);
    await runs.finish();
  });

  it('resumes automatic runs when the interval is set again', async () => {
    const scheduler = new SyncScheduler({ runOnce: runs.runOnce, intervalMinutes: 0 });
    scheduler.start();
    scheduler.setIntervalMinutes(2);
    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    expect(runs.started).toHaveLength(1);
    await runs.finish();
  });

  it('retries a failed run after an exponential back-off with jitter, before the interval', async () => {
    const failure: RunOutcome = { status: 'failed', error: new SyncError('CONNECTION_ERROR', 'refused') };
    const scheduler = new SyncScheduler({
      runOnce: runs.runOnce,
      intervalMinutes: 60,
      retry: { firstDelayMs: 1000, maxDelayMs: 8000 },
      random: () => 1, // the top of each jitter window
    });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    const gaps: number[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const before = runs.started.length;
      await runs.finish(failure);
      const finishedAt = Date.now();
      for (let waited = 0; runs.started.length === before && waited < 60_000; waited += 100) {
        await vi.advanceTimersByTimeAsync(100);
      }
      gaps.push((runs.started.at(-1) as number) - finishedAt);
    }
    expect(gaps).toEqual([1000, 2000, 4000, 8000, 8000]);
    await runs.finish();
    await vi.advanceTimersByTimeAsync(60 * MINUTE - 1);
    expect(runs.started).toHaveLength(6);
  });

  it('jitter spreads a retry over the lower half of its window', async () => {
    const scheduler = new SyncScheduler({
      runOnce: runs.runOnce,
      intervalMinutes: 60,
      retry: { firstDelayMs: 1000, maxDelayMs: 8000 },
      random: () => 0,
    });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    await runs.finish({ status: 'failed', error: new SyncError('UNKNOWN', 'x') });
    await vi.advanceTimersByTimeAsync(499);
    expect(runs.started).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs.started).toHaveLength(2);
    await runs.finish();
  });

  it('does not retry when automatic sync is not running (e.g. a one-off CLI run)', async () => {
    const scheduler = new SyncScheduler({ runOnce: runs.runOnce, intervalMinutes: 10 });
    scheduler.trigger();
    await runs.finish({ status: 'failed', error: new SyncError('CONNECTION_ERROR', 'refused') });
    await vi.advanceTimersByTimeAsync(60 * MINUTE);
    expect(runs.started).toHaveLength(1);
  });

  it('a run that throws counts as a failed run instead of wedging the scheduler', async () => {
    const outcomes: RunOutcome[] = [];
    const scheduler = new SyncScheduler({
      runOnce: () => Promise.reject(new Error('bug')),
      intervalMinutes: 10,
    });
    scheduler.on('run-finished', (outcome: RunOutcome) => outcomes.push(outcome));
    scheduler.trigger();
    await vi.advanceTimersByTimeAsync(0);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]?.status).toBe('failed');
    expect(scheduler.state.isRunning).toBe(false);
  });
});
