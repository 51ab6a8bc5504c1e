// The one way the renderer reaches main: the preload's `window.satelliteSync` in Electron, else the
// browser-mode HTTP transport. Stores get it through `useApi()` (provided on the app).
import { inject, type InjectionKey } from 'vue';
import type { SatelliteSyncApi } from '@contract/operations';
import { createHttpApi } from './http';
import { takeTokenFromLocation } from './token';

declare global {
  interface Window {
    satelliteSync?: SatelliteSyncApi;
  }
}

export const apiKey: InjectionKey<SatelliteSyncApi> = Symbol('satelliteSyncApi');

export function createApi(win: Window = window): SatelliteSyncApi {
  if (win.satelliteSync) return win.satelliteSync;
  return createHttpApi({ token: takeTokenFromLocation(win) ?? '' });
}

export function useApi(): SatelliteSyncApi {
  const api = inject(apiKey);
  if (!api) throw new Error('The Satellite Sync API was not provided to the app');
  return api;
}
