// The live sync status (PRODUCT.md §5.3): what the Sync screen, the CLI and diagnostics show.
import type { LocalDatabase } from '../db/data-source';
import { SyncLogEntity, SyncLogStepEntity, type SyncLogRow } from '../db/entities/internal';
import { KEY, readNumber, readSetting } from '../settings/key-value';
import { messageFor, type SyncErrorCode } from './errors';
import { countPendingChanges } from './pending-changes';
import { countIntegrationProblems } from './problems';
import type { RunProgress, StepProgress } from './run-log';
import { STEPS_OF_RUN, type RunKind, type SyncStep } from './steps';
import { storesOfSite } from './stores-of-site';
import { IsNull, Not } from 'typeorm';

export interface RunSummary {
  id: number;
  kind: RunKind;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  outcome: 'succeeded' | 'failed' | 'paused' | 'interrupted' | 'running';
  error: { code: SyncErrorCode; message: string; detail: string; hint: string } | null;
  steps: StepProgress[];
}

export interface SyncStatus {
  configured: boolean;
  initialised: boolean;
  isSyncing: boolean;
  paused: boolean;
  current: RunProgress | null;
  lastRun: RunSummary | null;
  lastSuccessfulRun: RunSummary | null;
  /** Local changes waiting to be pushed, each record counted once. */
  recordsWaitingToPush: number;
  /** Buffered records that failed to integrate and will be retried (listed by sync/problems.ts). */
  integrationProblems: number;
  /** Buffered records of tables this version does not translate (kept, never lost). */
  untranslatedRecords: number;
}

export async function summarise(
  db: LocalDatabase,
  run: SyncLogRow,
  live: RunProgress | undefined,
): Promise<RunSummary> {
  const steps = await db.dataSource.getRepository(SyncLogStepEntity).findBy({ runId: run.id });
  const order = STEPS_OF_RUN[run.kind];
  const code = (run.errorCode ??
    (run.errorMessage && run.finishedAt ? 'UNKNOWN' : null)) as SyncErrorCode | null;
  let outcome: RunSummary['outcome'] = 'succeeded';
  if (live?.runId === run.id) outcome = 'running';
  else if (!run.finishedAt) outcome = run.errorMessage ? 'paused' : 'interrupted';
  else if (code) outcome = 'failed';
  return {
    id: run.id,
    kind: run.kind,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    durationMs: run.finishedAt ? Date.parse(run.finishedAt) - Date.parse(run.startedAt) : null,
    outcome,
    error:
      outcome === 'failed' && code
        ? {
            code,
            message: run.errorMessage ?? messageFor(code).message,
            detail: run.errorDetail ?? '',
            hint: messageFor(code).hint,
          }
        : null,
    steps: steps
      .sort((a, b) => order.indexOf(a.step as SyncStep) - order.indexOf(b.step as SyncStep))
      .map((step) => ({
        step: step.step as SyncStep,
        startedAt: step.startedAt,
        finishedAt: step.finishedAt,
        done: step.done,
        total: step.total,
      })),
  };
}

export async function countRecordsWaitingToPush(db: LocalDatabase): Promise<number> {
  const manager = db.dataSource.manager;
  if ((await readSetting(manager, KEY.initialised)) !== 'true') return 0;
  const siteId = await readNumber(manager, KEY.siteId, 0);
  const stores = await storesOfSite(manager, siteId);
  // Each table goes over exactly one API, so the two counts never hold the same record twice.
  const v5 = await countPendingChanges(manager, 'v5', await readNumber(manager, KEY.pushCursorV5, 0), stores);
  const v6 = await countPendingChanges(manager, 'v6', await readNumber(manager, KEY.pushCursorV6, 0), stores);
  return v5 + v6;
}

/**
 * A run can start or finish while the rows are read, so the live run is read before and after
 * them and matched with the newest row: a row that is seen unfinished belongs to a run that is
 * going (RunLog makes a run live as soon as its row exists and ends it only after its row says so).
 */
export async function readSyncStatus(
  db: LocalDatabase,
  liveRun: () => RunProgress | undefined,
  schedulerState: () => { isRunning: boolean; paused: boolean },
): Promise<SyncStatus> {
  const manager = db.dataSource.manager;
  const logs = db.dataSource.getRepository(SyncLogEntity);
  const liveBefore = liveRun();
  const [lastRow] = await logs.find({ order: { id: 'DESC' }, take: 1 });
  const [lastSuccessRow] = await logs.find({
    where: { finishedAt: Not(IsNull()), errorCode: IsNull(), errorMessage: IsNull() },
    order: { id: 'DESC' },
    take: 1,
  });
  const liveAfter = liveRun();
  const live =
    [liveAfter, liveBefore].find(
      (run) => run && lastRow && run.runId === lastRow.id && !lastRow.finishedAt,
    ) ?? liveAfter;
  const scheduler = schedulerState();
  const problems = await countIntegrationProblems(db);
  return {
    configured: (await readSetting(manager, KEY.url)) !== undefined,
    initialised: (await readSetting(manager, KEY.initialised)) === 'true',
    isSyncing: scheduler.isRunning || live !== undefined,
    paused: scheduler.paused,
    current: live ?? null,
    lastRun: lastRow ? await summarise(db, lastRow, live) : null,
    lastSuccessfulRun: lastSuccessRow ? await summarise(db, lastSuccessRow, live) : null,
    recordsWaitingToPush: await countRecordsWaitingToPush(db),
    integrationProblems: problems.failed,
    untranslatedRecords: problems.untranslated,
  };
}
