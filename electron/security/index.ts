// The hardening rules the shell enforces, one module each; applied to every web contents the app
// ever creates (not only the main window) and to the default session.
import type { App, Session } from 'electron';
import { denyNavigation } from './navigation';
import { denyNewWindows } from './new-windows';
import { denyPermissions } from './permissions';
import { denyWebviews } from './webviews';

export function setupSecurity(app: App, session: Session): void {
  denyPermissions(session);
  app.on('web-contents-created', (_event, contents) => {
    denyNavigation(contents);
    denyNewWindows(contents);
    denyWebviews(contents);
  });
}
