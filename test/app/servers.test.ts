// Check connection and the servers table against a central whose Open mSupply API listens on its
// own port: per-server verdicts (good credentials, a changed password, v6 switched off), the
// read-only Open mSupply entry, search, and edits that central must accept first.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FileKeySecretStore } from '../../src-main/settings/secret-store';
import { sha256Hex } from '../../src-main/settings/sync-settings';
import { addFault, clearFaults, startCentral, type Central } from '../reference-central/harness';
import { SATELLITE_2, addFreshSite, type DemoSite } from '../sync/engine/helpers';
import {
  appSql,
  auditActions,
  closeApps,
  failure,
  initialisedApp,
  value,
  waitForStatus,
  type OpenApp,
} from './helpers';

let central: Central;

beforeAll(async () => {
  central = await startCentral({ demo: true, omsPort: 0 });
});
afterAll(async () => {
  await central?.dispose();
});
afterEach(async () => {
  await clearFaults(central);
  await closeApps();
});

const CODE = 'supervisor';

/** An initialised, unlocked app of a fresh site (stores without records) or of `demoSite`. */
async function unlockedApp(demoSite?: DemoSite): Promise<OpenApp & { site: DemoSite }> {
  const site = demoSite ?? (await addFreshSite(central));
  const app = await initialisedApp(central.legacyUrl, site);
  await value(app.service, 'changeAuthorisationCode', { currentCode: '', newCode: CODE });
  await value(app.service, 'unlockPreferences', { code: CODE });
  return { ...app, site };
}

/** Replaces the stored password hash, as if the site's password had changed on central since. */
async function storePasswordHash(dataDir: string, password: string): Promise<void> {
  const sealed = new FileKeySecretStore(dataDir).seal(sha256Hex(password));
  await appSql(dataDir, "UPDATE key_value SET value = ? WHERE key = 'SyncPasswordSha256Sealed'", [sealed]);
}

describe('check connection', () => {
  it('reports both central servers reachable, accepting, matching and compatible, with latency', async () => {
    const { service, site } = await unlockedApp();
    const { checks } = await value(service, 'checkConnection');
    expect(checks).toEqual([
      {
        server: 'msupply-central',
        url: central.legacyUrl,
        reachable: true,
        credentialsAccepted: true,
        syncIdMatches: true,
        hardwareIdAccepted: true,
        versionCompatible: true,
        latencyMs: expect.any(Number),
        error: null,
      },
      {
        server: 'open-msupply-central',
        url: central.omsUrl,
        reachable: true,
        credentialsAccepted: true,
        syncIdMatches: null,
        hardwareIdAccepted: true,
        versionCompatible: true,
        latencyMs: expect.any(Number),
        error: null,
      },
    ]);
    expect(central.omsUrl).not.toBe(central.legacyUrl);
    expect(site.syncId).toBeGreaterThan(1);
  });

  it('says which check failed: a wrong password, then v6 switched off on central', async () => {
    const { service, dataDir, site } = await unlockedApp();
    await storePasswordHash(dataDir, 'an-old-password');
    const [legacy, oms] = (await value(service, 'checkConnection')).checks;
    expect(legacy).toMatchObject({
      reachable: true,
      credentialsAccepted: false,
      syncIdMatches: null,
      latencyMs: expect.any(Number),
      error: { code: 'INCORRECT_PASSWORD', message: 'Incorrect password' },
    });
    expect(oms).toMatchObject({ credentialsAccepted: false, error: { code: 'INCORRECT_PASSWORD' } });
    expect(JSON.stringify(legacy)).not.toContain(sha256Hex('an-old-password'));

    await storePasswordHash(dataDir, site.password);
    await addFault(central, { route: '*', kind: 'v6-off' });
    const [stillGood, off] = (await value(service, 'checkConnection')).checks;
    expect(stillGood).toMatchObject({ reachable: true, credentialsAccepted: true, error: null });
    expect(off).toMatchObject({
      server: 'open-msupply-central',
      reachable: false,
      credentialsAccepted: null,
      latencyMs: null,
      error: { code: 'CENTRAL_V6_NOT_CONFIGURED' },
    });
  });
});

