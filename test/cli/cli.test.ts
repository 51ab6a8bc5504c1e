// The satellite-sync CLI as a support person uses it: usage errors, hardware-id, settings,
// records, and a diagnostics bundle that holds no secret.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipEntries } from '../zip-entries';
import { sha256Hex } from '../../src-main/settings/sync-settings';
import { startCentral, type Central } from '../reference-central/harness';
import { SATELLITE_1, runCli, tempDir } from '../sync/engine/helpers';

describe('satellite-sync CLI', () => {
  let central: Central;
  let dataDir: string;
  beforeAll(async () => {
    central = await startCentral({ demo: true });
    dataDir = tempDir('satellite-cli-');
    const init = await runCli([
      'init',
      '--data-dir',
      dataDir,
      '--url',
      central.legacyUrl,
      '--site',
      SATELLITE_1.siteName,
      '--password',
      SATELLITE_1.password,
      '--sync-id',
      String(SATELLITE_1.syncId),
    ]);
    expect(init.code, init.stderr).toBe(0);
    expect((await runCli(['sync', '--data-dir', dataDir])).code).toBe(0);
  }, 120_000);
  afterAll(() => central.stop());

  it('refuses a wrong command or a missing option with usage and exit code 2', async () => {
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');
    expect(unknown.stderr).toContain('Usage: satellite-sync');
    const missing = await runCli(['status']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Missing --data-dir');
    const badNumber = await runCli(['settings', '--data-dir', dataDir, '--interval', 'soon']);
    expect(badNumber.code).toBe(2);
    expect(badNumber.stderr).toContain('--interval must be a whole number');
  }, 60_000);

  it('prints this machine’s hardware ID', async () => {
    const result = await runCli(['hardware-id']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^[0-9A-F]{32}$/);
  }, 60_000);

  it('shows the settings and sets only the interval', async () => {
    const result = await runCli(['settings', '--data-dir', dataDir, '--interval', '0']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      url: central.legacyUrl,
      siteName: SATELLITE_1.siteName,
      syncId: SATELLITE_1.syncId,
      intervalMinutes: 0,
      requestSize: 500,
    });
    const status = JSON.parse((await runCli(['status', '--data-dir', dataDir, '--json'])).stdout);
    expect(status.paused).toBe(true);
  }, 60_000);

  it('renders local rows of a table in the legacy push shape, and names an unknown table', async () => {
    const units = JSON.parse((await runCli(['records', 'unit', '--data-dir', dataDir, '--json'])).stdout);
    expect(units.length).toBeGreaterThan(0);
    expect(Object.keys(units[0])).toEqual(expect.arrayContaining(['ID', 'units', 'comment', 'order_number']));
    const unknown = await runCli(['records', 'no_such_table', '--data-dir', dataDir]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('No synced table "no_such_table"');
  }, 60_000);

  it('writes a diagnostics bundle with runs, settings and a hashed hardware ID, and no secret', async () => {
    const out = path.join(tempDir('satellite-diag-'), 'diagnostics.zip');
    const result = await runCli(['diagnostics', '--data-dir', dataDir, '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const entries = await zipEntries(out);
    expect([...entries.keys()]).toEqual(
      expect.arrayContaining([
        'versions.json',
        'settings.json',
        'hardware-id.json',
        'status.json',
        'sync-log.json',
        'integration-problems.json',
        'logs/sync.log',
      ]),
    );
    const hardwareId = (await runCli(['hardware-id'])).stdout.trim();
    expect(JSON.parse(entries.get('hardware-id.json') as string)).toEqual({ sha256: sha256Hex(hardwareId) });
    expect(JSON.parse(entries.get('sync-log.json') as string).length).toBeGreaterThan(0);
    const everything = [...entries.values()].join('\n') + readFileSync(out).toString('latin1');
    for (const secret of [SATELLITE_1.password, sha256Hex(SATELLITE_1.password), hardwareId]) {
      expect(everything).not.toContain(secret);
    }
  }, 60_000);
});
