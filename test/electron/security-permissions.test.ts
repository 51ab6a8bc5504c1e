import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetFakeElectron, session } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { denyPermissions } = await import('../../electron/security/permissions');

describe('permission requests', () => {
  beforeEach(resetFakeElectron);

  it('are all refused, and every permission check says no', () => {
    denyPermissions(session.defaultSession as never);
    const [requestHandler] = session.defaultSession.setPermissionRequestHandler.mock.calls[0] as [
      (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
    ];
    const [checkHandler] = session.defaultSession.setPermissionCheckHandler.mock.calls[0] as [
      (contents: unknown, permission: string) => boolean,
    ];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      requestHandler({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(checkHandler({}, permission), permission).toBe(false);
    }
  });
});
