// The de-duplicated change log (latest change per record and store) filtered for one push:
// local changes only, of tables that API pushes, for this site's stores or no store.
import type { EntityManager } from 'typeorm';
import { TRANSLATORS } from '../translators/registry';

export interface PendingChange {
  cursor: number;
  tableName: string;
  recordId: string;
  action: 'UPSERT' | 'DELETE';
  storeId: string | null;
}

export function pushableTables(api: 'v5' | 'v6'): string[] {
  return TRANSLATORS.filter((translator) => translator.api === api && translator.pushable).map(
    (translator) => translator.table,
  );
}

function filter(api: 'v5' | 'v6', storeIds: readonly string[]): { sql: string; params: unknown[] } {
  const tables = pushableTables(api);
  const tableList = tables.map(() => '?').join(', ') || "''";
  const storeList = storeIds.map(() => '?').join(', ') || "''";
  return {
    sql: `c.cursor >= ? AND c.is_sync_update = 0 AND c.table_name IN (${tableList})
      AND (c.store_id IS NULL OR c.store_id IN (${storeList}))
      AND c.cursor = (SELECT MAX(c2.cursor) FROM change_log c2
        WHERE c2.record_id = c.record_id AND c2.store_id IS c.store_id AND c2.table_name = c.table_name)`,
    params: [...tables, ...storeIds],
  };
}

export async function readPendingChanges(
  manager: EntityManager,
  api: 'v5' | 'v6',
  fromCursor: number,
  storeIds: readonly string[],
  limit: number,
): Promise<PendingChange[]> {
  const { sql, params } = filter(api, storeIds);
  return manager.query(
    `SELECT c.cursor, c.table_name AS tableName, c.record_id AS recordId, c.action, c.store_id AS storeId
     FROM change_log c WHERE ${sql} ORDER BY c.cursor LIMIT ?`,
    [fromCursor, ...params, limit],
  );
}

export async function countPendingChanges(
  manager: EntityManager,
  api: 'v5' | 'v6',
  fromCursor: number,
  storeIds: readonly string[],
): Promise<number> {
  const { sql, params } = filter(api, storeIds);
  const [row] = await manager.query(`SELECT COUNT(*) AS n FROM change_log c WHERE ${sql}`, [
    fromCursor,
    ...params,
  ]);
  return Number(row?.n ?? 0);
}
