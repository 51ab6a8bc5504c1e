// The engine's status and run summaries as contract views, field by field, so nothing the engine
// adds later crosses to the renderer unnoticed.
import type { RunView, StepView, SyncStatusView } from '../contract/views';
import type { RunProgress, StepProgress } from '../sync/run-log';
import type { RunSummary, SyncStatus } from '../sync/status';

function stepView(step: StepProgress): StepView {
  return {
    step: step.step,
    startedAt: step.startedAt,
    finishedAt: step.finishedAt,
    done: step.done,
    total: step.total,
  };
}

export function runView(run: RunSummary): RunView {
  return {
    id: run.id,
    kind: run.kind,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    durationMs: run.durationMs,
    outcome: run.outcome,
    error: run.error && {
      code: run.error.code,
      message: run.error.message,
      detail: run.error.detail,
      hint: run.error.hint,
    },
    steps: run.steps.map(stepView),
  };
}

function currentView(run: RunProgress | null): SyncStatusView['current'] {
  return (
    run && { runId: run.runId, kind: run.kind, startedAt: run.startedAt, steps: run.steps.map(stepView) }
  );
}

export function statusView(status: SyncStatus): SyncStatusView {
  return {
    configured: status.configured,
    initialised: status.initialised,
    isSyncing: status.isSyncing,
    paused: status.paused,
    current: currentView(status.current),
    lastRun: status.lastRun && runView(status.lastRun),
    lastSuccessfulRun: status.lastSuccessfulRun && runView(status.lastSuccessfulRun),
    recordsWaitingToPush: status.recordsWaitingToPush,
    integrationProblems: status.integrationProblems,
    untranslatedRecords: status.untranslatedRecords,
  };
}
