// The one application window. Its web preferences are the whole renderer security model: the page
// runs sandboxed, isolated from the preload, without Node, with web security on.
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from './app-origin';

export const WINDOW_TITLE = 'Satellite Sync';

export function mainWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1200,
    height: 800,
    minWidth: 800,
    minHeight: 600,
    // Shown once the first paint is ready, so the user never sees an empty white window.
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  };
}

export function createMainWindow(preload: string, onLoadFailed: (error: unknown) => void): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preload));
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch(onLoadFailed);
  return window;
}

/** Brings the window to the front (a second launch of the app lands here). */
export function focusWindow(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
