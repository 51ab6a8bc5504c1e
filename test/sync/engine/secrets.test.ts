// Secrets stay secret (PRODUCT.md §3, §6): the site password, its SHA-256 (what the protocol sends)
// and the Basic credential built from it never show in CLI output, status, sync_log, SyncErrors or
// any file of the data directory in clear; the stored hash is sealed. The authorisation code's
// hash never shows in the status.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SyncLogEntity } from '../../../src-main/db/entities/internal';
import { setAuthorisationCode } from '../../../src-main/settings/authorisation-code';
import { KEY, readSetting } from '../../../src-main/settings/key-value';
import { FileKeySecretStore } from '../../../src-main/settings/secret-store';
import { sha256Hex } from '../../../src-main/settings/sync-settings';
import type { SyncEngine } from '../../../src-main/sync-engine';
import { addFault, admin, clearFaults, startCentral, type Central } from '../../reference-central/harness';
import {
  SATELLITE_1,
  SATELLITE_2,
  cleanUp,
  closeEngine,
  expectSyncError,
  failedRun,
  openEngine,
  rejectionOf,
  runCli,
  siteSettings,
  tempDir,
  type CliResult,
  type DemoSite,
} from './helpers';

const WRONG_PASSWORD = 'wrong-password-4f1d';
/** Each CLI call starts Node and tsx (seconds when the machine is busy). */
const CLI_TEST = { timeout: 120_000 };

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

/** The password, its hash (both cases) and the Basic credential, for the site and a wrong password. */
function secretsOf(site: DemoSite): string[] {
  return [site.password, WRONG_PASSWORD].flatMap((password) => {
    const hash = sha256Hex(password);
    return [password, hash, hash.toUpperCase(), Buffer.from(`${site.siteName}:${hash}`).toString('base64')];
  });
}

function expectNoSecret(text: string, secrets: readonly string[], where: string): void {
  for (const secret of secrets) expect(text.includes(secret), `${where} contains a secret`).toBe(false);
}

function expectCliClean(result: CliResult, secrets: readonly string[], what: string): void {
  expectNoSecret(result.stdout, secrets, `stdout of ${what}`);
  expectNoSecret(result.stderr, secrets, `stderr of ${what}`);
}

/** Every file under `dir` (database, WAL, logs, key file), as bytes. */
function filesUnder(dir: string): { file: string; bytes: Buffer }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return { file, bytes: readFileSync(file) };
    });
}

async function expectDatabaseClean(engine: SyncEngine, site: DemoSite, dataDir: string): Promise<void> {
  const secrets = secretsOf(site);
  const logs = await engine.db.dataSource.getRepository(SyncLogEntity).find();
  expect(logs.some((run) => run.errorCode !== null)).toBe(true);
  for (const run of logs) {
    expectNoSecret(`${run.errorMessage ?? ''}\n${run.errorDetail ?? ''}`, secrets, `sync_log row ${run.id}`);
  }
  const settings = (await engine.db.dataSource.query('SELECT key, value FROM key_value')) as {
    key: string;
    value: string;
  }[];
  expectNoSecret(JSON.stringify(settings), secrets, 'key_value');
  const sealed = await readSetting(engine.db.dataSource.manager, KEY.passwordSha256Sealed);
  expect(sealed).toMatch(/^v1:/);
  expect(new FileKeySecretStore(dataDir).unseal(sealed as string)).toBe(sha256Hex(site.password));
}

async function unbind(site: DemoSite): Promise<void> {
  await admin(central.dataDir, 'clear-hardware-id', '--site', site.siteName);
}

