// `satellite-sync records <legacyTable>`: the local rows of a synced table in the legacy push shape.
import type { LocalDatabase } from '../db/data-source';
import { pushShapeOf } from '../translators/push-shape';
import { translatorFor } from '../translators/registry';
import type { SyncedRow, WireRecord } from '../translators/types';

export async function readRecordsInPushShape(db: LocalDatabase, table: string): Promise<WireRecord[]> {
  const translator = translatorFor(table);
  if (!translator) throw new Error(`No synced table "${table}"`);
  const rows = (await db.dataSource
    .getRepository(translator.entity)
    .find({ order: { id: 'ASC' } as never })) as SyncedRow[];
  return rows.map((row) => pushShapeOf(translator, row));
}
