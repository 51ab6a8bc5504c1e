// main.ts end to end with Electron faked: the single-instance lock, the start-up order, the real
// application service in a temporary data directory, and a clean quit.
import electronLog from 'electron-log/node';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OPERATION_NAMES, channelOf } from '../../src-main/contract/operations';
import { BrowserWindow, app, dialog, ipcMain, protocol, resetFakeElectron, session } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const argv = process.argv;
let dataDir: string;

function order(mock: { mock: { invocationCallOrder: number[] } }): number {
  return mock.mock.invocationCallOrder[0] ?? Number.POSITIVE_INFINITY;
}

describe('the main process', () => {
  // main.ts runs on import: each test imports it afresh (the fake Electron is shared).
  beforeEach(() => {
    resetFakeElectron();
    vi.resetModules();
    dataDir = mkdtempSync(path.join(tmpdir(), 'satellite-sync-main-'));
    process.argv = [...argv, `--data-dir=${dataDir}`];
    Object.defineProperty(process, 'resourcesPath', { value: dataDir, configurable: true });
    electronLog.transports.console.level = false;
  });

  afterEach(() => {
    process.argv = argv;
    electronLog.errorHandler.stopCatching();
  });

  it('quits at once when another instance holds the lock', async () => {
    app.hasLock = false;
    await import('../../electron/main');
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(BrowserWindow.instances).toEqual([]);
  });

  it('starts the shell, focuses it on a second launch, and closes the service on quit', async () => {
    await import('../../electron/main');
    await vi.waitFor(
      () => {
        expect(dialog.showErrorBox).not.toHaveBeenCalled();
        expect(BrowserWindow.instances).toHaveLength(1);
      },
      { timeout: 10_000 },
    );
    await vi.waitFor(() => expect(existsSync(path.join(dataDir, 'logs', 'shell.log'))).toBe(true));

    // Before ready: the privileged scheme, and the data directory before the per-directory lock.
    expect(app.setPath).toHaveBeenCalledWith('userData', dataDir);
    expect(order(app.setPath)).toBeLessThan(order(app.requestSingleInstanceLock));
    expect(order(protocol.registerSchemesAsPrivileged)).toBeLessThan(order(app.whenReady));
    // Once ready: permissions refused, the renderer served, every operation handled.
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect([...ipcMain.handlers.keys()].sort()).toEqual(OPERATION_NAMES.map(channelOf).sort());
    expect(existsSync(path.join(dataDir, 'satellite-sync.sqlite'))).toBe(true);

    const [window] = BrowserWindow.instances;
    expect(window?.loadURL).toHaveBeenCalledWith('app://satellite-sync/index.html');
    expect((window?.options.webPreferences as { preload: string }).preload).toMatch(/preload\.js$/);

    app.emit('second-instance', {}, [], '/');
    expect(window?.focus).toHaveBeenCalledOnce();

    const quit = { preventDefault: vi.fn() };
    app.emit('will-quit', quit);
    expect(quit.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce());
    expect(ipcMain.handlers.size).toBe(0);
  });
});
