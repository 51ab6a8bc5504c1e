// Integration problems (PRODUCT.md §5.5): buffered records that did not integrate, why, and a retry.
// The CLI lists and retries them; the app's Integration problems screen calls the same two functions.
import { In, IsNull, Not } from 'typeorm';
import type { LocalDatabase } from '../db/data-source';
import { SyncBufferEntity, type SyncBufferRow } from '../db/entities/internal';
import { FIELD_PREFIX, IGNORED_PREFIX, UNTRANSLATED_PREFIX, integrateBuffer } from './integrate';

export interface IntegrationProblem {
  tableName: string;
  recordId: string;
  /** The whole reason as kept on the buffer row, e.g. `Field entry_date: must be a real date, got none`. */
  reason: string;
  /** The wire field (or local column of a reference) that was wrong, when one was. */
  field: string | null;
  receivedAt: string;
}

export interface IntegrationNote {
  tableName: string;
  recordId: string;
  /** What the integration changed, e.g. `currencyId blanked: currency "AUD" does not exist`. */
  note: string;
  integratedAt: string | null;
}

export interface IntegrationProblems {
  /** Records that failed; they stay pending and are tried again at every integration and on retry. */
  failed: IntegrationProblem[];
  /** Records skipped on purpose (a system store, an invoice status not handled), with the reason. */
  ignored: IntegrationProblem[];
  /** Records kept because no translator handles their table yet, counted per wire table. */
  untranslated: Record<string, number>;
  /** Records that integrated with optional references to missing records blanked. */
  notes: IntegrationNote[];
}

type ProblemKind = 'failed' | 'ignored' | 'untranslated';

function kindOf(row: Pick<SyncBufferRow, 'integrationError'>): ProblemKind {
  if (row.integrationError?.startsWith(UNTRANSLATED_PREFIX)) return 'untranslated';
  if (row.integrationError?.startsWith(IGNORED_PREFIX)) return 'ignored';
  return 'failed';
}

/** `Field <name>: <what was wrong>` names the field; other reasons name none. */
function fieldOf(reason: string): string | null {
  if (!reason.startsWith(FIELD_PREFIX)) return null;
  const colon = reason.indexOf(': ', FIELD_PREFIX.length);
  return colon < 0 ? null : reason.slice(FIELD_PREFIX.length, colon);
}

const byTableThenId = <T extends { tableName: string; recordId: string }>(a: T, b: T): number =>
  a.tableName.localeCompare(b.tableName) || a.recordId.localeCompare(b.recordId);

export async function listIntegrationProblems(db: LocalDatabase): Promise<IntegrationProblems> {
  const buffer = db.dataSource.getRepository(SyncBufferEntity);
  const [withError, withNote] = await Promise.all([
    buffer.find({
      select: { tableName: true, recordId: true, integrationError: true, receivedAt: true },
      where: { integrationError: Not(IsNull()) },
    }),
    buffer.find({
      select: { tableName: true, recordId: true, integrationNote: true, integratedAt: true },
      where: { integrationNote: Not(IsNull()) },
    }),
  ]);
  const problems: IntegrationProblems = { failed: [], ignored: [], untranslated: {}, notes: [] };
  for (const row of withError) {
    const kind = kindOf(row);
    if (kind === 'untranslated') {
      problems.untranslated[row.tableName] = (problems.untranslated[row.tableName] ?? 0) + 1;
      continue;
    }
    const reason = row.integrationError ?? '';
    problems[kind].push({
      tableName: row.tableName,
      recordId: row.recordId,
      reason,
      field: fieldOf(reason),
      receivedAt: row.receivedAt,
    });
  }
  problems.notes = withNote.map((row) => ({
    tableName: row.tableName,
    recordId: row.recordId,
    note: row.integrationNote ?? '',
    integratedAt: row.integratedAt,
  }));
  problems.failed.sort(byTableThenId);
  problems.ignored.sort(byTableThenId);
  problems.notes.sort(byTableThenId);
  return problems;
}

/**
 * What the Sync status counts: failed records, and records kept for a later version. Read on
 * every status, so it is one query over the partial index of failed buffer rows.
 */
export async function countIntegrationProblems(
  db: LocalDatabase,
): Promise<{ failed: number; untranslated: number }> {
  const [row] = (await db.dataSource.query(
    `SELECT COUNT(*) AS pending, COALESCE(SUM(substr(integration_error, 1, ?) = ?), 0) AS untranslated
     FROM sync_buffer INDEXED BY sync_buffer_problems
     WHERE integrated_at IS NULL AND integration_error IS NOT NULL`,
    [UNTRANSLATED_PREFIX.length, UNTRANSLATED_PREFIX],
  )) as { pending: number; untranslated: number }[];
  const untranslated = Number(row?.untranslated ?? 0);
  return { failed: Number(row?.pending ?? 0) - untranslated, untranslated };
}

export interface RetryResult {
  /** Buffer rows the retry took up. */
  retried: number;
  /** Of those: now integrated, still failing, skipped on purpose, still without a translator. */
  integrated: number;
  stillFailing: number;
  ignored: number;
  untranslated: number;
}

/**
 * Integrates again the records that failed — all of them, or those of `recordIds` (which may also
 * name ignored records, e.g. after an upgrade that handles them). The whole pending buffer is
 * integrated, in dependency order, as the Integrate step does: a failed record may be waiting for
 * a parent that is itself still in the buffer. Run it between syncs, never beside a run's own
 * Integrate step.
 */
export async function retryIntegrationProblems(
  db: LocalDatabase,
  recordIds?: readonly string[],
): Promise<RetryResult> {
  const buffer = db.dataSource.getRepository(SyncBufferEntity);
  const chosen = (
    await buffer.find({
      select: { bufferKey: true, integrationError: true },
      where: { integrationError: Not(IsNull()), ...(recordIds ? { recordId: In([...recordIds]) } : {}) },
    })
  ).filter((row) => (recordIds ? true : kindOf(row) === 'failed'));
  const bufferKeys = chosen.map((row) => row.bufferKey);
  // Ignored records were settled: asked for again, they become pending, as if just received.
  await db.transaction(async (manager) => {
    for (let start = 0; start < bufferKeys.length; start += 500) {
      await manager.update(
        SyncBufferEntity,
        { bufferKey: In(bufferKeys.slice(start, start + 500)) },
        { integratedAt: null },
      );
    }
  });
  if (bufferKeys.length > 0) await integrateBuffer(db, async () => undefined);
  const result: RetryResult = { retried: 0, integrated: 0, stillFailing: 0, ignored: 0, untranslated: 0 };
  for (let start = 0; start < bufferKeys.length; start += 500) {
    // The key is selected too: TypeORM drops an entity whose selected columns are all null.
    const after = await buffer.find({
      select: { bufferKey: true, integrationError: true },
      where: { bufferKey: In(bufferKeys.slice(start, start + 500)) },
    });
    for (const row of after) {
      result.retried += 1;
      const kind = row.integrationError === null ? 'integrated' : kindOf(row);
      result[kind === 'failed' ? 'stillFailing' : kind] += 1;
    }
  }
  return result;
}
