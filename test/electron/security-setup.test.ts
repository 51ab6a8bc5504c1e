import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebContents, app, resetFakeElectron, session, shell } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { setupSecurity } = await import('../../electron/security');

describe('the security setup', () => {
  beforeEach(resetFakeElectron);

  it('hardens every web contents the app creates, not only the main window', () => {
    setupSecurity(app as never, session.defaultSession as never);
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    const later = new FakeWebContents();
    app.emit('web-contents-created', {}, later);
    const navigation = { url: 'https://evil.example/', preventDefault: vi.fn() };
    later.emit('will-navigate', navigation);
    expect(navigation.preventDefault).toHaveBeenCalled();
    expect(later.windowOpenHandler?.({ url: 'https://x.example/' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith('https://x.example/');
    const webview = { preventDefault: vi.fn() };
    later.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });
});
