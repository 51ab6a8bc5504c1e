// First run against the demo central: Initialise checks the credentials, saves them and starts the
// first sync (status events follow it to a successful initialisation); then the history of runs,
// the site profile's part, the demo's preconfigured site, and a diagnostics bundle without secrets.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { zipEntries } from '../zip-entries';
import { hashAuthorisationCode } from '../../src-main/settings/authorisation-code';
import { sha256Hex } from '../../src-main/settings/sync-settings';
import type { SiteProfile } from '../../src-main/site-profile';
import type { SyncStatusView } from '../../src-main/contract/views';
import { startCentral, type Central } from '../reference-central/harness';
import { addFreshSite } from '../sync/engine/helpers';
import {
  appSql,
  closeApps,
  failure,
  initialisedApp,
  openApp,
  value,
  waitForStatus,
  waitForSuccessfulRun,
} from './helpers';

let central: Central;

beforeAll(async () => {
  central = await startCentral({ demo: true });
});
afterAll(async () => {
  await central?.dispose();
});
afterEach(closeApps);

describe('initialise', () => {
  it('refuses wrong credentials with the mapped sync error and saves nothing', async () => {
    const site = await addFreshSite(central);
    const { service } = await openApp();
    const error = await failure(
      service,
      'initialise',
      { url: central.legacyUrl, siteName: site.siteName, password: 'not-the-password', syncId: site.syncId },
      'INCORRECT_PASSWORD',
    );
    expect(error).toMatchObject({ message: 'Incorrect password', hint: expect.any(String) });
    expect(error.detail).toContain('/sync/v5/site');
    expect(JSON.stringify(error)).not.toContain(sha256Hex('not-the-password'));
    expect(await value(service, 'getStatus')).toMatchObject({ configured: false, lastRun: null });
  });

  it('saves the site, starts the first sync and reports it through status events to the end', async () => {
    const site = await addFreshSite(central);
    const { service } = await openApp();
    const events: SyncStatusView[] = [];
    service.on('statusChanged', (status) => events.push(status));

    const started = await value(service, 'initialise', {
      url: central.legacyUrl,
      siteName: site.siteName,
      password: site.password,
      syncId: site.syncId,
    });
    expect(started).toMatchObject({ configured: true, initialised: false, isSyncing: true });

    const done = await waitForSuccessfulRun(service);
    expect(done).toMatchObject({
      initialised: true,
      isSyncing: false,
      current: null,
      lastRun: { kind: 'initialisation', outcome: 'succeeded', error: null },
    });
    await waitForStatus(service, () => events.some((status) => status.initialised));
    const running = events.find((status) => status.current !== null);
    expect(running?.current?.steps.map((step) => step.step)).toEqual([
      'prepare',
      'pullCentral',
      'pullRemote',
      'pullV6',
      'integrate',
    ]);
    expect(await value(service, 'getPreferences')).toMatchObject({
      url: central.legacyUrl,
      siteName: site.siteName,
      syncId: site.syncId,
      omSupplyCentralUrl: central.omsUrl,
    });
    await failure(
      service,
      'initialise',
      { url: central.legacyUrl, siteName: site.siteName, password: site.password, syncId: site.syncId },
      'ALREADY_INITIALISED',
    );
  });

  it('keeps a history of runs, newest first, with the records each step handled', async () => {
    const site = await addFreshSite(central);
    const { service } = await initialisedApp(central.legacyUrl, site);
    expect(await value(service, 'syncNow')).toEqual({ queued: false });
    await waitForSuccessfulRun(service);

    const history = await value(service, 'getSyncHistory');
    expect(history.map((run) => [run.kind, run.outcome])).toEqual([
      ['operational', 'succeeded'],
      ['initialisation', 'succeeded'],
    ]);
    const [operational, initialisation] = history;
    expect(operational?.steps.map((step) => step.step)).toEqual([
      'pushV6',
      'push',
      'pullCentral',
      'pullRemote',
      'pullV6',
      'integrate',
    ]);
    expect(initialisation?.recordsPerStep.pullCentral).toBeGreaterThan(0);
    expect(initialisation?.recordsPerStep.integrate).toBeGreaterThan(0);
    expect(initialisation?.durationMs).toBeGreaterThanOrEqual(0);
    expect(await value(service, 'getSyncHistory', { limit: 1 })).toHaveLength(1);
  });

  it('takes the interval, request size and authorisation code from the site profile', async () => {
    const site = await addFreshSite(central);
    const profile: SiteProfile = {
      code: 'test-site',
      displayName: 'Test Site',
      url: central.legacyUrl,
      siteName: site.siteName,
      syncId: site.syncId,
      intervalMinutes: 30,
      requestSize: 250,
      authorisationCodeHash: await hashAuthorisationCode('profile-code'),
    };
    const { service } = await openApp({ siteProfile: profile });
    expect((await value(service, 'getAppInfo')).siteProfile).toEqual({
      code: 'test-site',
      displayName: 'Test Site',
      url: central.legacyUrl,
      siteName: site.siteName,
      syncId: site.syncId,
    });
    await value(service, 'initialise', {
      url: profile.url,
      siteName: profile.siteName,
      password: site.password,
      syncId: profile.syncId,
    });
    expect(await value(service, 'getPreferences')).toMatchObject({ intervalMinutes: 30, requestSize: 250 });
    expect(await value(service, 'unlockPreferences', { code: 'profile-code' })).toMatchObject({
      unlocked: true,
    });
    await waitForSuccessfulRun(service);
  });

  it('configures a preconfigured site (the demo) at start-up, with its authorisation code', async () => {
    const site = await addFreshSite(central);
    const { service } = await openApp({
      preconfigure: {
        url: central.legacyUrl,
        siteName: site.siteName,
        password: site.password,
        syncId: site.syncId,
        authorisationCode: 'demo-code',
      },
    });
    expect(await value(service, 'getStatus')).toMatchObject({ configured: true });
    await waitForSuccessfulRun(service);
    expect(await value(service, 'unlockPreferences', { code: 'demo-code' })).toMatchObject({
      unlocked: true,
    });
  });
});

