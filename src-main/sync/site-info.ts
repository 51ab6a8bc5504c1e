// Site info: the first call of every run. It proves the credentials, tells us who we are on
// central, and guards against pointing this database at another site.
import type { EntityManager } from 'typeorm';
import type { LocalDatabase } from '../db/data-source';
import { KEY, readSetting, writeSetting } from '../settings/key-value';
import type { LegacyClient, SiteInfo } from './clients/legacy';
import { SyncError } from './errors';

export async function checkSiteInfo(
  db: LocalDatabase,
  legacy: LegacyClient,
  syncId: number,
): Promise<SiteInfo> {
  const info = await legacy.getSiteInfo();
  const knownSiteUuid = await readSetting(db.dataSource.manager, KEY.siteUuid);
  if (knownSiteUuid !== undefined && knownSiteUuid !== info.id) {
    throw new SyncError(
      'SITE_UUID_IS_BEING_CHANGED',
      `This database belongs to site ${knownSiteUuid}; the central server answered for site ${info.id}`,
    );
  }
  if (info.siteId !== syncId) {
    throw new SyncError(
      'SYNC_ID_MISMATCH',
      `Sync ID is ${syncId} but the central server reports site id ${info.siteId}`,
    );
  }
  if (info.isOmSupplyCentralServer) {
    throw new SyncError(
      'CENTRAL_V6_NOT_CONFIGURED',
      'The central server says this site is the Open mSupply central server; Satellite Sync runs satellites only',
    );
  }
  await db.transaction(async (manager: EntityManager) => {
    await writeSetting(manager, KEY.siteUuid, info.id);
    await writeSetting(manager, KEY.siteId, info.siteId);
    await writeSetting(manager, KEY.centralSiteId, info.mSupplyCentralSiteId);
    await writeSetting(manager, KEY.omsUrl, info.omSupplyCentralServerUrl);
  });
  return info;
}
