// Statuses reach the renderer by two roads (an operation's answer, main's events) and can arrive out
// of order: an `initialise` answer computed before the first run finished may land after that run's
// last event. Status carries no sequence number, so order comes from the runs themselves: a later run,
// or the same run further along, is newer. Equal keys are accepted (e.g. records waiting changed).
import type { StepView, SyncStatusView } from '@contract/views';

function stepProgress(steps: readonly StepView[]): number {
  return steps.reduce(
    (sum, step) => sum + (step.startedAt ? 1 : 0) + (step.finishedAt ? 1 : 0) + (step.done ?? 0),
    0,
  );
}

/** [latest run id, finished (1) or running (0), progress within the run]. */
export function statusOrderKey(status: SyncStatusView): [number, number, number] {
  const current = status.current;
  const last = status.lastRun;
  if (current && current.runId >= (last?.id ?? 0)) return [current.runId, 0, stepProgress(current.steps)];
  // A newest run without an end, while main syncs, is still going (a status read as it starts or ends).
  const going = status.isSyncing && last !== null && last.finishedAt === null && last.outcome !== 'paused';
  if (last) return [last.id, going ? 0 : 1, stepProgress(last.steps)];
  return [0, 0, 0];
}

/** Whether `candidate` describes an earlier moment than `shown`. */
export function isOlderStatus(candidate: SyncStatusView, shown: SyncStatusView): boolean {
  const a = statusOrderKey(candidate);
  const b = statusOrderKey(shown);
  for (let index = 0; index < a.length; index += 1) {
    if (a[index]! !== b[index]!) return a[index]! < b[index]!;
  }
  return false;
}
