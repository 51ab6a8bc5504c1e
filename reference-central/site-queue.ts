// The v5 per-site outgoing queue: FIFO entries that stay until the site acknowledges them.
import type { Database } from './database';
import { storesOfSite, type RecordData } from './records';
import { isV5RemoteTable, layerOf } from './table-routing';

const NEW_SYNC_OUT_ID = 'upper(hex(randomblob(16)))';

export interface QueuedRecord {
  syncOutId: string;
  tableName: string;
  recordId: string;
  action: string;
  recordData?: RecordData;
}

/** Call inside a transaction. */
export async function enqueueRecord(
  db: Database,
  siteId: number,
  tableName: string,
  recordId: string,
  action: 'insert' | 'update' | 'delete',
): Promise<void> {
  await db.run(
    `INSERT INTO site_queue (site_id, sync_out_id, table_name, record_id, action) VALUES (?, ${NEW_SYNC_OUT_ID}, ?, ?, ?)`,
    [siteId, tableName, recordId, action],
  );
}

/** Rebuilds the site's queue with every store-owned record of its stores, parents first. */
export async function fillQueueForInitialisation(db: Database, siteId: number): Promise<number> {
  const stores = await storesOfSite(db, siteId);
  return db.transaction(async () => {
    await db.run('DELETE FROM site_queue WHERE site_id = ?', [siteId]);
    if (stores.length > 0) {
      const placeholders = stores.map(() => '?').join(', ');
      const tables = await db.all<{ table_name: string }>(
        `SELECT DISTINCT table_name FROM record WHERE store_id IN (${placeholders})`,
        stores,
      );
      const remoteTables = tables
        .map((row) => row.table_name)
        .filter(isV5RemoteTable)
        .sort((a, b) => layerOf(a) - layerOf(b));
      for (const table of remoteTables) {
        await db.run(
          `INSERT INTO site_queue (site_id, sync_out_id, table_name, record_id, action)
           SELECT ?, ${NEW_SYNC_OUT_ID}, table_name, record_id, 'insert' FROM record
           WHERE table_name = ? AND store_id IN (${placeholders}) ORDER BY record_id`,
          [siteId, table, ...stores],
        );
      }
    }
    return queueLength(db, siteId);
  });
}

export async function queueLength(db: Database, siteId: number): Promise<number> {
  const row = await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM site_queue WHERE site_id = ?', [siteId]);
  return row?.n ?? 0;
}

interface QueueEntry {
  sync_out_id: string;
  table_name: string;
  record_id: string;
  action: string;
  data: string | null;
}

function peekEntries(db: Database, siteId: number, limit: number): Promise<QueueEntry[]> {
  return db.all<QueueEntry>(
    `SELECT q.sync_out_id, q.table_name, q.record_id, q.action, r.data
     FROM site_queue q LEFT JOIN record r ON r.table_name = q.table_name AND r.record_id = q.record_id
     WHERE q.site_id = ? ORDER BY q.seq LIMIT ?`,
    [siteId, limit],
  );
}

/** A record gone since it was queued is sent as a delete. */
const sentAsDelete = (entry: QueueEntry): boolean => entry.action === 'delete' || entry.data === null;

/** The head of the queue, with each record's current data. */
export async function peekQueue(db: Database, siteId: number, limit: number): Promise<QueuedRecord[]> {
  return (await peekEntries(db, siteId, limit)).map((entry) => {
    const base = { syncOutId: entry.sync_out_id, tableName: entry.table_name, recordId: entry.record_id };
    return sentAsDelete(entry)
      ? { ...base, action: 'delete' }
      : { ...base, action: entry.action, recordData: JSON.parse(entry.data as string) as RecordData };
  });
}

/**
 * The same head of the queue as a JSON array, each record's stored JSON spliced in as it is rather
 * than parsed and serialised again: every initialisation reads the whole queue this way.
 */
export async function peekQueueJson(db: Database, siteId: number, limit: number): Promise<string> {
  const items = (await peekEntries(db, siteId, limit)).map((entry) => {
    const base = JSON.stringify({
      syncOutId: entry.sync_out_id,
      tableName: entry.table_name,
      recordId: entry.record_id,
      action: sentAsDelete(entry) ? 'delete' : entry.action,
    });
    return sentAsDelete(entry) ? base : `${base.slice(0, -1)},"recordData":${entry.data as string}}`;
  });
  return `[${items.join(',')}]`;
}

export async function acknowledge(
  db: Database,
  siteId: number,
  syncOutIds: readonly string[],
): Promise<void> {
  await db.transaction(async () => {
    for (let start = 0; start < syncOutIds.length; start += 500) {
      const ids = syncOutIds.slice(start, start + 500);
      // `+site_id` keeps SQLite on the sync_out_id index: by site_id it would visit the whole queue.
      await db.run(
        `DELETE FROM site_queue WHERE +site_id = ? AND sync_out_id IN (${ids.map(() => '?').join(', ')})`,
        [siteId, ...ids],
      );
    }
  });
}
