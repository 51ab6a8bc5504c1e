// Check connection (PRODUCT.md §5.4): one request to each central server with the stored
// credentials, timed, reported per server. Nothing is saved: a check never changes the site.
import { APP_VERSION } from '../app-version';
import type { ConnectionReport, ServerCheck } from '../contract/views';
import { KEY, readSetting } from '../settings/key-value';
import { loadSyncCredentials } from '../settings/sync-settings';
import { LegacyClient, type SiteInfo } from '../sync/clients/legacy';
import { OmSupplyClient } from '../sync/clients/omsupply';
import { SyncError, type SyncErrorCode } from '../sync/errors';
import type { AppContext } from './app-context';

type Verdicts = Pick<
  ServerCheck,
  'reachable' | 'credentialsAccepted' | 'hardwareIdAccepted' | 'versionCompatible'
>;

/**
 * What an error tells about each check. Central authenticates in this order: site name and
 * password, API version, hardware ID, stores (as reference-central/v5/auth.ts does), so a later
 * refusal means the earlier checks passed.
 */
function verdictsOf(code: SyncErrorCode): Verdicts {
  const none = { credentialsAccepted: null, hardwareIdAccepted: null, versionCompatible: null };
  switch (code) {
    case 'CONNECTION_ERROR':
    case 'INVALID_URL':
    case 'CENTRAL_V6_NOT_CONFIGURED':
      return { reachable: false, ...none };
    case 'SITE_NAME_NOT_FOUND':
    case 'INCORRECT_PASSWORD':
    case 'SITE_AUTH_TIMEOUT':
      return { reachable: true, ...none, credentialsAccepted: false };
    case 'API_VERSION_INCOMPATIBLE':
    case 'V6_API_VERSION_INCOMPATIBLE':
      return { reachable: true, ...none, credentialsAccepted: true, versionCompatible: false };
    case 'HARDWARE_ID_MISMATCH':
      return {
        reachable: true,
        credentialsAccepted: true,
        versionCompatible: true,
        hardwareIdAccepted: false,
      };
    case 'SITE_HAS_NO_STORE':
      return {
        reachable: true,
        credentialsAccepted: true,
        versionCompatible: true,
        hardwareIdAccepted: true,
      };
    default:
      return { reachable: true, ...none };
  }
}

const ALL_ACCEPTED: Verdicts = {
  reachable: true,
  credentialsAccepted: true,
  hardwareIdAccepted: true,
  versionCompatible: true,
};

function asSyncError(error: unknown): SyncError {
  return error instanceof SyncError ? error : new SyncError('UNKNOWN', String(error));
}

async function check<T>(
  server: ServerCheck['server'],
  url: string,
  request: () => Promise<T>,
  judge: (answer: T) => Pick<ServerCheck, 'syncIdMatches' | 'error'>,
): Promise<{ check: ServerCheck; answer: T | undefined }> {
  const started = performance.now();
  try {
    const answer = await request();
    const latencyMs = Math.round(performance.now() - started);
    return { check: { server, url, ...ALL_ACCEPTED, latencyMs, ...judge(answer) }, answer };
  } catch (caught) {
    const error = asSyncError(caught);
    const verdicts = verdictsOf(error.code);
    const latencyMs = verdicts.reachable ? Math.round(performance.now() - started) : null;
    return {
      check: { server, url, ...verdicts, syncIdMatches: null, latencyMs, error: error.toJSON() },
      answer: undefined,
    };
  }
}

export async function checkConnection(context: AppContext): Promise<ConnectionReport> {
  context.lock.touch();
  const { engine, transport } = context;
  const manager = engine.db.dataSource.manager;
  const credentials = await loadSyncCredentials(manager, engine.secrets);
  const site = {
    siteName: credentials.siteName,
    passwordSha256: credentials.passwordSha256,
    hardwareId: engine.hardwareId,
    appVersion: APP_VERSION,
  };
  const legacy = new LegacyClient({ url: credentials.url, ...site }, transport);
  const central = await check(
    'msupply-central',
    credentials.url,
    () => legacy.getSiteInfo(),
    (info) => {
      const syncIdMatches = info.siteId === credentials.syncId;
      const mismatch = new SyncError(
        'SYNC_ID_MISMATCH',
        `Sync ID is ${credentials.syncId} but the central server reports site id ${info.siteId}`,
      );
      return { syncIdMatches, error: syncIdMatches ? null : mismatch.toJSON() };
    },
  );
  // The Open mSupply central is wherever central says now; the last known URL if central is down.
  const info: SiteInfo | undefined = central.answer;
  const omsUrl = info ? info.omSupplyCentralServerUrl : ((await readSetting(manager, KEY.omsUrl)) ?? '');
  const oms = new OmSupplyClient({ omsUrl, legacyUrl: credentials.url, ...site }, transport);
  const openMSupply = await check(
    'open-msupply-central',
    omsUrl,
    () => oms.siteStatus(),
    () => ({
      syncIdMatches: null,
      error: null,
    }),
  );
  return { checks: [central.check, openMSupply.check] };
}
