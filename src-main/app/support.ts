// What support and the Sync screen's corner need: the app's identity and a diagnostics bundle.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { APP_VERSION } from '../app-version';
import type { AppInfo } from '../contract/views';
import { exportDiagnostics as writeDiagnosticsZip } from '../diagnostics';
import type { AppContext } from './app-context';
import { siteProfileView } from '../site-profile';

export const DIAGNOSTICS_DIRECTORY = 'diagnostics';

export function getAppInfo(context: AppContext): AppInfo {
  return {
    version: APP_VERSION,
    hardwareId: context.engine.hardwareId,
    serverUrl: context.serverUrl,
    secretStorage: context.engine.secrets.description,
    mode: context.mode,
    siteProfile: context.siteProfile && siteProfileView(context.siteProfile),
  };
}

/** Writes `<dataDir>/diagnostics/satellite-sync-diagnostics-<time>.zip` (no secrets in it). */
export async function exportDiagnostics(context: AppContext): Promise<{ file: string }> {
  const directory = path.join(context.dataDir, DIAGNOSTICS_DIRECTORY);
  mkdirSync(directory, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(directory, `satellite-sync-diagnostics-${stamp}.zip`);
  await writeDiagnosticsZip(context.engine, context.dataDir, file);
  return { file };
}
