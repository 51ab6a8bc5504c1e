import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { createMainWindow, focusWindow, mainWindowOptions, WINDOW_TITLE } =
  await import('../../electron/window');
const { APP_ENTRY_URL } = await import('../../electron/app-origin');

describe('the main window', () => {
  beforeEach(resetFakeElectron);

  it('runs the page sandboxed, context-isolated, without Node, with web security on', () => {
    expect(mainWindowOptions('/app/dist/electron/preload.js').webPreferences).toEqual({
      preload: '/app/dist/electron/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
  });

  it('loads the renderer from the app protocol and shows itself once ready', () => {
    const window = createMainWindow('/preload.js', vi.fn()) as unknown as BrowserWindow;
    expect(BrowserWindow.instances).toEqual([window]);
    expect(window.options).toMatchObject({ title: WINDOW_TITLE, show: false });
    expect(window.loadURL).toHaveBeenCalledWith(APP_ENTRY_URL);
    expect(APP_ENTRY_URL).toBe('app://satellite-sync/index.html');
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('reports a page that fails to load', async () => {
    BrowserWindow.loadFailure = new Error('ERR_FILE_NOT_FOUND');
    const onLoadFailed = vi.fn();
    createMainWindow('/preload.js', onLoadFailed);
    await vi.waitFor(() => expect(onLoadFailed).toHaveBeenCalledWith(BrowserWindow.loadFailure));
  });

  it('brings a minimised window back to the front', () => {
    const window = new BrowserWindow({});
    window.minimized = true;
    focusWindow(window as never);
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.show).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
  });

  it('ignores a window that is gone', () => {
    const window = new BrowserWindow({});
    window.destroyed = true;
    focusWindow(window as never);
    focusWindow(null);
    expect(window.focus).not.toHaveBeenCalled();
  });
});
