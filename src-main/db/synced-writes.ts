// The one place local rows of synced tables are written: every write also writes its change-log
// row in the same transaction, flagged when it came from sync so it is never pushed back.
import type { EntityManager } from 'typeorm';
import type { SyncedRow, TableTranslator } from '../translators/types';
import { ChangeLogEntity, type ChangeSource } from './entities/internal';

function logChange(
  manager: EntityManager,
  translator: TableTranslator,
  recordId: string,
  action: 'UPSERT' | 'DELETE',
  storeId: string | null,
  source: ChangeSource,
): Promise<unknown> {
  return manager.insert(ChangeLogEntity, {
    tableName: translator.table,
    recordId,
    action,
    storeId,
    isSyncUpdate: source !== 'local',
    source,
    changedAt: new Date().toISOString(),
  });
}

export async function upsertSyncedRow(
  manager: EntityManager,
  translator: TableTranslator,
  row: SyncedRow,
  source: ChangeSource,
): Promise<void> {
  await manager.getRepository(translator.entity).upsert(row as never, ['id']);
  await logChange(manager, translator, row.id, 'UPSERT', translator.storeIdOf(row), source);
}

export async function deleteSyncedRow(
  manager: EntityManager,
  translator: TableTranslator,
  id: string,
  source: ChangeSource,
): Promise<void> {
  const repository = manager.getRepository(translator.entity);
  const existing = await repository.findOneBy({ id } as never);
  if (!existing) return;
  await repository.delete({ id } as never);
  await logChange(manager, translator, id, 'DELETE', translator.storeIdOf(existing), source);
}
