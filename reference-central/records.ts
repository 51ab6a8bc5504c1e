// Writes and reads the central's records, keeping the v5 change log and the v6 change log in step.
import type { Database } from './database';
import { ownStoreOf, routeOf, type TableRoute } from './table-routing';

export type RecordData = Record<string, unknown>;

/** A JSON object (not null, not an array): what a record's data must be. */
export function isRecordData(value: unknown): value is RecordData {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface WriteOrigin {
  /** The site whose push produced the change (null for the central's own edits and seeds). */
  sourceSiteId: number | null;
}

const CENTRAL_ORIGIN: WriteOrigin = { sourceSiteId: null };

export async function readRecord(
  db: Database,
  tableName: string,
  recordId: string,
): Promise<RecordData | undefined> {
  const row = await db.get<{ data: string }>(
    'SELECT data FROM record WHERE table_name = ? AND record_id = ?',
    [tableName, recordId],
  );
  return row ? (JSON.parse(row.data) as RecordData) : undefined;
}

async function storeOf(db: Database, route: TableRoute, data: RecordData): Promise<string | null> {
  if (route.api === 'v5' && route.kind === 'central') return null;
  const own = ownStoreOf(data);
  if (own || !route.parent) return own ?? null;
  const parentId = data[route.parent.parentKey];
  if (typeof parentId !== 'string' || parentId === '') return null;
  const parent = await db.get<{ store_id: string | null }>(
    'SELECT store_id FROM record WHERE table_name = ? AND record_id = ?',
    [route.parent.parentTable, parentId],
  );
  return parent?.store_id ?? null;
}

export interface RecordWrite {
  recordId: string;
  data: RecordData;
}

/** Records per INSERT (4 values each, far below SQLite's limit on bound values). */
const ROWS_PER_STATEMENT = 100;

/** Which of `recordIds` the table holds already. */
async function existingIds(
  db: Database,
  tableName: string,
  recordIds: readonly string[],
): Promise<Set<string>> {
  const rows = await db.all<{ record_id: string }>(
    `SELECT record_id FROM record WHERE table_name = ? AND record_id IN (${recordIds.map(() => '?').join(', ')})`,
    [tableName, ...recordIds],
  );
  return new Set(rows.map((row) => row.record_id));
}

/**
 * Upserts records of one table, a hundred per statement, and logs each change for the API it
 * travels over. Call inside a transaction.
 */
export async function upsertRecords(
  db: Database,
  tableName: string,
  records: readonly RecordWrite[],
  origin: WriteOrigin = CENTRAL_ORIGIN,
): Promise<void> {
  const route = routeOf(tableName);
  // Only the v5 central change log tells an insert from an update; other writes skip the lookup.
  const logsInsertsApart = route.api === 'v5' && route.kind === 'central';
  for (let start = 0; start < records.length; start += ROWS_PER_STATEMENT) {
    const slice = records.slice(start, start + ROWS_PER_STATEMENT);
    const storeIds: (string | null)[] = [];
    for (const record of slice) storeIds.push(await storeOf(db, route, record.data));
    const existing = logsInsertsApart
      ? await existingIds(
          db,
          tableName,
          slice.map((record) => record.recordId),
        )
      : new Set<string>();
    await db.run(
      `INSERT INTO record (table_name, record_id, data, store_id) VALUES ${slice.map(() => '(?, ?, ?, ?)').join(', ')}
       ON CONFLICT (table_name, record_id) DO UPDATE SET data = excluded.data, store_id = excluded.store_id`,
      slice.flatMap((record, index) => [
        tableName,
        record.recordId,
        JSON.stringify(record.data),
        storeIds[index] ?? null,
      ]),
    );
    for (const [index, record] of slice.entries()) {
      const action = existing.has(record.recordId) ? 'update' : 'insert';
      existing.add(record.recordId); // a second write of the same record in one slice updates it
      await logChange(db, route, tableName, record.recordId, action, storeIds[index] ?? null, origin);
    }
  }
}

/** Upserts one record and logs the change for the API it travels over. Call inside a transaction. */
export function upsertRecord(
  db: Database,
  tableName: string,
  recordId: string,
  data: RecordData,
  origin: WriteOrigin = CENTRAL_ORIGIN,
): Promise<void> {
  return upsertRecords(db, tableName, [{ recordId, data }], origin);
}

/** Deletes one record (if present) and logs the delete. Call inside a transaction. */
export async function deleteRecord(
  db: Database,
  tableName: string,
  recordId: string,
  origin: WriteOrigin = CENTRAL_ORIGIN,
): Promise<void> {
  const existing = await db.get<{ store_id: string | null }>(
    'SELECT store_id FROM record WHERE table_name = ? AND record_id = ?',
    [tableName, recordId],
  );
  await db.run('DELETE FROM record WHERE table_name = ? AND record_id = ?', [tableName, recordId]);
  await logChange(db, routeOf(tableName), tableName, recordId, 'delete', existing?.store_id ?? null, origin);
}

async function logChange(
  db: Database,
  route: TableRoute,
  tableName: string,
  recordId: string,
  action: 'insert' | 'update' | 'delete',
  storeId: string | null,
  origin: WriteOrigin,
): Promise<void> {
  if (route.api === 'v5') {
    if (route.kind !== 'central') return; // store-owned records travel through site queues
    await db.run('DELETE FROM central_change WHERE table_name = ? AND record_id = ?', [tableName, recordId]);
    await db.run('INSERT INTO central_change (table_name, record_id, action) VALUES (?, ?, ?)', [
      tableName,
      recordId,
      action,
    ]);
    return;
  }
  await db.run("DELETE FROM oms_change WHERE record_id = ? AND IFNULL(store_id, '') = IFNULL(?, '')", [
    recordId,
    storeId,
  ]);
  await db.run(
    `INSERT INTO oms_change (table_name, record_id, action, store_id, source_site_id, is_sync_update)
     VALUES (?, ?, ?, ?, ?, ?)`,
    [
      tableName,
      recordId,
      action === 'delete' ? 'DELETE' : 'UPSERT',
      storeId,
      origin.sourceSiteId,
      origin.sourceSiteId === null ? 0 : 1,
    ],
  );
}

/** Ids of the stores active on a site (store.sync_id_remote_site = siteId). */
export async function storesOfSite(db: Database, siteId: number): Promise<string[]> {
  const rows = await db.all<{ record_id: string }>(
    "SELECT record_id FROM record WHERE table_name = 'store' AND json_extract(data, '$.sync_id_remote_site') = ?",
    [siteId],
  );
  return rows.map((row) => row.record_id);
}
