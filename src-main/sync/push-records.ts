// Turning pending changes into wire records: the current row in the push shape, merged over the
// JSON central last sent so that fields we do not model go back unchanged.
import { In, type EntityManager } from 'typeorm';
import { pushShapeOf } from '../translators/push-shape';
import { translatorFor } from '../translators/registry';
import type { SyncedRow, WireRecord } from '../translators/types';
import { readPendingChanges, type PendingChange } from './pending-changes';
import type { RunContext } from './run-context';

export interface OutgoingRecord {
  tableName: string;
  recordId: string;
  action: 'Update' | 'Delete';
  recordData: WireRecord | null;
}

/**
 * The wire records of one batch of changes, in the batch's order. Rows are read with one query per
 * table (not one per change); a change with no translator yields nothing but is still consumed.
 */
export async function toOutgoingRecords(
  manager: EntityManager,
  changes: readonly PendingChange[],
): Promise<{ change: PendingChange; record: OutgoingRecord }[]> {
  const idsByTable = new Map<string, string[]>();
  for (const change of changes) {
    if (change.action !== 'UPSERT' || !translatorFor(change.tableName)) continue;
    const ids = idsByTable.get(change.tableName) ?? [];
    ids.push(change.recordId);
    idsByTable.set(change.tableName, ids);
  }
  const rows = new Map<string, SyncedRow>();
  for (const [table, ids] of idsByTable) {
    const translator = translatorFor(table) as NonNullable<ReturnType<typeof translatorFor>>;
    const found = (await manager
      .getRepository(translator.entity)
      .findBy({ id: In(ids) } as never)) as SyncedRow[];
    for (const row of found) rows.set(`${table}:${row.id}`, row);
  }
  const outgoing = [];
  for (const change of changes) {
    const translator = translatorFor(change.tableName);
    if (!translator) continue;
    const base = { tableName: change.tableName, recordId: change.recordId };
    const row = change.action === 'UPSERT' ? rows.get(`${change.tableName}:${change.recordId}`) : undefined;
    // A row deleted since its last change is pushed as the delete it now is.
    const record: OutgoingRecord = row
      ? { ...base, action: 'Update', recordData: pushShapeOf(translator, row) }
      : { ...base, action: 'Delete', recordData: null };
    outgoing.push({ change, record });
  }
  return outgoing;
}

export interface PushBatch {
  changes: PendingChange[];
  outgoing: { change: PendingChange; record: OutgoingRecord }[];
}

/**
 * The pending changes of `api` from `fromCursor` on, one request's worth, with their wire records.
 * The pushes read each batch while central takes the one before, so a batch may be abandoned (a
 * pause, a failed request): its failure is then nobody's, and is not reported as unhandled.
 */
export function readPushBatch(context: RunContext, api: 'v5' | 'v6', fromCursor: number): Promise<PushBatch> {
  const manager = context.db.dataSource.manager;
  const batch = (async () => {
    const changes = await readPendingChanges(manager, api, fromCursor, context.storeIds, context.requestSize);
    return { changes, outgoing: await toOutgoingRecords(manager, changes) };
  })();
  batch.catch(() => undefined);
  return batch;
}
