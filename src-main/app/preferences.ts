// Preferences › Synchronisation: what the window shows, the sync interval (editable while locked)
// and the protected preferences (only once unlocked, each change audited).
import type { Preferences } from '../contract/views';
import { audit } from '../settings/authorisation-code';
import { KEY, readSetting, writeSetting } from '../settings/key-value';
import { loadSyncCredentials, readPublicSettings } from '../settings/sync-settings';
import type { AppContext, ParsedInput } from './app-context';
import { checkAndSaveSite } from './site-credentials';

/** When unlocking is possible again after too many wrong codes (state kept by tryUnlock). */
async function lockedOutUntil(context: AppContext): Promise<string | null> {
  const raw = await readSetting(context.engine.db.dataSource.manager, KEY.unlockFailures);
  const lockedUntil = raw ? Number((JSON.parse(raw) as { lockedUntil?: number }).lockedUntil ?? 0) : 0;
  return lockedUntil > context.now() ? new Date(lockedUntil).toISOString() : null;
}

export async function readPreferences(context: AppContext): Promise<Preferences> {
  const manager = context.engine.db.dataSource.manager;
  const settings = await readPublicSettings(manager);
  return {
    locked: !context.lock.isUnlocked,
    lockedOutUntil: await lockedOutUntil(context),
    url: settings.url,
    siteName: settings.siteName,
    syncId: settings.syncId,
    intervalMinutes: settings.intervalMinutes,
    requestSize: settings.requestSize,
    // Node's HTTP stack unless the supervisor chose Chromium's (Electron only).
    useNodeHttpClient: (await readSetting(manager, KEY.useNodeHttpClient)) !== 'false',
    omSupplyCentralUrl: (await readSetting(manager, KEY.omsUrl)) ?? null,
  };
}

export async function getPreferences(context: AppContext): Promise<Preferences> {
  context.lock.touch();
  return readPreferences(context);
}

export async function setSyncInterval(
  context: AppContext,
  { minutes }: ParsedInput<'setSyncInterval'>,
): Promise<Preferences> {
  context.lock.touch();
  await context.engine.setIntervalMinutes(minutes);
  context.publishPreferences();
  return readPreferences(context);
}

export async function setProtectedPreferences(
  context: AppContext,
  input: ParsedInput<'setProtectedPreferences'>,
): Promise<Preferences> {
  context.lock.require();
  const { db, secrets } = context.engine;
  const current = await readPreferences(context);
  if (input.syncId !== undefined && input.syncId !== current.syncId && current.url !== null) {
    // A configured site's Sync ID must be the site id central reports: check before saving.
    const credentials = await loadSyncCredentials(db.dataSource.manager, secrets);
    await checkAndSaveSite(
      context,
      { ...credentials, syncId: input.syncId },
      { action: 'preference-changed', detail: `Sync ID: ${current.syncId} → ${input.syncId}` },
    );
  }
  await db.transaction(async (manager) => {
    if (input.syncId !== undefined && input.syncId !== current.syncId && current.url === null) {
      await writeSetting(manager, KEY.syncId, input.syncId);
      await audit(manager, 'preference-changed', `Sync ID: ${current.syncId} → ${input.syncId}`);
    }
    if (input.requestSize !== undefined && input.requestSize !== current.requestSize) {
      await writeSetting(manager, KEY.requestSize, input.requestSize);
      await audit(
        manager,
        'preference-changed',
        `request size: ${current.requestSize} → ${input.requestSize}`,
      );
    }
    if (input.useNodeHttpClient !== undefined && input.useNodeHttpClient !== current.useNodeHttpClient) {
      await writeSetting(manager, KEY.useNodeHttpClient, input.useNodeHttpClient);
      await audit(
        manager,
        'preference-changed',
        `use Node HTTP client: ${current.useNodeHttpClient} → ${input.useNodeHttpClient}`,
      );
    }
  });
  context.publishPreferences();
  return readPreferences(context);
}
