// Integrate: apply buffered records to the local tables in dependency order (upserts parents
// first, deletes children first, then merges), in chunks that let the event loop breathe.
// A record that fails keeps its reason on its buffer row; the others go on.
import { IsNull, type EntityManager } from 'typeorm';
import type { LocalDatabase } from '../db/data-source';
import { SyncBufferEntity, type BufferAction, type SyncBufferRow } from '../db/entities/internal';
import { deleteSyncedRow, upsertSyncedRows } from '../db/synced-writes';
import { integrationOrder, translatorFor } from '../translators/registry';
import {
  IgnoredRecord,
  TranslationError,
  type SyncedRow,
  type TableTranslator,
  type WireRecord,
} from '../translators/types';

const CHUNK_SIZE = 500;
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface IntegrationResult {
  integrated: number;
  failed: number;
  ignored: number;
  /** Records kept because no translator handles their table yet. */
  untranslated: number;
}

type PendingRow = Pick<SyncBufferRow, 'bufferKey' | 'tableName' | 'action'>;

function orderPending(rows: PendingRow[]): PendingRow[] {
  const order = new Map(integrationOrder().map((table, index) => [table, index]));
  const actionRank: Record<BufferAction, number> = { upsert: 0, delete: 1, merge: 2 };
  return rows.sort((a, b) => {
    const byAction = actionRank[a.action] - actionRank[b.action];
    if (byAction !== 0) return byAction;
    const byTable = (order.get(a.tableName) ?? 0) - (order.get(b.tableName) ?? 0);
    return a.action === 'delete' ? -byTable : byTable;
  });
}

/**
 * Which ids exist per table: rows already in the database (looked up once, then remembered) and
 * rows this integration is about to write. Parents arrive before children, so most lookups hit.
 */
class KnownRecords {
  private readonly known = new Map<string, Set<string>>();

  add(table: string, id: string): void {
    let ids = this.known.get(table);
    if (!ids) this.known.set(table, (ids = new Set()));
    ids.add(id);
  }

  async has(manager: EntityManager, table: string, id: string): Promise<boolean> {
    if (this.known.get(table)?.has(id)) return true;
    const target = translatorFor(table);
    if (!target) return true; // we cannot check a table we do not hold
    const found = (await manager.getRepository(target.entity).countBy({ id } as never)) > 0;
    if (found) this.add(table, id);
    return found;
  }
}

/**
 * `step`: the Integrate step, which settles every pending record (integrated, failed with its
 * reason, or kept for a later version). `ahead`: while the pulls go on, only the upserts that
 * integrate as they are; everything else stays pending, untouched, for the step.
 */
type IntegrationMode = 'step' | 'ahead';

/**
 * Required references must exist; optional ones that point nowhere are blanked instead of failing the
 * record (reference §5.6). Returns the note to keep for the blanked ones, if any.
 */
async function resolveReferences(
  manager: EntityManager,
  known: KnownRecords,
  translator: TableTranslator,
  row: Record<string, unknown>,
  mode: IntegrationMode,
): Promise<string | null> {
  const blanked: string[] = [];
  for (const reference of translator.references) {
    const value = row[reference.field];
    if (typeof value !== 'string' || value === '') continue;
    if (await known.has(manager, reference.table, value)) continue;
    // Ahead of the step, a missing record may simply not be integrated yet: the record waits.
    if (mode === 'ahead') throw new Error(`waits for ${reference.table} "${value}"`);
    if (reference.required) {
      throw new TranslationError(
        reference.field,
        `refers to ${reference.table} "${value}", which does not exist`,
      );
    }
    row[reference.field] = null;
    blanked.push(`${reference.field} blanked: ${reference.table} "${value}" does not exist`);
  }
  return blanked.length > 0 ? blanked.join('; ') : null;
}

/** How a buffer row's integration_error begins, by kind (problems.ts reads them back). */
export const IGNORED_PREFIX = 'Ignored: ';
export const FIELD_PREFIX = 'Field ';
export const UNTRANSLATED_PREFIX = 'no translator for table ';

function describeFailure(error: unknown): string {
  if (error instanceof IgnoredRecord) return `${IGNORED_PREFIX}${error.message}`;
  if (error instanceof TranslationError) return `${FIELD_PREFIX}${error.message}`;
  return `Could not integrate: ${(error as Error).message}`;
}

const sourceOf = (buffered: Pick<SyncBufferRow, 'source'>) =>
  buffered.source === 'v6' ? 'sync-v6' : 'sync-v5';

/** Upserts waiting to be written together: same table, same source. */
interface UpsertGroup {
  translator: TableTranslator;
  source: 'sync-v5' | 'sync-v6';
  rows: SyncedRow[];
  bufferKeys: string[];
}

type BufferedRow = Pick<
  SyncBufferRow,
  'bufferKey' | 'tableName' | 'recordId' | 'action' | 'data' | 'source'
> & {
  integrationError: string | null;
};

/** A chunk's buffer rows, read with plain SQL: every pulled record passes through here. */
function readBufferedRows(manager: EntityManager, bufferKeys: readonly string[]): Promise<BufferedRow[]> {
  return manager.query(
    `SELECT buffer_key AS bufferKey, table_name AS tableName, record_id AS recordId, action, data, source,
       integration_error AS integrationError
     FROM sync_buffer WHERE integrated_at IS NULL AND buffer_key IN (${bufferKeys.map(() => '?').join(', ')})`,
    [...bufferKeys],
  ) as Promise<BufferedRow[]>;
}