describe('the site password', () => {
  it(
    'never shows in CLI init, sync and status output, nor in any file of the data directory',
    CLI_TEST,
    async () => {
      const site = SATELLITE_1;
      const secrets = secretsOf(site);
      const dataDir = tempDir();
      const init = (password: string) =>
        runCli([
          'init',
          '--data-dir',
          dataDir,
          '--url',
          central.legacyUrl,
          '--site',
          site.siteName,
          '--password',
          password,
          '--sync-id',
          String(site.syncId),
        ]);

      const refused = await init(WRONG_PASSWORD);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('INCORRECT_PASSWORD');
      expectCliClean(refused, secrets, 'init with a wrong password');

      const configured = await init(site.password);
      expect(configured, configured.stderr).toMatchObject({ code: 0 });
      expectCliClean(configured, secrets, 'init');

      const synced = await runCli(['sync', '--data-dir', dataDir]);
      expect(synced, synced.stderr).toMatchObject({ code: 0 });
      expectCliClean(synced, secrets, 'sync');

      await addFault(central, { route: '*', kind: 'v6-off' });
      const failed = await runCli(['sync', '--data-dir', dataDir]);
      await clearFaults(central);
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain('CENTRAL_V6_NOT_CONFIGURED');
      expectCliClean(failed, secrets, 'a failed sync');

      const status = await runCli(['status', '--data-dir', dataDir]);
      expect(status.code).toBe(0);
      expectCliClean(status, secrets, 'status');
      const statusJson = await runCli(['status', '--data-dir', dataDir, '--json']);
      expect(statusJson.code).toBe(0);
      expect(JSON.parse(statusJson.stdout)).toMatchObject({
        configured: true,
        lastRun: { outcome: 'failed', error: { code: 'CENTRAL_V6_NOT_CONFIGURED' } },
      });
      expectCliClean(statusJson, secrets, 'status --json');

      const engine = await openEngine({ hardwareId: 'HW-SECRETS-READER', dataDir });
      await expectDatabaseClean(engine, site, dataDir);
      await closeEngine(engine);
      for (const { file, bytes } of filesUnder(dataDir)) {
        for (const secret of secrets) expect(bytes.includes(secret), `${file} holds a secret`).toBe(false);
      }
    },
  );

  it('never shows in a SyncError, the sync_log or the status of an in-process engine', async () => {
    const site = SATELLITE_2;
    const secrets = secretsOf(site);
    await unbind(site);
    const dataDir = tempDir();
    const engine = await openEngine({ hardwareId: 'HW-SECRETS', dataDir });

    const refused = expectSyncError(
      await rejectionOf(engine.configure({ ...siteSettings(central, site), password: WRONG_PASSWORD })),
      'INCORRECT_PASSWORD',
    );
    expectNoSecret(`${JSON.stringify(refused)}\n${refused.stack ?? ''}`, secrets, 'the refused configure');

    await engine.configure(siteSettings(central, site));
    await addFault(central, { route: '*', kind: 'v6-off' });
    const { error } = await failedRun(engine, 'CENTRAL_V6_NOT_CONFIGURED');
    expectNoSecret(`${JSON.stringify(error)}\n${error.stack ?? ''}`, secrets, 'the failed run');
    expectNoSecret(JSON.stringify(await engine.status()), secrets, 'status');
    await expectDatabaseClean(engine, site, dataDir);
  });
});

describe('the authorisation code', () => {
  it('never shows, nor its hash, in the status (in process and CLI)', CLI_TEST, async () => {
    const code = 'Supervisor-7731';
    const dataDir = tempDir();
    const engine = await openEngine({ hardwareId: 'HW-SECRETS-CODE', dataDir });
    await setAuthorisationCode(engine.db, code);
    const hash = await readSetting(engine.db.dataSource.manager, KEY.authorisationCodeHash);
    expect(hash).toMatch(/^scrypt\$/);
    const [, , , , salt, key] = (hash as string).split('$');
    const secrets = [code, hash as string, salt as string, key as string];

    expectNoSecret(JSON.stringify(await engine.status()), secrets, 'status');
    await closeEngine(engine);
    for (const args of [['status'], ['status', '--json']]) {
      const result = await runCli([...args, '--data-dir', dataDir]);
      expect(result.code).toBe(0);
      expectCliClean(result, secrets, args.join(' '));
    }
  });
});
