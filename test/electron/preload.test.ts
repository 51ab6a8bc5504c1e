import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  EVENTS,
  OPERATION_NAMES,
  channelOf,
  type SatelliteSyncApi,
} from '../../src-main/contract/operations';
import { contextBridge, ipcRenderer } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let api: SatelliteSyncApi;

beforeAll(async () => {
  await import('../../electron/preload');
  api = contextBridge.exposed.get('satelliteSync') as SatelliteSyncApi;
});

describe('the preload bridge', () => {
  it('exposes one thing to the page: window.satelliteSync', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect([...contextBridge.exposed.keys()]).toEqual(['satelliteSync']);
  });

  it('has exactly one function per contract operation, plus on', () => {
    expect(Object.keys(api).sort()).toEqual([...OPERATION_NAMES, 'on'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('invokes each operation on its own channel with the input as given', async () => {
    for (const name of OPERATION_NAMES) {
      ipcRenderer.invoke.mockClear();
      const input = { probe: name };
      const operation = api[name] as (input: unknown) => Promise<unknown>;
      await operation(input);
      expect(ipcRenderer.invoke, name).toHaveBeenCalledExactlyOnceWith(channelOf(name), input);
    }
  });

  it('never hands out ipcRenderer', () => {
    for (const value of Object.values(api)) expect(value).not.toBe(ipcRenderer);
    for (const key of ['invoke', 'send', 'sendSync', 'ipcRenderer', 'removeListener'])
      expect(api).not.toHaveProperty(key);
  });

  it('delivers event payloads without the IPC event object, until unsubscribed', () => {
    const listener = vi.fn();
    const unsubscribe = api.on('statusChanged', listener);
    ipcRenderer.emit(EVENTS.statusChanged, { sender: 'the IpcRendererEvent' }, { isSyncing: true });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ isSyncing: true });
    unsubscribe();
    ipcRenderer.emit(EVENTS.statusChanged, {}, { isSyncing: false });
    expect(listener).toHaveBeenCalledOnce();
    expect(ipcRenderer.listenerCount(EVENTS.statusChanged)).toBe(0);
  });

  it('listens only to the contract’s events', () => {
    const listener = vi.fn();
    for (const name of ['satellite-sync:getStatus', '__proto__', 'toString', 'constructor']) {
      const unsubscribe = api.on(name as never, listener);
      expect(typeof unsubscribe).toBe('function');
      unsubscribe();
    }
    expect(ipcRenderer.eventNames()).toEqual([]);
  });
});
