// The IPC contract (PRODUCT.md §2): every operation the renderer may ask of main, with its
// argument schema, declared once. Main validates every argument with these schemas; the preload
// exposes one function per operation; browser mode serves the same operations over HTTP.
// This module is imported by main, preload and renderer alike: it must stay free of Node APIs.
import { z } from 'zod';
import type {
  AppInfo,
  ConnectionReport,
  IntegrationProblem,
  Preferences,
  RunHistoryEntry,
  ServerEntry,
  SyncStatusView,
  UnlockOutcome,
} from './views';

const syncId = z.number().int().gt(1, 'must be greater than 1 (1 is the central server)');
const url = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

export const initialiseInput = z.object({
  url,
  siteName: z.string().trim().min(1, 'must not be empty'),
  password: z.string().min(1, 'must not be empty'),
  syncId,
});

export const intervalInput = z.object({ minutes: z.number().int().min(0).max(1440) });

export const protectedPreferencesInput = z.object({
  syncId: syncId.optional(),
  requestSize: z.number().int().min(1).max(5000).optional(),
  useNodeHttpClient: z.boolean().optional(),
});

export const serverInput = z.object({
  syncId,
  userName: z.string().trim().min(1, 'must not be empty'),
  /** Empty keeps the stored password (the renderer never sees it). */
  password: z.string(),
  url,
});

export const unlockInput = z.object({ code: z.string().min(1) });
export const changeCodeInput = z.object({ currentCode: z.string(), newCode: z.string().min(4) });
export const historyInput = z.object({ limit: z.number().int().min(1).max(200).default(20) });
export const retryProblemsInput = z.object({ recordIds: z.array(z.string()).optional() });
export const searchServersInput = z.object({ search: z.string().default('') });

const none = z.object({}).default({});

/** Operation name → argument schema. Results are typed by `OperationResults`. */
export const OPERATIONS = {
  getStatus: none,
  syncNow: none,
  initialise: initialiseInput,
  getAppInfo: none,
  getPreferences: none,
  setSyncInterval: intervalInput,
  setProtectedPreferences: protectedPreferencesInput,
  unlockPreferences: unlockInput,
  lockPreferences: none,
  changeAuthorisationCode: changeCodeInput,
  checkConnection: none,
  listServers: searchServersInput,
  saveServer: serverInput,
  removeServer: z.object({ syncId }),
  generateSyncRecords: none,
  retrieveSyncRecords: none,
  listIntegrationProblems: none,
  retryIntegrationProblems: retryProblemsInput,
  getSyncHistory: historyInput,
  exportDiagnostics: none,
} as const;

export type OperationName = keyof typeof OPERATIONS;
export type OperationInput<Name extends OperationName> = z.input<(typeof OPERATIONS)[Name]>;

export interface OperationResults {
  getStatus: SyncStatusView;
  syncNow: { queued: boolean };
  initialise: SyncStatusView;
  getAppInfo: AppInfo;
  getPreferences: Preferences;
  setSyncInterval: Preferences;
  setProtectedPreferences: Preferences;
  unlockPreferences: UnlockOutcome;
  lockPreferences: Preferences;
  changeAuthorisationCode: { changed: true };
  checkConnection: ConnectionReport;
  listServers: ServerEntry[];
  saveServer: ServerEntry[];
  removeServer: ServerEntry[];
  generateSyncRecords: { queued: number };
  retrieveSyncRecords: { requested: true };
  listIntegrationProblems: IntegrationProblem[];
  retryIntegrationProblems: { retried: number; stillFailing: number };
  getSyncHistory: RunHistoryEntry[];
  exportDiagnostics: { file: string };
}

/** An error crossing the boundary: a code, a message for people, details and a hint. No secrets. */
export interface ContractError {
  code: string;
  message: string;
  detail?: string;
  hint?: string;
  /** Field → message, for validation errors. */
  fields?: Record<string, string>;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ContractError };

/** IPC channel of an operation (Electron) and its path in browser mode (`POST /api/<name>`). */
export const channelOf = (name: OperationName): string => `satellite-sync:${name}`;

export const OPERATION_NAMES = Object.keys(OPERATIONS) as OperationName[];

/** Events main pushes to the renderer (no polling needed; a 2 s poll is the fallback). */
export const EVENTS = {
  statusChanged: 'satellite-sync:event:status-changed',
  preferencesChanged: 'satellite-sync:event:preferences-changed',
} as const;
export type EventName = keyof typeof EVENTS;
export interface EventPayloads {
  statusChanged: SyncStatusView;
  preferencesChanged: Preferences;
}

/** What the preload exposes as `window.satelliteSync` and the HTTP transport implements too. */
export type SatelliteSyncApi = {
  [Name in OperationName]: (input?: OperationInput<Name>) => Promise<Outcome<OperationResults[Name]>>;
} & {
  on<Name extends EventName>(event: Name, listener: (payload: EventPayloads[Name]) => void): () => void;
};
