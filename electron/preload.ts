// The bridge the page gets as `window.satelliteSync` (PRODUCT.md §2): one function per contract
// operation, built mechanically from the contract's names, and `on` for the events. The page never
// sees ipcRenderer nor the IPC event object. Bundled as CommonJS: a sandboxed preload may require
// nothing but `electron`.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  EVENTS,
  OPERATION_NAMES,
  channelOf,
  type EventName,
  type SatelliteSyncApi,
} from '../src-main/contract/operations';

export const BRIDGE_NAME = 'satelliteSync';

export function createBridgeApi(): SatelliteSyncApi {
  const operations = Object.fromEntries(
    OPERATION_NAMES.map((name) => [name, (input?: unknown) => ipcRenderer.invoke(channelOf(name), input)]),
  );
  const on = (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    // Only the contract's events: never a channel name chosen by the page.
    if (!Object.hasOwn(EVENTS, event)) return () => undefined;
    const channel = EVENTS[event];
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  };
  return { ...operations, on } as SatelliteSyncApi;
}

contextBridge.exposeInMainWorld(BRIDGE_NAME, createBridgeApi());
