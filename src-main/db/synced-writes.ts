// The one place local rows of synced tables are written: every write also writes its change-log
// row in the same transaction, flagged when it came from sync so it is never pushed back.
import type { EntityManager } from 'typeorm';
import type { SyncedRow, TableTranslator } from '../translators/types';
import type { ChangeSource } from './entities/internal';

interface ChangeEntry {
  tableName: string;
  recordId: string;
  action: 'UPSERT' | 'DELETE';
  storeId: string | null;
}

/** Change-log rows in one plain statement: TypeORM's insert costs more than the write itself here. */
async function logChanges(
  manager: EntityManager,
  entries: readonly ChangeEntry[],
  source: ChangeSource,
): Promise<void> {
  if (entries.length === 0) return;
  const changedAt = new Date().toISOString();
  const isSyncUpdate = source === 'local' ? 0 : 1;
  await manager.query(
    `INSERT INTO change_log (table_name, record_id, action, store_id, is_sync_update, source, changed_at)
     VALUES ${entries.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
    entries.flatMap((entry) => [
      entry.tableName,
      entry.recordId,
      entry.action,
      entry.storeId,
      isSyncUpdate,
      source,
      changedAt,
    ]),
  );
}

/** SQLite binds at most 32 766 parameters per statement; batches stay far below that. */
const ROWS_PER_STATEMENT = 100;

/**
 * Upserts rows with every value bound. TypeORM's query builder writes numbers into the SQL text,
 * and SQLite's reading of that text can move a double by its last bit: a value must be stored
 * exactly as received.
 */
async function upsertBound(
  manager: EntityManager,
  translator: TableTranslator,
  rows: readonly SyncedRow[],
): Promise<void> {
  const metadata = manager.connection.getMetadata(translator.entity);
  const { driver } = manager.connection;
  const columns = metadata.columns;
  const quoted = columns.map((column) => `"${column.databaseName}"`);
  const updates = columns
    .filter((column) => !column.isPrimary)
    .map((column) => `"${column.databaseName}" = excluded."${column.databaseName}"`);
  const values = `(${columns.map(() => '?').join(', ')})`;
  const parameters = rows.flatMap((row) =>
    columns.map((column) => driver.preparePersistentValue(column.getEntityValue(row), column) ?? null),
  );
  await manager.query(
    `INSERT INTO "${metadata.tableName}" (${quoted.join(', ')}) VALUES ${rows.map(() => values).join(', ')}
     ON CONFLICT ("id") DO UPDATE SET ${updates.join(', ')}`,
    parameters,
  );
}

/** Upserts many rows of one table and their change-log rows, a few statements per hundred rows. */
export async function upsertSyncedRows(
  manager: EntityManager,
  translator: TableTranslator,
  rows: readonly SyncedRow[],
  source: ChangeSource,
): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const slice = rows.slice(start, start + ROWS_PER_STATEMENT);
    await upsertBound(manager, translator, slice);
    await logChanges(
      manager,
      slice.map((row) => ({
        tableName: translator.table,
        recordId: row.id,
        action: 'UPSERT' as const,
        storeId: translator.storeIdOf(row),
      })),
      source,
    );
  }
}

export async function upsertSyncedRow(
  manager: EntityManager,
  translator: TableTranslator,
  row: SyncedRow,
  source: ChangeSource,
): Promise<void> {
  await upsertBound(manager, translator, [row]);
  await logChanges(
    manager,
    [{ tableName: translator.table, recordId: row.id, action: 'UPSERT', storeId: translator.storeIdOf(row) }],
    source,
  );
}

export async function deleteSyncedRow(
  manager: EntityManager,
  translator: TableTranslator,
  id: string,
  source: ChangeSource,
): Promise<void> {
  const repository = manager.getRepository(translator.entity);
  const existing = await repository.findOneBy({ id } as never);
  if (!existing) return;
  await repository.delete({ id } as never);
  await logChanges(
    manager,
    [
      {
        tableName: translator.table,
        recordId: id,
        action: 'DELETE',
        storeId: translator.storeIdOf(existing),
      },
    ],
    source,
  );
}
