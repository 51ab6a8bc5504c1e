// Changing where and as whom this site syncs, once unlocked: central must accept the new values
// first (site info: credentials, Sync ID, and the same site as before), then they are saved with
// their audit entry in one transaction. Works from the password's hash, so "keep the password"
// needs no plain text.
import { APP_VERSION } from '../app-version';
import { audit } from '../settings/authorisation-code';
import { KEY, writeSetting } from '../settings/key-value';
import { LegacyClient } from '../sync/clients/legacy';
import { checkSiteInfo } from '../sync/site-info';
import type { AppContext } from './app-context';

export interface SiteCredentials {
  url: string;
  siteName: string;
  passwordSha256: string;
  syncId: number;
}

export async function checkAndSaveSite(
  context: AppContext,
  site: SiteCredentials,
  change: { action: string; detail: string },
): Promise<void> {
  const { engine } = context;
  const legacy = new LegacyClient(
    {
      url: site.url,
      siteName: site.siteName,
      passwordSha256: site.passwordSha256,
      hardwareId: engine.hardwareId,
      appVersion: APP_VERSION,
    },
    context.transport,
  );
  await checkSiteInfo(engine.db, legacy, site.syncId);
  await engine.db.transaction(async (manager) => {
    await writeSetting(manager, KEY.url, site.url);
    await writeSetting(manager, KEY.siteName, site.siteName);
    await writeSetting(manager, KEY.passwordSha256Sealed, engine.secrets.seal(site.passwordSha256));
    await writeSetting(manager, KEY.syncId, site.syncId);
    await audit(manager, change.action, change.detail);
  });
}
