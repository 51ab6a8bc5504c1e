// The sync buffer: pulled records land here first, in the same transaction as the cursor that
// covers them, and wait there until they integrate (or forever, if no translator exists yet).
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { SyncBufferEntity, type BufferAction, type BufferSource } from '../db/entities/internal';

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

/**
 * Upserts records into the buffer. A later record for the same table and id replaces an earlier,
 * not yet integrated one; merges get their own key so they never replace an upsert.
 */
export async function bufferRecords(
  manager: EntityManager,
  records: readonly IncomingRecord[],
  source: BufferSource,
): Promise<void> {
  if (records.length === 0) return;
  const receivedAt = new Date().toISOString();
  const rows = records.map((record) => {
    const action = bufferAction(record.action);
    return {
      bufferKey: action === 'merge' ? `merge:${randomUUID()}` : `${record.tableName}:${record.recordId}`,
      tableName: record.tableName,
      recordId: record.recordId,
      action,
      data: JSON.stringify(record.recordData ?? {}),
      source,
      receivedAt,
      integratedAt: null,
      integrationError: null,
      integrationNote: null,
    };
  });
  // SQLite limits bound parameters per statement; 10 columns × 100 rows stays well inside it.
  for (let start = 0; start < rows.length; start += 100) {
    await manager.upsert(SyncBufferEntity, rows.slice(start, start + 100), ['bufferKey']);
  }
}
