import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { claimSingleInstance } = await import('../../electron/single-instance');

describe('the single-instance lock', () => {
  beforeEach(resetFakeElectron);

  it('lets the first instance run and brings it forward when the app is launched again', () => {
    const focus = vi.fn();
    expect(claimSingleInstance(app as never, focus)).toBe(true);
    expect(focus).not.toHaveBeenCalled();
    app.emit('second-instance', {}, ['satellite-sync'], '/');
    expect(focus).toHaveBeenCalledOnce();
  });

  it('tells a second instance to quit', () => {
    app.hasLock = false;
    const focus = vi.fn();
    expect(claimSingleInstance(app as never, focus)).toBe(false);
    expect(app.listenerCount('second-instance')).toBe(0);
  });
});
