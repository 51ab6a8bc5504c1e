// Integrates what a site pushed (v5 or v6) into the central's records, parents first, and tracks
// which sites are integrating so status and the v6 lock can report it.
import type { Database } from './database';
import { deleteRecord, upsertRecord, type RecordData } from './records';
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
  table_name: string;
  record_id: string;
  action: BufferedAction;
  data: string | null;
}

/** Stores pushed records; re-sending a batch overwrites the same rows (idempotent). */
export async function bufferPushedRecords(
  db: Database,
  api: Api,
  siteId: number,
  records: readonly BufferedRecord[],
): Promise<void> {
  const receivedAt = new Date().toISOString();
  await db.transaction(async () => {
    for (const record of records) {
      await db.run(
        `INSERT INTO push_buffer (api, site_id, table_name, record_id, action, data, received_at, integration_error)
         VALUES (?, ?, ?, ?, ?, ?, ?, NULL)
         ON CONFLICT (api, site_id, table_name, record_id) DO UPDATE SET
           action = excluded.action, data = excluded.data, received_at = excluded.received_at, integration_error = NULL`,
        [
          api,
          siteId,
          record.tableName,
          record.recordId,
          record.action,
          record.data === null ? null : JSON.stringify(record.data),
          receivedAt,
        ],
      );
    }
  });
}

const ACTION_ORDER: Record<BufferedAction, number> = { upsert: 0, delete: 1, merge: 2 };

/** Upserts parents first, then deletes children first, then merges. */
function integrationOrder(a: PushBufferRow, b: PushBufferRow): number {
  const byAction = ACTION_ORDER[a.action] - ACTION_ORDER[b.action];
  if (byAction !== 0) return byAction;
  const byLayer = layerOf(a.table_name) - layerOf(b.table_name);
  return a.action === 'delete' ? -byLayer : byLayer;
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
    const rows = await db.all<PushBufferRow>(
      'SELECT table_name, record_id, action, data FROM push_buffer WHERE api = ? AND site_id = ?',
      [api, siteId],
    );
    rows.sort(integrationOrder);
    const origin = { sourceSiteId: siteId };
    const upserted: BufferedRecord[] = [];
    let failed = 0;
    for (const row of rows) {
      const data = row.data === null ? null : (JSON.parse(row.data) as RecordData);
      try {
        if (row.action === 'upsert') {
          if (data === null) throw new Error('an upsert needs recordData');
          await upsertRecord(db, row.table_name, row.record_id, data, origin);
          upserted.push({ tableName: row.table_name, recordId: row.record_id, action: 'upsert', data });
        } else if (row.action === 'delete') {
          await deleteRecord(db, row.table_name, row.record_id, origin);
        } else {
          const mergeIdToDelete = data?.mergeIdToDelete;
          if (typeof mergeIdToDelete !== 'string')
            throw new Error('a merge needs recordData.mergeIdToDelete');
          await deleteRecord(db, row.table_name, mergeIdToDelete, origin);
        }
        await db.run(
          'DELETE FROM push_buffer WHERE api = ? AND site_id = ? AND table_name = ? AND record_id = ?',
          [api, siteId, row.table_name, row.record_id],
        );
      } catch (error) {
        failed += 1;
        await db.run(
          'UPDATE push_buffer SET integration_error = ? WHERE api = ? AND site_id = ? AND table_name = ? AND record_id = ?',
          [(error as Error).message, api, siteId, row.table_name, row.record_id],
        );
      }
    }
    await afterIntegration?.(upserted);
    return { integrated: rows.length - failed, failed };
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
