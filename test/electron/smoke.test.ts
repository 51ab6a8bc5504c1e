/// <reference lib="dom" />
// The real app in the real Electron, driven by Playwright (PRODUCT.md §6: what the unit tests can
// only assume). Electron's binary cannot be downloaded on this project's machines, so this runs only
// where one is provided: ELECTRON_OVERRIDE_DIST_PATH=<an unpacked Electron 45>, or the electron
// package's own download. It never triggers that download (no require('electron') here).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { OPERATION_NAMES } from '../../src-main/contract/operations';
import { PROJECT_DIR, buildApp } from './support/build-app';

const EXECUTABLE: Partial<Record<NodeJS.Platform, string>> = {
  win32: 'electron.exe',
  darwin: 'Electron.app/Contents/MacOS/Electron',
};

/** The executable, found as the electron package finds it, without its fall-back download. */
function electronBinary(): { path: string } | { missing: string } {
  const packageDir = path.join(PROJECT_DIR, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = path.join(override, relative ?? EXECUTABLE[process.platform] ?? 'electron');
    return existsSync(candidate)
      ? { path: candidate }
      : { missing: `ELECTRON_OVERRIDE_DIST_PATH is set, but ${candidate} does not exist` };
  }
  const downloaded = relative ? path.join(packageDir, 'dist', relative) : null;
  return downloaded && existsSync(downloaded)
    ? { path: downloaded }
    : {
        missing:
          'node_modules/electron has no binary (it downloads one on first use, which needs the internet)',
      };
}

const found = electronBinary();
const binary = 'path' in found ? found.path : null;
if ('missing' in found) {
  console.log(
    `No Electron binary: set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron 45 to run the Electron smoke test; ${found.missing}.`,
  );
}

describe('the Electron app (smoke)', () => {
  it.skipIf(!binary)(
    'opens its window with the renderer, the bridge, and no Node in the page',
    async () => {
      const built = await buildApp();
      onTestFinished(built.remove);
      const dataDir = mkdtempSync(path.join(tmpdir(), 'satellite-sync-smoke-'));
      const env = { ...process.env };
      delete env.ELECTRON_RUN_AS_NODE;
      const app = await electron.launch({
        executablePath: binary ?? '',
        args: [built.main, `--data-dir=${dataDir}`],
        env: env as Record<string, string>,
        timeout: 60_000,
      });
      try {
        const page = await app.firstWindow();
        await page.waitForLoadState('domcontentloaded');
        expect(page.url()).toBe('app://satellite-sync/index.html');
        expect(await page.title()).toBe('Satellite Sync');
        // The renderer mounted.
        await page.waitForFunction(() => (document.querySelector('#app')?.children.length ?? 0) > 0);
        // The bridge: one function per operation, plus on; and it reaches main.
        const bridge = await page.evaluate(() => {
          const api = (window as unknown as { satelliteSync: Record<string, unknown> }).satelliteSync;
          return Object.entries(api).map(([name, value]) => `${name}:${typeof value}`);
        });
        expect(bridge.sort()).toEqual([...OPERATION_NAMES, 'on'].map((name) => `${name}:function`).sort());
        const status = await page.evaluate(() =>
          (
            window as unknown as { satelliteSync: { getStatus(): Promise<{ ok: boolean }> } }
          ).satelliteSync.getStatus(),
        );
        expect(status.ok).toBe(true);
        // No Node in the page.
        expect(
          await page.evaluate(() => {
            const page = window as unknown as Record<string, unknown>;
            return [typeof page.require, typeof page.process, typeof page.module, typeof page.ipcRenderer];
          }),
        ).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
        // Main sees one window, showing the app.
        const windows = await app.evaluate(({ BrowserWindow }) =>
          BrowserWindow.getAllWindows().map((window) => window.webContents.getURL()),
        );
        expect(windows).toEqual(['app://satellite-sync/index.html']);
        // Navigation away is refused.
        await page.evaluate(() => {
          window.location.href = 'https://example.org/';
        });
        await page.waitForTimeout(500);
        expect(page.url()).toBe('app://satellite-sync/index.html');
      } finally {
        await app.close();
      }
    },
    120_000,
  );
});
