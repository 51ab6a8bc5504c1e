// The *built* shell, not its sources: preload.js runs with nothing but `electron` to require, as in
// a sandboxed renderer; main.js boots under Node with Electron stubbed (support/stub-electron.mjs),
// opening the real database and answering IPC. What only the real Electron can show is left to
// smoke.test.ts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_NAMES, channelOf } from '../../src-main/contract/operations';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/content-security-policy';
import { buildApp, type BuiltApp } from './support/build-app';

let built: BuiltApp;

beforeAll(async () => {
  built = await buildApp({ renderer: false });
}, 60_000);
afterAll(() => built?.remove());

describe('the built preload', () => {
  it('needs nothing but electron, and exposes the bridge', async () => {
    const exposed = new Map<string, Record<string, unknown>>();
    const invoked: unknown[][] = [];
    const electron = {
      contextBridge: {
        exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api),
      },
      ipcRenderer: {
        invoke: async (...args: unknown[]) => invoked.push(args),
        on: () => undefined,
        removeListener: () => undefined,
      },
    };
    const required: string[] = [];
    const sandboxRequire = (name: string): unknown => {
      required.push(name);
      if (name === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require ${name}`);
    };
    const module = { exports: {} };
    runInNewContext(readFileSync(built.preload, 'utf8'), {
      require: sandboxRequire,
      module,
      exports: module.exports,
    });
    expect(required).toEqual(['electron']);
    const api = exposed.get('satelliteSync');
    expect(Object.keys(api ?? {}).sort()).toEqual([...OPERATION_NAMES, 'on'].sort());
    await (api?.syncNow as (input: unknown) => Promise<unknown>)({});
    expect(invoked).toEqual([[channelOf('syncNow'), {}]]);
  });
});

describe('the built main process', () => {
  it('boots, opens the database, answers IPC only from the app, and closes on quit', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'satellite-sync-boot-'));
    const support = path.join(import.meta.dirname, 'support');
    const register = `data:text/javascript,import { register } from 'node:module'; register(${JSON.stringify(
      pathToFileURL(path.join(support, 'electron-loader.mjs')).href,
    )});`;
    const run = spawnSync(
      process.execPath,
      ['--import', register, path.join(support, 'boot-main.mjs'), built.main, dataDir],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;
    expect(report.errorBoxes).toEqual([]);
    expect(report.userData).toBe(dataDir);
    expect(report.lockRequestedAfterSetPath).toBe(true);
    expect(report.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(report.permissionHandlers).toBe(2);
    expect(report.channels).toEqual(OPERATION_NAMES.map(channelOf).sort());
    expect(report.windows).toEqual([
      {
        webPreferences: {
          preload: built.preload,
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          webSecurity: true,
        },
        loaded: 'app://satellite-sync/index.html',
      },
    ]);
    expect(report.status).toMatchObject({ ok: true, value: { configured: false } });
    expect(report.foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    // No keychain in the stub: the shell fell back to the file key, and says so.
    expect(report.appInfo).toMatchObject({
      ok: true,
      value: { mode: 'electron', secretStorage: expect.stringContaining('file-key') },
    });
    // The renderer directory beside the build is served (404 here: this build has no renderer), with the CSP.
    expect(report.page).toMatchObject({ csp: CONTENT_SECURITY_POLICY });
    expect(report.windowOpen).toEqual({ action: 'deny' });
    expect(report.quits).toBe(2);
    expect(report.handlersAfterQuit).toBe(0);
    expect(readFileSync(path.join(dataDir, 'logs', 'shell.log'), 'utf8')).toMatch(
      /secrets use the file-key fallback/,
    );
  });
});
