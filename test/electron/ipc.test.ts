// The ipcMain side against the real application service (temporary data directory): only Electron
// is faked.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppService } from '../../src-main/app/app-service';
import { EVENTS, OPERATION_NAMES, channelOf, type Outcome } from '../../src-main/contract/operations';
import type { Preferences, SyncStatusView } from '../../src-main/contract/views';
import { BrowserWindow, ipcMain, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { setupIpc } = await import('../../electron/ipc');
const { createAppService } = await import('../../src-main/app/app-service');

const OURS = { senderFrame: { url: 'app://satellite-sync/index.html' } };
const FOREIGN = { senderFrame: { url: 'https://evil.example/' } };

let service: AppService;
let window: BrowserWindow;
let removeIpc: () => void;

async function invoke<T>(name: string, input: unknown, event: unknown = OURS): Promise<Outcome<T>> {
  const handler = ipcMain.handlers.get(channelOf(name as never));
  if (!handler) throw new Error(`no handler for ${name}`);
  return (await handler(event, input)) as Outcome<T>;
}

describe('IPC registration', () => {
  beforeEach(async () => {
    resetFakeElectron();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'satellite-sync-ipc-'));
    service = await createAppService({ dataDir, mode: 'electron', hardwareId: 'TEST-HARDWARE-ID' });
    window = new BrowserWindow({});
    removeIpc = setupIpc(service, () => window as never);
  });

  afterEach(async () => {
    removeIpc();
    await service.close();
  });

  it('handles every contract operation, and nothing else', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(OPERATION_NAMES.map(channelOf).sort());
    expect(ipcMain.handle).toHaveBeenCalledTimes(OPERATION_NAMES.length);
  });

  it('answers our page through the service', async () => {
    const status = await invoke<SyncStatusView>('getStatus', undefined);
    expect(status).toMatchObject({ ok: true, value: { configured: false, isSyncing: false } });
  });

  it('validates arguments in main', async () => {
    const outcome = await invoke('setSyncInterval', { minutes: -5 });
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { minutes: expect.any(String) } },
    });
  });

  it('refuses a foreign frame without touching the service', async () => {
    const refused = await invoke('setSyncInterval', { minutes: 0 }, FOREIGN);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(await invoke('getStatus', undefined, { senderFrame: null })).toMatchObject({ ok: false });
    const preferences = await invoke<Preferences>('getPreferences', undefined);
    expect(preferences.ok && preferences.value.intervalMinutes).not.toBe(0);
  });

  it('forwards service events to the window', async () => {
    const changed = await invoke<Preferences>('setSyncInterval', { minutes: 0 });
    expect(changed).toMatchObject({ ok: true, value: { intervalMinutes: 0 } });
    await vi.waitFor(() =>
      expect(window.webContents.send).toHaveBeenCalledWith(
        EVENTS.preferencesChanged,
        expect.objectContaining({ intervalMinutes: 0 }),
      ),
    );
    for (const [channel] of window.webContents.send.mock.calls)
      expect(Object.values(EVENTS)).toContain(channel);
  });

  it('sends nothing to a window that is gone, and removes everything on dispose', async () => {
    window.destroyed = true;
    await invoke('setSyncInterval', { minutes: 30 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(window.webContents.send).not.toHaveBeenCalled();
    removeIpc();
    expect(ipcMain.handlers.size).toBe(0);
    removeIpc = () => undefined;
  });
});