async function integrateChunk(
  manager: EntityManager,
  chunk: readonly PendingRow[],
  known: KnownRecords,
  result: IntegrationResult,
  mode: IntegrationMode,
): Promise<void> {
  const buffered = await readBufferedRows(
    manager,
    chunk.map((row) => row.bufferKey),
  );
  const byKey = new Map(buffered.map((row) => [row.bufferKey, row]));
  const settled: string[] = [];
  const notes = new Map<string, string>();
  let group: UpsertGroup | undefined;
  const flush = async (): Promise<void> => {
    if (!group) return;
    await upsertSyncedRows(manager, group.translator, group.rows, group.source);
    settled.push(...group.bufferKeys);
    result.integrated += group.rows.length;
    group = undefined;
  };
  const keepError = (row: BufferedRow, error: string, done: boolean): Promise<unknown> =>
    manager.update(
      SyncBufferEntity,
      { bufferKey: row.bufferKey },
      {
        integratedAt: done ? new Date().toISOString() : null,
        integrationError: error,
        integrationNote: null,
      },
    );

  for (const pending of chunk) {
    const row = byKey.get(pending.bufferKey);
    if (!row) continue;
    const translator = translatorFor(row.tableName);
    if (mode === 'ahead' && (!translator || row.action !== 'upsert')) continue;
    if (!translator) {
      result.untranslated += 1;
      const note = `${UNTRANSLATED_PREFIX}${row.tableName}`;
      if (row.integrationError !== note) await keepError(row, note, false);
      continue;
    }
    const data = JSON.parse(row.data) as WireRecord;
    if (row.action !== 'upsert') {
      await flush();
      const id = row.action === 'delete' ? row.recordId : data.mergeIdToDelete;
      if (typeof id !== 'string') {
        result.failed += 1;
        await keepError(row, 'Field mergeIdToDelete: is missing', false);
        continue;
      }
      await deleteSyncedRow(manager, translator, id, sourceOf(row));
      settled.push(row.bufferKey);
      result.integrated += 1;
      continue;
    }
    try {
      const local = { ...translator.fromWire(data), receivedJson: row.data } as SyncedRow;
      const note = await resolveReferences(
        manager,
        known,
        translator,
        local as unknown as Record<string, unknown>,
        mode,
      );
      if (note) notes.set(row.bufferKey, note);
      if (group && (group.translator !== translator || group.source !== sourceOf(row))) await flush();
      group ??= { translator, source: sourceOf(row), rows: [], bufferKeys: [] };
      group.rows.push(local);
      group.bufferKeys.push(row.bufferKey);
      known.add(translator.table, local.id);
    } catch (error) {
      if (mode === 'ahead') continue;
      // Ignored records are settled with their reason; failures stay pending and are retried next time.
      const ignored = error instanceof IgnoredRecord;
      if (ignored) result.ignored += 1;
      else result.failed += 1;
      await keepError(row, describeFailure(error), ignored);
    }
  }
  await flush();
  if (settled.length > 0) {
    await manager.query(
      `UPDATE sync_buffer SET integrated_at = ?, integration_error = NULL, integration_note = NULL
       WHERE buffer_key IN (${settled.map(() => '?').join(', ')})`,
      [new Date().toISOString(), ...settled],
    );
    for (const [bufferKey, integrationNote] of notes) {
      await manager.update(SyncBufferEntity, { bufferKey }, { integrationNote });
    }
  }
}

export async function integrateBuffer(
  db: LocalDatabase,
  onProgress: (done: number, total: number) => Promise<void>,
): Promise<IntegrationResult> {
  const pending = await db.dataSource.getRepository(SyncBufferEntity).find({
    select: { bufferKey: true, tableName: true, action: true },
    where: { integratedAt: IsNull() },
  });
  const result: IntegrationResult = { integrated: 0, failed: 0, ignored: 0, untranslated: 0 };
  const ordered = orderPending(pending);
  const known = new KnownRecords();
  await onProgress(0, ordered.length);
  for (let start = 0; start < ordered.length; start += CHUNK_SIZE) {
    const chunk = ordered.slice(start, start + CHUNK_SIZE);
    await db.transaction((manager) => integrateChunk(manager, chunk, known, result, 'step'));
    await onProgress(Math.min(start + CHUNK_SIZE, ordered.length), ordered.length);
    await yieldToEventLoop();
  }
  return result;
}

/**
 * Integration ahead of the step, while the pulls go on (see IntegrationMode 'ahead'): the returned
 * function integrates one just-buffered batch and resolves to how many records it integrated. Its
 * batches share what they learn about which records exist.
 */
export function aheadIntegrator(db: LocalDatabase): (upserts: readonly PendingRow[]) => Promise<number> {
  const known = new KnownRecords();
  return async (upserts) => {
    const result: IntegrationResult = { integrated: 0, failed: 0, ignored: 0, untranslated: 0 };
    const ordered = orderPending([...upserts]);
    for (let start = 0; start < ordered.length; start += CHUNK_SIZE) {
      const chunk = ordered.slice(start, start + CHUNK_SIZE);
      await db.transaction((manager) => integrateChunk(manager, chunk, known, result, 'ahead'));
      await yieldToEventLoop();
    }
    return result.integrated;
  };
}
