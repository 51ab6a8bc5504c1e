// Turning pending changes into wire records: the current row in the push shape, merged over the
// JSON central last sent so that fields we do not model go back unchanged.
import type { EntityManager } from 'typeorm';
import { pushShapeOf } from '../translators/push-shape';
import { translatorFor } from '../translators/registry';
import type { SyncedRow, WireRecord } from '../translators/types';
import type { PendingChange } from './pending-changes';

export interface OutgoingRecord {
  tableName: string;
  recordId: string;
  action: 'Update' | 'Delete';
  recordData: WireRecord | null;
}

export async function toOutgoingRecord(
  manager: EntityManager,
  change: PendingChange,
): Promise<OutgoingRecord | undefined> {
  const translator = translatorFor(change.tableName);
  if (!translator) return undefined;
  const base = { tableName: change.tableName, recordId: change.recordId };
  if (change.action === 'DELETE') return { ...base, action: 'Delete', recordData: null };
  const row = (await manager
    .getRepository(translator.entity)
    .findOneBy({ id: change.recordId } as never)) as SyncedRow | null;
  if (!row) return { ...base, action: 'Delete', recordData: null };
  return { ...base, action: 'Update', recordData: pushShapeOf(translator, row) };
}
