// Integrate: apply buffered records to the local tables in dependency order (upserts parents
// first, deletes children first, then merges), in chunks that let the event loop breathe.
// A record that fails keeps its reason on its buffer row; the others go on.
import { IsNull, type EntityManager } from 'typeorm';
import type { LocalDatabase } from '../db/data-source';
import { SyncBufferEntity, type BufferAction, type SyncBufferRow } from '../db/entities/internal';
import { deleteSyncedRow, upsertSyncedRow } from '../db/synced-writes';
import { integrationOrder, translatorFor } from '../translators/registry';
import { IgnoredRecord, TranslationError, type TableTranslator, type WireRecord } from '../translators/types';

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

async function referenceExists(manager: EntityManager, table: string, id: string): Promise<boolean> {
  const target = translatorFor(table);
  if (!target) return true; // we cannot check a table we do not hold
  return (await manager.getRepository(target.entity).countBy({ id } as never)) > 0;
}

/** Required references must exist; optional ones that point nowhere are blanked. */
async function resolveReferences(
  manager: EntityManager,
  translator: TableTranslator,
  row: Record<string, unknown>,
): Promise<void> {
  for (const reference of translator.references) {
    const value = row[reference.field];
    if (typeof value !== 'string' || value === '') continue;
    if (await referenceExists(manager, reference.table, value)) continue;
    if (reference.required) {
      throw new TranslationError(
        reference.field,
        `refers to ${reference.table} "${value}", which does not exist`,
      );
    }
    row[reference.field] = null;
  }
}

async function integrateRow(
  manager: EntityManager,
  buffered: SyncBufferRow,
  translator: TableTranslator,
): Promise<void> {
  const data = JSON.parse(buffered.data) as WireRecord;
  const source = buffered.source === 'v6' ? 'sync-v6' : 'sync-v5';
  if (buffered.action === 'delete') {
    await deleteSyncedRow(manager, translator, buffered.recordId, source);
    return;
  }
  if (buffered.action === 'merge') {
    const mergeIdToDelete = data.mergeIdToDelete;
    if (typeof mergeIdToDelete !== 'string') throw new TranslationError('mergeIdToDelete', 'is missing');
    await deleteSyncedRow(manager, translator, mergeIdToDelete, source);
    return;
  }
  const row = { ...translator.fromWire(data), receivedJson: buffered.data } as Record<string, unknown>;
  await resolveReferences(manager, translator, row);
  await upsertSyncedRow(manager, translator, row as never, source);
}

function describeFailure(error: unknown): string {
  if (error instanceof IgnoredRecord) return `Ignored: ${error.message}`;
  if (error instanceof TranslationError) return `Field ${error.message}`;
  return `Could not integrate: ${(error as Error).message}`;
}

export async function integrateBuffer(
  db: LocalDatabase,
  onProgress: (done: number, total: number) => Promise<void>,
): Promise<IntegrationResult> {
  const pending = await db.dataSource.getRepository(SyncBufferEntity).find({
    select: { bufferKey: true, tableName: true, action: true },
    // IsNull(), not null: TypeORM drops a plain null from `where`, which would match every row.
    where: { integratedAt: IsNull() },
  });
  const result: IntegrationResult = { integrated: 0, failed: 0, ignored: 0, untranslated: 0 };
  const ordered = orderPending(pending);
  await onProgress(0, ordered.length);
  for (let start = 0; start < ordered.length; start += CHUNK_SIZE) {
    const chunk = ordered.slice(start, start + CHUNK_SIZE);
    await db.transaction(async (manager) => {
      for (const pendingRow of chunk) {
        const buffered = await manager.findOneByOrFail(SyncBufferEntity, { bufferKey: pendingRow.bufferKey });
        const translator = translatorFor(buffered.tableName);
        if (!translator) {
          result.untranslated += 1;
          const note = `no translator for table ${buffered.tableName}`;
          if (buffered.integrationError !== note) {
            await manager.update(
              SyncBufferEntity,
              { bufferKey: buffered.bufferKey },
              { integrationError: note },
            );
          }
          continue;
        }
        let integrationError: string | null = null;
        let settled = true; // integrated or deliberately ignored; a failure stays pending for a retry
        try {
          await manager.query('SAVEPOINT record');
          await integrateRow(manager, buffered, translator);
          await manager.query('RELEASE record');
          result.integrated += 1;
        } catch (error) {
          await manager.query('ROLLBACK TO record');
          await manager.query('RELEASE record');
          integrationError = describeFailure(error);
          if (error instanceof IgnoredRecord) {
            result.ignored += 1;
          } else {
            result.failed += 1;
            settled = false;
          }
        }
        await manager.update(
          SyncBufferEntity,
          { bufferKey: buffered.bufferKey },
          { integratedAt: settled ? new Date().toISOString() : null, integrationError },
        );
      }
    });
    await onProgress(Math.min(start + CHUNK_SIZE, ordered.length), ordered.length);
    await yieldToEventLoop();
  }
  return result;
}
