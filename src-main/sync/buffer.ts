// The sync buffer: pulled records land here first, in the same transaction as the cursor that
// covers them, and wait there until they integrate (or forever, if no translator exists yet).
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { BufferAction, BufferSource } from '../db/entities/internal';

export interface IncomingRecord {
  tableName: string;
  recordId: string;
  /** Any case of insert | update | delete | merge. */
  action: string;
  recordData?: Record<string, unknown> | null;
}

function bufferAction(action: string): BufferAction {
  const normalised = action.toLowerCase();
  if (normalised === 'insert' || normalised === 'update') return 'upsert';
  if (normalised === 'delete' || normalised === 'merge') return normalised;
  throw new Error(`Unknown sync action "${action}"`);
}

/** An upsert as buffered: what integrating it ahead of the Integrate step needs. */
export interface BufferedUpsert {
  bufferKey: string;
  tableName: string;
  action: 'upsert';
}

/**
 * Upserts records into the buffer and returns the upserts among them. A later record for the same
 * table and id replaces an earlier, not yet integrated one; merges get their own key so they never
 * replace an upsert.
 */
export async function bufferRecords(
  manager: EntityManager,
  records: readonly IncomingRecord[],
  source: BufferSource,
): Promise<BufferedUpsert[]> {
  const receivedAt = new Date().toISOString();
  const rows = records.map((record) => {
    const action = bufferAction(record.action);
    const bufferKey = action === 'merge' ? `merge:${randomUUID()}` : `${record.tableName}:${record.recordId}`;
    return {
      bufferKey,
      tableName: record.tableName,
      recordId: record.recordId,
      action,
      data: record.recordData,
    };
  });
  // Plain statements, 100 rows each (7 × 100 bound values): the buffer sees every pulled record, and
  // TypeORM's upsert costs more than the write. A record received again is pending again.
  for (let start = 0; start < rows.length; start += 100) {
    const slice = rows.slice(start, start + 100);
    await manager.query(
      `INSERT INTO sync_buffer (buffer_key, table_name, record_id, action, data, source, received_at)
       VALUES ${slice.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}
       ON CONFLICT (buffer_key) DO UPDATE SET table_name = excluded.table_name, record_id = excluded.record_id,
         action = excluded.action, data = excluded.data, source = excluded.source, received_at = excluded.received_at,
         integrated_at = NULL, integration_error = NULL, integration_note = NULL`,
      slice.flatMap((row) => [
        row.bufferKey,
        row.tableName,
        row.recordId,
        row.action,
        JSON.stringify(row.data ?? {}),
        source,
        receivedAt,
      ]),
    );
  }
  return rows.flatMap((row) =>
    row.action === 'upsert'
      ? [{ bufferKey: row.bufferKey, tableName: row.tableName, action: row.action }]
      : [],
  );
}
