// App lifecycle: quit when the last window closes (except on macOS, where apps stay in the dock and
// sync goes on), reopen the window from the dock, and let the service close cleanly before exit:
// a run in progress stops at its next batch boundary and the database is closed.
import type { App } from 'electron';
import type { ShellLog } from './logging';

export interface LifecycleHooks {
  hasWindow(): boolean;
  openWindow(): void;
  shutdown(): Promise<void>;
}

export function setupLifecycle(app: App, hooks: LifecycleHooks, log: ShellLog): void {
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!hooks.hasWindow()) hooks.openWindow();
  });
  let shutdown: 'not-started' | 'running' | 'done' = 'not-started';
  app.on('will-quit', (event) => {
    if (shutdown === 'done') return;
    event.preventDefault();
    if (shutdown === 'running') return;
    shutdown = 'running';
    hooks
      .shutdown()
      .catch((error: unknown) => log.error('Shutdown did not complete cleanly', error))
      .finally(() => {
        shutdown = 'done';
        app.quit();
      });
  });
}
