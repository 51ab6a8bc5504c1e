// Local edits of synced tables (what the store's own users change). They go through the same
// repository layer as sync, flagged "local", so they are pushed at the next sync.
import type { LocalDatabase } from './db/data-source';
import { deleteSyncedRow, upsertSyncedRow } from './db/synced-writes';
import { translatorFor } from './translators/registry';
import type { SyncedRow, TableTranslator } from './translators/types';

function translatorOrThrow(table: string): TableTranslator {
  const translator = translatorFor(table);
  if (!translator) throw new Error(`No synced table "${table}"`);
  return translator;
}

export async function readLocalRecord(
  db: LocalDatabase,
  table: string,
  id: string,
): Promise<SyncedRow | null> {
  const translator = translatorOrThrow(table);
  return (await db.dataSource
    .getRepository(translator.entity)
    .findOneBy({ id } as never)) as SyncedRow | null;
}

/** Inserts or updates a row of a synced table (by its wire table name) as a local change. */
export async function saveLocalRecord(db: LocalDatabase, table: string, row: SyncedRow): Promise<void> {
  const translator = translatorOrThrow(table);
  await db.transaction((manager) => upsertSyncedRow(manager, translator, row, 'local'));
}

export async function deleteLocalRecord(db: LocalDatabase, table: string, id: string): Promise<void> {
  const translator = translatorOrThrow(table);
  await db.transaction((manager) => deleteSyncedRow(manager, translator, id, 'local'));
}