describe('app info and diagnostics', () => {
  it('describes this app without secrets and exports a diagnostics zip that holds none', async () => {
    const site = await addFreshSite(central);
    const { service, dataDir, hardwareId } = await initialisedApp(central.legacyUrl, site, {
      serverUrl: 'http://127.0.0.1:4321',
    });
    await value(service, 'changeAuthorisationCode', { currentCode: '', newCode: 'support-code' });
    expect(await value(service, 'getAppInfo')).toEqual({
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      hardwareId,
      serverUrl: 'http://127.0.0.1:4321',
      secretStorage: expect.stringContaining('file-key fallback'),
      mode: 'browser',
      siteProfile: null,
    });

    const { file } = await value(service, 'exportDiagnostics');
    expect(path.dirname(file)).toBe(path.join(dataDir, 'diagnostics'));
    expect(existsSync(file)).toBe(true);
    const entries = await zipEntries(file);
    expect([...entries.keys()]).toEqual(
      expect.arrayContaining(['versions.json', 'settings.json', 'sync-log.json', 'status.json']),
    );
    const settings = await appSql<{ key: string; value: string }>(
      dataDir,
      'SELECT key, value FROM key_value',
    );
    const stored = (key: string) => settings.find((row) => row.key === key)?.value ?? 'missing';
    const secrets = [
      site.password,
      sha256Hex(site.password),
      stored('SyncPasswordSha256Sealed'),
      stored('AuthorisationCodeHash'),
      'support-code',
      readFileSync(path.join(dataDir, 'secret.key'), 'utf8'),
    ];
    const everything = [...entries.values()].join('\n');
    for (const secret of secrets) expect(everything).not.toContain(secret);
    expect(JSON.stringify(await value(service, 'getStatus'))).not.toContain(sha256Hex(site.password));
  });
});
