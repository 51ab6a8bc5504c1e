// The site's sync settings. The password is hashed at once (the protocol sends only its SHA-256)
// and the hash is sealed by the secret store before it is written.
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import type { LocalDatabase } from '../db/data-source';
import type { SyncCredentials } from '../sync/run';
import { KEY, readNumber, readSetting, writeSetting } from './key-value';
import type { SecretStore } from './secret-store';

export const DEFAULT_REQUEST_SIZE = 500;
export const DEFAULT_INTERVAL_MINUTES = 10;

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export const siteSettingsSchema = z.object({
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  siteName: z.string().trim().min(1, 'must not be empty'),
  password: z.string().min(1, 'must not be empty'),
  syncId: z.number().int().gt(1, 'must be greater than 1 (1 is the central server)'),
  intervalMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(DEFAULT_INTERVAL_MINUTES),
  requestSize: z.number().int().min(1).max(5000).default(DEFAULT_REQUEST_SIZE),
});
export type SiteSettingsInput = z.input<typeof siteSettingsSchema>;

/** Validates and saves the site's settings (call only after central accepted the credentials). */
export async function saveSiteSettings(
  db: LocalDatabase,
  secrets: SecretStore,
  input: SiteSettingsInput,
): Promise<void> {
  const settings = siteSettingsSchema.parse(input);
  await db.transaction(async (manager) => {
    await writeSetting(manager, KEY.url, settings.url);
    await writeSetting(manager, KEY.siteName, settings.siteName);
    await writeSetting(manager, KEY.passwordSha256Sealed, secrets.seal(sha256Hex(settings.password)));
    await writeSetting(manager, KEY.syncId, settings.syncId);
    await writeSetting(manager, KEY.intervalMinutes, settings.intervalMinutes);
    await writeSetting(manager, KEY.requestSize, settings.requestSize);
  });
}

export class NotConfiguredError extends Error {
  constructor() {
    super('Sync is not configured: run `satellite-sync init` (or Initialise in the app) first');
    this.name = 'NotConfiguredError';
  }
}

export async function loadSyncCredentials(
  manager: EntityManager,
  secrets: SecretStore,
): Promise<SyncCredentials> {
  const url = await readSetting(manager, KEY.url);
  const siteName = await readSetting(manager, KEY.siteName);
  const sealed = await readSetting(manager, KEY.passwordSha256Sealed);
  const syncId = await readSetting(manager, KEY.syncId);
  if (!url || !siteName || !sealed || !syncId) throw new NotConfiguredError();
  return {
    url,
    siteName,
    passwordSha256: secrets.unseal(sealed),
    syncId: Number(syncId),
    requestSize: await readNumber(manager, KEY.requestSize, DEFAULT_REQUEST_SIZE),
  };
}

/** The settings anyone may see (no secrets). */
export interface PublicSettings {
  url: string | null;
  siteName: string | null;
  syncId: number | null;
  intervalMinutes: number;
  requestSize: number;
}

export async function readPublicSettings(manager: EntityManager): Promise<PublicSettings> {
  const syncId = await readSetting(manager, KEY.syncId);
  return {
    url: (await readSetting(manager, KEY.url)) ?? null,
    siteName: (await readSetting(manager, KEY.siteName)) ?? null,
    syncId: syncId === undefined ? null : Number(syncId),
    intervalMinutes: await readNumber(manager, KEY.intervalMinutes, DEFAULT_INTERVAL_MINUTES),
    requestSize: await readNumber(manager, KEY.requestSize, DEFAULT_REQUEST_SIZE),
  };
}
