// One app per user: two instances would open the same database and run two schedulers. A second
// launch only brings the first one's window forward, then exits.
import type { App } from 'electron';

/** True when this process is the only instance; otherwise the caller must quit. */
export function claimSingleInstance(app: App, onSecondInstance: () => void): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => onSecondInstance());
  return true;
}
