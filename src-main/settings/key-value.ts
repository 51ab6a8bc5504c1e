// Settings and cursors live in one key-value table; every key the engine uses is named here.
import type { EntityManager } from 'typeorm';
import { KeyValueEntity } from '../db/entities/internal';

export const KEY = {
  url: 'SyncUrl',
  siteName: 'SyncSiteName',
  /** The sealed (encrypted) SHA-256 of the site password; never the password. */
  passwordSha256Sealed: 'SyncPasswordSha256Sealed',
  syncId: 'SyncId',
  intervalMinutes: 'SyncIntervalMinutes',
  requestSize: 'SyncRequestSize',
  useNodeHttpClient: 'SyncUseNodeHttpClient',
  siteUuid: 'SettingsSyncSiteUuid',
  siteId: 'SettingsSyncSiteId',
  centralSiteId: 'SettingsSyncCentralServerSiteId',
  omsUrl: 'SettingsSyncOmsUrl',
  centralPullCursor: 'CentralSyncPullCursor',
  pushCursorV5: 'RemoteSyncPushCursor',
  pushCursorV6: 'SyncPushCursorV6',
  pullCursorV6: 'SyncPullCursorV6',
  prepareDone: 'SyncPrepareInitialDone',
  initialised: 'SyncInitialised',
  /** Set by "Retrieve sync records": the next run re-pulls everything for this site. */
  retrieveRequested: 'SyncRetrieveRequested',
  authorisationCodeHash: 'AuthorisationCodeHash',
  unlockFailures: 'AuthorisationUnlockFailures',
} as const;
export type SettingKey = (typeof KEY)[keyof typeof KEY];

export async function readSetting(manager: EntityManager, key: SettingKey): Promise<string | undefined> {
  return (await manager.findOneBy(KeyValueEntity, { key }))?.value;
}

export async function readNumber(manager: EntityManager, key: SettingKey, fallback: number): Promise<number> {
  const value = await readSetting(manager, key);
  return value === undefined ? fallback : Number(value);
}

export async function writeSetting(
  manager: EntityManager,
  key: SettingKey,
  value: string | number | boolean,
): Promise<void> {
  await manager.upsert(KeyValueEntity, { key, value: String(value) }, ['key']);
}
