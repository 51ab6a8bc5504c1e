import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { setupLifecycle } = await import('../../electron/lifecycle');

const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

function quitEvent() {
  return { preventDefault: vi.fn() };
}

describe('the app lifecycle', () => {
  beforeEach(resetFakeElectron);

  it('quits when the last window closes (macOS keeps running), reopens from the dock', () => {
    const hooks = {
      hasWindow: vi.fn(() => false),
      openWindow: vi.fn(),
      shutdown: vi.fn(async () => undefined),
    };
    setupLifecycle(app as never, hooks, log);
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
    app.emit('activate');
    expect(hooks.openWindow).toHaveBeenCalledOnce();
    hooks.hasWindow.mockReturnValue(true);
    app.emit('activate');
    expect(hooks.openWindow).toHaveBeenCalledOnce();
  });

  it('holds the quit until the service has closed, once', async () => {
    let finish: () => void = () => undefined;
    const hooks = {
      hasWindow: () => true,
      openWindow: vi.fn(),
      shutdown: vi.fn(() => new Promise<void>((resolve) => (finish = resolve))),
    };
    setupLifecycle(app as never, hooks, log);
    const first = quitEvent();
    app.emit('will-quit', first);
    const again = quitEvent();
    app.emit('will-quit', again);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(again.preventDefault).toHaveBeenCalled();
    expect(hooks.shutdown).toHaveBeenCalledOnce();
    expect(app.quit).not.toHaveBeenCalled();
    finish();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce());
    const final = quitEvent();
    app.emit('will-quit', final);
    expect(final.preventDefault).not.toHaveBeenCalled();
  });

  it('still quits when closing fails, and logs why', async () => {
    const hooks = {
      hasWindow: () => true,
      openWindow: vi.fn(),
      shutdown: vi.fn(async () => Promise.reject(new Error('busy'))),
    };
    setupLifecycle(app as never, hooks, log);
    app.emit('will-quit', quitEvent());
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce());
    expect(log.error).toHaveBeenCalledWith('Shutdown did not complete cleanly', expect.any(Error));
  });
});
