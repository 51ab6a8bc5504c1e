// Integration problems (PRODUCT.md §5.5): buffered records that failed to integrate, with the reason,
// and Retry. Records kept for a later version ("no translator …") and records skipped on purpose
// ("Ignored: …") are not problems.
import { And, In, IsNull, Like, Not, type FindOptionsWhere } from 'typeorm';
import type { IntegrationProblem } from '../contract/views';
import { SyncBufferEntity, type SyncBufferRow } from '../db/entities/internal';
import { IGNORED_PREFIX, UNTRANSLATED_PREFIX, integrateBuffer } from '../sync/integrate';
import type { AppContext, ParsedInput } from './app-context';
import { AppError } from './errors';

/** The list shows the oldest problems first, this many at most (the status has the full count). */
export const MAX_PROBLEMS_LISTED = 1000;

function problemsWhere(recordIds?: readonly string[]): FindOptionsWhere<SyncBufferRow> {
  return {
    integratedAt: IsNull(),
    // NOT LIKE is never true of NULL, so rows without an error drop out too.
    integrationError: And(Not(Like(`${UNTRANSLATED_PREFIX}%`)), Not(Like(`${IGNORED_PREFIX}%`))),
    ...(recordIds ? { recordId: In([...recordIds]) } : {}),
  };
}

export async function listIntegrationProblems(context: AppContext): Promise<IntegrationProblem[]> {
  const rows = await context.engine.db.dataSource.getRepository(SyncBufferEntity).find({
    select: { tableName: true, recordId: true, integrationError: true, receivedAt: true },
    where: problemsWhere(),
    order: { receivedAt: 'ASC', bufferKey: 'ASC' },
    take: MAX_PROBLEMS_LISTED,
  });
  return rows.map((row) => ({
    tableName: row.tableName,
    recordId: row.recordId,
    reason: row.integrationError ?? '',
    receivedAt: row.receivedAt,
  }));
}

/**
 * Integrates the buffer again, exactly as a run's Integrate step does: the whole buffer in
 * dependency order, since a problem record may wait on a parent that is itself in the buffer.
 * Reports on the problems asked about (all of them when no ids are given).
 */
export async function retryIntegrationProblems(
  context: AppContext,
  { recordIds }: ParsedInput<'retryIntegrationProblems'>,
): Promise<{ retried: number; stillFailing: number }> {
  const { engine } = context;
  // Never beside a run's own Integrate step.
  if (engine.scheduler.state.isRunning) throw new AppError('SYNC_IN_PROGRESS');
  const buffer = engine.db.dataSource.getRepository(SyncBufferEntity);
  const retried = await buffer.find({ select: { bufferKey: true }, where: problemsWhere(recordIds) });
  if (retried.length === 0) return { retried: 0, stillFailing: 0 };
  await integrateBuffer(engine.db, async () => undefined);
  const stillFailing = await buffer.countBy({
    ...problemsWhere(),
    bufferKey: In(retried.map((row) => row.bufferKey)),
  });
  context.publishStatus();
  return { retried: retried.length, stillFailing };
}