describe('the servers table', () => {
  it('lists the mSupply central server and the read-only Open mSupply one, and searches them', async () => {
    const { service, site } = await unlockedApp();
    const both = [
      {
        syncId: site.syncId,
        userName: site.siteName,
        url: central.legacyUrl,
        kind: 'msupply-central',
        readOnly: false,
      },
      {
        syncId: site.syncId,
        userName: site.siteName,
        url: central.omsUrl,
        kind: 'open-msupply-central',
        readOnly: true,
      },
    ];
    expect(await value(service, 'listServers')).toEqual(both);
    expect(await value(service, 'listServers', { search: String(site.syncId) })).toEqual(both);
    expect(await value(service, 'listServers', { search: site.siteName.slice(2, 9).toUpperCase() })).toEqual(
      both,
    );
    expect(await value(service, 'listServers', { search: 'no such site' })).toEqual([]);
  });

  it('saves an edit only once central accepts it, keeping the password when it is left empty', async () => {
    const { service, dataDir, site } = await unlockedApp();
    const port = new URL(central.legacyUrl).port;
    const edited = {
      syncId: site.syncId,
      userName: site.siteName,
      password: '',
      url: `http://localhost:${port}/`,
    };
    const servers = await value(service, 'saveServer', edited);
    expect(servers[0]).toMatchObject({ kind: 'msupply-central', url: edited.url });
    expect(await value(service, 'getPreferences')).toMatchObject({ url: edited.url });
    // The kept password still works.
    expect((await value(service, 'checkConnection')).checks[0]).toMatchObject({ credentialsAccepted: true });

    await failure(service, 'saveServer', { ...edited, password: 'wrong-password' }, 'INCORRECT_PASSWORD');
    await failure(service, 'saveServer', { ...edited, syncId: site.syncId + 1000 }, 'SYNC_ID_MISMATCH');
    const other = await addFreshSite(central);
    await failure(
      service,
      'saveServer',
      { syncId: other.syncId, userName: other.siteName, password: other.password, url: central.legacyUrl },
      'SITE_UUID_IS_BEING_CHANGED',
    );
    await failure(service, 'saveServer', { ...edited, url: central.omsUrl }, 'READ_ONLY_SERVER');
    expect(await value(service, 'getPreferences')).toMatchObject({ url: edited.url, syncId: site.syncId });
    expect((await auditActions(dataDir)).filter((action) => action === 'server-saved')).toHaveLength(1);
  });

  it('refuses to remove the only mSupply central server, and checks a new Sync ID with central', async () => {
    const { service, site } = await unlockedApp();
    await failure(service, 'removeServer', { syncId: site.syncId }, 'ONLY_CENTRAL_SERVER');
    await failure(service, 'removeServer', { syncId: site.syncId + 1000 }, 'SERVER_NOT_FOUND');
    await failure(service, 'setProtectedPreferences', { syncId: site.syncId + 1000 }, 'SYNC_ID_MISMATCH');
    expect(await value(service, 'listServers')).toHaveLength(2);
    expect(await value(service, 'getPreferences')).toMatchObject({ syncId: site.syncId });
  });
});

describe('generate and retrieve sync records', () => {
  it('queues local records for push again, and re-pulls everything in a retrieve run', async () => {
    // A demo site: its store holds stock, invoices and assets.
    const { service, dataDir } = await unlockedApp(SATELLITE_2);
    const { queued } = await value(service, 'generateSyncRecords');
    expect(queued).toBeGreaterThan(0);
    expect((await value(service, 'getStatus')).recordsWaitingToPush).toBeGreaterThan(0);

    expect(await value(service, 'retrieveSyncRecords')).toEqual({ requested: true });
    const status = await waitForStatus(
      service,
      (current) => !current.isSyncing && current.lastRun?.kind === 'retrieve',
    );
    expect(status.lastRun).toMatchObject({ outcome: 'succeeded' });
    expect(status.recordsWaitingToPush).toBe(0);
    expect(await auditActions(dataDir)).toEqual(
      expect.arrayContaining(['generate-sync-records', 'retrieve-sync-records']),
    );
  });
});
