// The app needs no browser permission (camera, notifications, geolocation, clipboard …): every
// request and every check is refused.
import type { Session } from 'electron';

export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
