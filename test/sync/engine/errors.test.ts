// Each sync error code produced by a real condition against a real central, with the message and
// hint errors.ts gives it; and the CLI's exit codes and stderr for a failed and a good sync.
//
// The central accepts v5 `version` 12 to 14 and has no setting to change that, so the incompatible
// version case puts a loopback proxy in front of it that rewrites the header the engine sends (14)
// to 10000: central answers 409 api_version_incompatible as it would to a client it does not support.
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readPublicSettings } from '../../../src-main/settings/sync-settings';
import {
  addFault,
  admin,
  clearFaults,
  startCentral,
  waitForV5Idle,
  type Central,
} from '../../reference-central/harness';
import {
  SATELLITE_1,
  SATELLITE_2,
  TEST_TIMINGS,
  addFreshSite,
  cleanUp,
  expectSyncError,
  failedRun,
  initialisedEngine,
  openEngine,
  rejectionOf,
  runCli,
  siteSettings,
  startProxy,
  tempDir,
  type DemoSite,
} from './helpers';

let central: Central;

beforeAll(async () => {
  central = await startCentral({ demo: true });
});
afterAll(async () => {
  await central?.dispose();
});
afterEach(async () => {
  await clearFaults(central);
  await cleanUp();
});

/** Lets the next machine that contacts central bind the site (tests stay independent). */
async function unbind(site: DemoSite): Promise<void> {
  await admin(central.dataDir, 'clear-hardware-id', '--site', site.siteName);
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('credentials central refuses', () => {
  it('INCORRECT_PASSWORD: a wrong password is refused and nothing is saved', async () => {
    const engine = await openEngine({ hardwareId: 'HW-ERR-PASSWORD' });
    const error = await rejectionOf(
      engine.configure({ ...siteSettings(central, SATELLITE_1), password: 'not-the-password' }),
    );
    expect(expectSyncError(error, 'INCORRECT_PASSWORD').detail).toContain('site_incorrect_password');
    expect((await engine.status()).configured).toBe(false);
  });

  it('SITE_NAME_NOT_FOUND: a site central does not know', async () => {
    const engine = await openEngine({ hardwareId: 'HW-ERR-SITE' });
    const error = await rejectionOf(
      engine.configure({ ...siteSettings(central, SATELLITE_1), siteName: 'no-such-site' }),
    );
    expect(expectSyncError(error, 'SITE_NAME_NOT_FOUND').detail).toContain('site_name_not_found');
    expect((await engine.status()).configured).toBe(false);
  });

  it('HARDWARE_ID_MISMATCH: another machine is refused until the hardware ID is cleared', async () => {
    await unbind(SATELLITE_1);
    const machineA = await initialisedEngine(central, SATELLITE_1, 'A');

    const machineB = await openEngine({ hardwareId: 'B' });
    const error = await rejectionOf(machineB.configure(siteSettings(central, SATELLITE_1)));
    expect(expectSyncError(error, 'HARDWARE_ID_MISMATCH').hint).toMatch(/clear this site's hardware ID/);
    expect((await machineB.status()).configured).toBe(false);

    await unbind(SATELLITE_1);
    await machineB.configure(siteSettings(central, SATELLITE_1));
    expect(await machineB.syncOnce()).toEqual({ status: 'succeeded' });
    expect((await machineB.status()).initialised).toBe(true);

    // Now machine A is the stranger: its run fails, and the status says why.
    const { error: runError, failedStep } = await failedRun(machineA, 'HARDWARE_ID_MISMATCH');
    expect(runError.hint).toMatch(/clear this site's hardware ID/);
    expect(failedStep).toBeUndefined(); // site info comes before any step
  });

  it('SYNC_ID_MISMATCH: Sync ID 9 for satellite-1 (site id 2)', async () => {
    await unbind(SATELLITE_1);
    const engine = await openEngine({ hardwareId: 'HW-ERR-SYNC-ID' });
    const error = await rejectionOf(engine.configure({ ...siteSettings(central, SATELLITE_1), syncId: 9 }));
    const syncError = expectSyncError(error, 'SYNC_ID_MISMATCH');
    expect(syncError.detail).toMatch(/Sync ID is 9 .* site id 2/);
    expect((await engine.status()).configured).toBe(false);
  });

  it("SITE_UUID_IS_BEING_CHANGED: satellite-1's database configured with satellite-2's credentials", async () => {
    await unbind(SATELLITE_1);
    await unbind(SATELLITE_2);
    const engine = await initialisedEngine(central, SATELLITE_1, 'HW-ERR-UUID');

    const error = await rejectionOf(engine.configure(siteSettings(central, SATELLITE_2)));
    expectSyncError(error, 'SITE_UUID_IS_BEING_CHANGED');
    expect(await readPublicSettings(engine.db.dataSource.manager)).toMatchObject({
      siteName: SATELLITE_1.siteName,
      syncId: SATELLITE_1.syncId,
    });
    expect(await engine.syncOnce()).toEqual({ status: 'succeeded' });
  });
});

describe('central unreachable or incompatible', () => {
  it('API_VERSION_INCOMPATIBLE: central refuses the sync API version sent', async () => {
    const site = await addFreshSite(central);
    const proxy = await startProxy(central.legacyUrl);
    try {
      const engine = await openEngine({ hardwareId: 'HW-ERR-VERSION' });
      await engine.configure(siteSettings(proxy.url, site));

      proxy.options.rewriteHeaders = { version: '10000' };
      const error = await rejectionOf(engine.configure(siteSettings(proxy.url, site)));
      expect(expectSyncError(error, 'API_VERSION_INCOMPATIBLE').detail).toMatch(
        /409 api_version_incompatible/,
      );
      const { error: runError } = await failedRun(engine, 'API_VERSION_INCOMPATIBLE');
      expect(runError.detail).toContain('"min":12,"max":14');
      // The engine itself sent version 14; only the proxy changed it.
      expect(new Set(proxy.requests.map((request) => request.headers.version))).toEqual(new Set(['14']));
    } finally {
      await proxy.close();
    }
  });

  it('CONNECTION_ERROR: nothing listens at the URL (configure), or central went away (run)', async () => {
    const engine = await openEngine({ hardwareId: 'HW-ERR-CONNECTION' });
    const port = await closedPort();
    const error = await rejectionOf(engine.configure(siteSettings(`http://127.0.0.1:${port}`, SATELLITE_1)));
    expect(expectSyncError(error, 'CONNECTION_ERROR').detail).toContain('ECONNREFUSED');
    expect((await engine.status()).configured).toBe(false);

    const site = await addFreshSite(central);
    const proxy = await startProxy(central.legacyUrl);
    await engine.configure(siteSettings(proxy.url, site));
    await proxy.close();
    const { error: runError } = await failedRun(engine, 'CONNECTION_ERROR');
    expect(runError.detail).toContain('ECONNREFUSED');
  });

  it('CENTRAL_V6_NOT_CONFIGURED: v6 switched off on central; the run resumes once it is back', async () => {
    const site = await addFreshSite(central);
    const engine = await openEngine({ hardwareId: 'HW-ERR-V6-OFF' });
    await engine.configure(siteSettings(central, site));
    await addFault(central, { route: '*', kind: 'v6-off' });

    const { error, failedStep } = await failedRun(engine, 'CENTRAL_V6_NOT_CONFIGURED');
    expect(error.detail).toContain('HTTP 405');
    expect(failedStep).toBe('pullV6');
    expect((await engine.status()).initialised).toBe(false);

    await clearFaults(central);
    expect(await engine.syncOnce()).toEqual({ status: 'succeeded' });
    expect((await engine.status()).initialised).toBe(true);
  });

  it('INTEGRATION_TIMEOUT_REACHED: central integrates a push for longer than the engine waits', async () => {
    const site = await addFreshSite(central);
    const hardwareId = 'HW-ERR-SLOW';
    // A short wait keeps the test quick; the fault lasts well beyond it.
    const timings = { ...TEST_TIMINGS, integrationTimeoutMs: 2_000 };
    const engine = await openEngine({ hardwareId, timings });
    await engine.configure(siteSettings(central, site));
    expect(await engine.syncOnce()).toEqual({ status: 'succeeded' });

    await addFault(central, { route: '*', kind: 'slow-integration', ms: 5_000 });
    const { error, failedStep } = await failedRun(engine, 'INTEGRATION_TIMEOUT_REACHED');
    expect(failedStep).toBe('push');
    expect(error.isTransient).toBe(true);

    await waitForV5Idle(central.legacyUrl, { site: site.siteName, password: site.password, hardwareId });
    expect(await engine.syncOnce()).toEqual({ status: 'succeeded' });
  });
});

describe('the CLI', () => {
  // Each CLI call starts npm, Node and tsx (seconds when the machine is busy).
  it(
    '`sync` exits 1 with the error code on stderr, and 0 with progress lines once it succeeds',
    { timeout: 120_000 },
    async () => {
      const site = await addFreshSite(central);
      const dataDir = tempDir();
      const init = await runCli([
        'init',
        '--data-dir',
        dataDir,
        '--url',
        central.legacyUrl,
        '--site',
        site.siteName,
        '--password',
        site.password,
        '--sync-id',
        String(site.syncId),
      ]);
      expect(init, init.stderr).toMatchObject({ code: 0 });

      await addFault(central, { route: '*', kind: 'v6-off' });
      const failed = await runCli(['sync', '--data-dir', dataDir]);
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain(
        'Sync failed: CENTRAL_V6_NOT_CONFIGURED: The Open mSupply central server is not configured',
      );
      expect(failed.stderr).toContain('Hint: The mSupply central server must report a valid Open mSupply');
      expect(failed.stdout).toBe('');

      await clearFaults(central);
      const succeeded = await runCli(['sync', '--data-dir', dataDir]);
      expect(succeeded, succeeded.stderr).toMatchObject({ code: 0, stdout: '' });
      const lines = succeeded.stderr.trim().split('\n');
      expect(lines).toContain('prepare done');
      expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^pullCentral \d+\/\d+ done$/)]));
      expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^integrate \d+\/\d+ done$/)]));
      expect(lines.at(-1)).toBe('Sync succeeded');
    },
  );
});
