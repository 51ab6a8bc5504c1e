import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncStatusView } from '../../src-main/contract/views';
import { powerSaveBlocker, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { setupPowerSaveBlocker } = await import('../../electron/power-save');

const status = (isSyncing: boolean) => ({ isSyncing }) as SyncStatusView;

describe('the power-save blocker', () => {
  let source: EventEmitter;
  beforeEach(() => {
    resetFakeElectron();
    source = new EventEmitter();
  });

  it('keeps the machine awake from the start of a run to its end', () => {
    setupPowerSaveBlocker(source);
    expect(powerSaveBlocker.start).not.toHaveBeenCalled();
    source.emit('statusChanged', status(true));
    expect(powerSaveBlocker.start).toHaveBeenCalledExactlyOnceWith('prevent-app-suspension');
    // Progress of the same run: still one blocker.
    source.emit('statusChanged', status(true));
    expect(powerSaveBlocker.start).toHaveBeenCalledOnce();
    source.emit('statusChanged', status(false));
    expect(powerSaveBlocker.stop).toHaveBeenCalledOnce();
    expect(powerSaveBlocker.active.size).toBe(0);
  });

  it('blocks again for the next run', () => {
    setupPowerSaveBlocker(source);
    for (const syncing of [true, false, false, true, false]) source.emit('statusChanged', status(syncing));
    expect(powerSaveBlocker.start).toHaveBeenCalledTimes(2);
    expect(powerSaveBlocker.stop).toHaveBeenCalledTimes(2);
    expect(powerSaveBlocker.active.size).toBe(0);
  });

  it('releases the blocker at quit, even mid-run', () => {
    const release = setupPowerSaveBlocker(source);
    source.emit('statusChanged', status(true));
    release();
    expect(powerSaveBlocker.active.size).toBe(0);
    release();
    expect(powerSaveBlocker.stop).toHaveBeenCalledOnce();
  });
});
