// Maintenance actions of Preferences › Synchronisation (PRODUCT.md §5.4).
import type { LocalDatabase } from '../db/data-source';
import { ChangeLogEntity } from '../db/entities/internal';
import { KEY, readNumber, writeSetting } from '../settings/key-value';
import { TRANSLATORS } from '../translators/registry';
import type { SyncedRow } from '../translators/types';
import { storesOfSite } from './stores-of-site';

/**
 * Generate sync records: queue every local record of this site's stores (and store-less rows of
 * pushable tables) for push again. Returns how many were queued.
 */
export async function generateSyncRecords(db: LocalDatabase): Promise<number> {
  return db.transaction(async (manager) => {
    const stores = new Set(await storesOfSite(manager, await readNumber(manager, KEY.siteId, 0)));
    const changedAt = new Date().toISOString();
    let queued = 0;
    for (const translator of TRANSLATORS.filter((candidate) => candidate.pushable)) {
      const rows = (await manager.getRepository(translator.entity).find()) as SyncedRow[];
      for (const row of rows) {
        const storeId = translator.storeIdOf(row);
        if (storeId !== null && !stores.has(storeId)) continue;
        await manager.insert(ChangeLogEntity, {
          tableName: translator.table,
          recordId: row.id,
          action: 'UPSERT',
          storeId,
          isSyncUpdate: false,
          source: 'local',
          changedAt,
        });
        queued += 1;
      }
    }
    return queued;
  });
}

/**
 * Retrieve sync records: the next run pushes as usual, then asks central to rebuild this site's
 * queue and pulls everything again from the start (v6 included, with the site's own records).
 */
export async function requestRetrieveSyncRecords(db: LocalDatabase): Promise<void> {
  await db.transaction((manager) => writeSetting(manager, KEY.retrieveRequested, true));
}
