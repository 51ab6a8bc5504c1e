import { describe, expect, it } from 'vitest';
import { isOlderStatus } from '../../renderer/src/lib/status-order';
import { run, status, step } from './helpers';

const running = (runId: number, steps = [step('prepare', { startedAt: 'x' })]) =>
  status({ isSyncing: true, current: { runId, kind: 'initialisation', startedAt: 'x', steps } });

describe('ordering statuses that arrive out of order', () => {
  it('treats a status from before the first run as older than the run going or finished', () => {
    const before = status({ configured: true, initialised: false, lastRun: null, lastSuccessfulRun: null });
    expect(isOlderStatus(before, running(1))).toBe(true);
    expect(isOlderStatus(before, status({ lastRun: run({ id: 1 }) }))).toBe(true);
  });

  it('treats the same run further along, or finished, as newer', () => {
    const early = running(1);
    const later = running(1, [
      step('prepare', { startedAt: 'x', finishedAt: 'y' }),
      step('pullCentral', { startedAt: 'x', done: 5 }),
    ]);
    const finished = status({ lastRun: run({ id: 1 }) });
    expect(isOlderStatus(early, later)).toBe(true);
    expect(isOlderStatus(later, early)).toBe(false);
    expect(isOlderStatus(later, finished)).toBe(true);
    expect(isOlderStatus(finished, later)).toBe(false);
  });

  it('accepts an equal moment (e.g. only the records waiting changed) and any later run', () => {
    const shown = status({ lastRun: run({ id: 4 }), recordsWaitingToPush: 1 });
    expect(isOlderStatus(status({ lastRun: run({ id: 4 }), recordsWaitingToPush: 2 }), shown)).toBe(false);
    expect(isOlderStatus(running(5), shown)).toBe(false);
    expect(isOlderStatus(status({ lastRun: run({ id: 3 }) }), shown)).toBe(true);
  });

  it('does not let a status that caught a starting run without its progress hold that progress back', () => {
    const starting = status({
      isSyncing: true,
      current: null,
      lastRun: run({ id: 6, finishedAt: null, durationMs: null, outcome: 'interrupted', steps: [] }),
    });
    const pushing = running(6, [
      step('prepare', { startedAt: 'x', finishedAt: 'y' }),
      step('push', { startedAt: 'x' }),
    ]);
    expect(isOlderStatus(pushing, starting)).toBe(false);
    expect(isOlderStatus(starting, pushing)).toBe(true);
    expect(isOlderStatus(pushing, status({ lastRun: run({ id: 6 }) }))).toBe(true);
  });
});
