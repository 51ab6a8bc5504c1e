// Integrates what a site pushed (v5 or v6) into the central's records, parents first, and tracks
// which sites are integrating so status and the v6 lock can report it.
import type { Database } from './database';
import { deleteRecord, upsertRecords, type RecordData, type RecordWrite } from './records';
import { layerOf } from './table-routing';

export type Api = 'v5' | 'v6';
export type BufferedAction = 'upsert' | 'delete' | 'merge';

export interface BufferedRecord {
  tableName: string;
  recordId: string;
  action: BufferedAction;
  data: RecordData | null;
}

interface PushBufferRow {
  api: Api;
  site_id: number;
  table_name: string;
  record_id: string;
  action: BufferedAction;
  data: string | null;
  received_at: string;
  integration_error: string | null;
}

/** Buffer rows per statement (8 values each, far below SQLite's limit on bound values). */
const ROWS_PER_STATEMENT = 100;

/** Stores pushed records; re-sending a batch overwrites the same rows (idempotent). */
export async function bufferPushedRecords(
  db: Database,
  api: Api,
  siteId: number,
  records: readonly BufferedRecord[],
): Promise<void> {
  const receivedAt = new Date().toISOString();
  await db.transaction(async () => {
    for (let start = 0; start < records.length; start += ROWS_PER_STATEMENT) {
      await insertBufferRows(
        db,
        records.slice(start, start + ROWS_PER_STATEMENT).map((record) => ({
          api,
          site_id: siteId,
          table_name: record.tableName,
          record_id: record.recordId,
          action: record.action,
          data: record.data === null ? null : JSON.stringify(record.data),
          received_at: receivedAt,
          integration_error: null,
        })),
      );
    }
  });
}

async function insertBufferRows(db: Database, rows: readonly PushBufferRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.run(
    `INSERT INTO push_buffer (api, site_id, table_name, record_id, action, data, received_at, integration_error)
     VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}
     ON CONFLICT (api, site_id, table_name, record_id) DO UPDATE SET
       action = excluded.action, data = excluded.data, received_at = excluded.received_at,
       integration_error = excluded.integration_error`,
    rows.flatMap((row) => [
      row.api,
      row.site_id,
      row.table_name,
      row.record_id,
      row.action,
      row.data,
      row.received_at,
      row.integration_error,
    ]),
  );
}

const ACTION_ORDER: Record<BufferedAction, number> = { upsert: 0, delete: 1, merge: 2 };

/** Upserts parents first, then deletes children first, then merges. */
function integrationOrder(a: PushBufferRow, b: PushBufferRow): number {
  const byAction = ACTION_ORDER[a.action] - ACTION_ORDER[b.action];
  if (byAction !== 0) return byAction;
  const byLayer = layerOf(a.table_name) - layerOf(b.table_name);
  if (byLayer !== 0) return a.action === 'delete' ? -byLayer : byLayer;
  return a.table_name < b.table_name ? -1 : a.table_name > b.table_name ? 1 : 0; // a table's rows together
}

/** A table's pushed upserts, written together (a hundred per statement). */
interface UpsertGroup {
  tableName: string;
  records: RecordWrite[];
}

/**
 * Integrates a site's buffered pushes in one transaction. Each record that fails keeps its error
 * on its buffer row; the others go on. Returns the records upserted, for follow-up processors.
 */
export async function integratePushBuffer(
  db: Database,
  api: Api,
  siteId: number,
  afterIntegration?: (upserted: BufferedRecord[]) => Promise<void>,
): Promise<{ integrated: number; failed: number }> {
  return db.transaction(async () => {
    const rows = await db.all<PushBufferRow>('SELECT * FROM push_buffer WHERE api = ? AND site_id = ?', [
      api,
      siteId,
    ]);
    rows.sort(integrationOrder);
    const origin = { sourceSiteId: siteId };
    const upserted: BufferedRecord[] = [];
    const failed: PushBufferRow[] = [];
    // Consecutive upserts of a table are written together; a database error fails the whole
    // integration (the transaction rolls back and the buffer stays for the next attempt).
    let group: UpsertGroup | undefined;
    const flush = async (): Promise<void> => {
      if (!group) return;
      await upsertRecords(db, group.tableName, group.records, origin);
      for (const record of group.records) {
        upserted.push({
          tableName: group.tableName,
          recordId: record.recordId,
          action: 'upsert',
          data: record.data,
        });
      }
      group = undefined;
    };
    for (const row of rows) {
      const data = row.data === null ? null : (JSON.parse(row.data) as RecordData);
      if (row.action === 'upsert' && data !== null) {
        if (group?.tableName !== row.table_name) await flush();
        group ??= { tableName: row.table_name, records: [] };
        group.records.push({ recordId: row.record_id, data });
        continue;
      }
      await flush();
      if (row.action === 'upsert') {
        failed.push({ ...row, integration_error: 'an upsert needs recordData' });
      } else if (row.action === 'delete') {
        await deleteRecord(db, row.table_name, row.record_id, origin);
      } else if (typeof data?.mergeIdToDelete === 'string') {
        await deleteRecord(db, row.table_name, data.mergeIdToDelete, origin);
      } else {
        failed.push({ ...row, integration_error: 'a merge needs recordData.mergeIdToDelete' });
      }
    }
    await flush();
    // The buffer is emptied in one statement and only the failures go back, with their reasons.
    await db.run('DELETE FROM push_buffer WHERE api = ? AND site_id = ?', [api, siteId]);
    for (let start = 0; start < failed.length; start += ROWS_PER_STATEMENT) {
      await insertBufferRows(db, failed.slice(start, start + ROWS_PER_STATEMENT));
    }
    await afterIntegration?.(upserted);
    return { integrated: rows.length - failed.length, failed: failed.length };
  });
}

/** Which sites are integrating a push right now, per API (process memory, as on the real servers). */
export class IntegrationTracker {
  private readonly running = new Set<string>();

  isIntegrating(api: Api, siteId: number): boolean {
    return this.running.has(`${api}:${siteId}`);
  }

  /** Runs `work` in the background with the site marked as integrating until it settles. */
  start(api: Api, siteId: number, work: () => Promise<unknown>): void {
    const key = `${api}:${siteId}`;
    this.running.add(key);
    void work()
      .catch((error: unknown) => console.error(`Integration of ${key} failed: ${(error as Error).message}`))
      .finally(() => this.running.delete(key));
  }
}
