// The shapes main hands to the renderer. They never carry a password hash or an authorisation code.

export type StepName = 'prepare' | 'pushV6' | 'push' | 'pullCentral' | 'pullRemote' | 'pullV6' | 'integrate';

export interface StepView {
  step: StepName;
  startedAt: string | null;
  finishedAt: string | null;
  done: number | null;
  total: number | null;
}

export interface ErrorView {
  code: string;
  message: string;
  detail: string;
  hint: string;
}

export interface RunView {
  id: number;
  kind: 'initialisation' | 'operational' | 'retrieve';
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  outcome: 'succeeded' | 'failed' | 'paused' | 'interrupted' | 'running';
  error: ErrorView | null;
  steps: StepView[];
}

export interface SyncStatusView {
  configured: boolean;
  initialised: boolean;
  isSyncing: boolean;
  paused: boolean;
  current: { runId: number; kind: RunView['kind']; startedAt: string; steps: StepView[] } | null;
  lastRun: RunView | null;
  lastSuccessfulRun: RunView | null;
  recordsWaitingToPush: number;
  integrationProblems: number;
  untranslatedRecords: number;
}

export interface SiteProfileView {
  code: string;
  displayName: string;
  url: string;
  siteName: string;
  syncId: number;
}

export interface AppInfo {
  version: string;
  /** This machine's hardware ID (read-only in preferences; not a secret). */
  hardwareId: string;
  /** The URL shown at the top right of the Sync screen and encoded in its QR code. */
  serverUrl: string;
  /** How secrets are protected on this machine (OS keychain, or the file-key fallback). */
  secretStorage: string;
  mode: 'electron' | 'browser';
  siteProfile: SiteProfileView | null;
}

export interface Preferences {
  locked: boolean;
  /** While locked out after too many wrong codes: when unlocking is possible again. */
  lockedOutUntil: string | null;
  url: string | null;
  siteName: string | null;
  syncId: number | null;
  intervalMinutes: number;
  requestSize: number;
  useNodeHttpClient: boolean;
  omSupplyCentralUrl: string | null;
}

export type UnlockOutcome =
  | { unlocked: true; preferences: Preferences }
  | { unlocked: false; reason: 'wrong-code'; attemptsLeft: number }
  | { unlocked: false; reason: 'locked-out'; retryAt: string }
  | { unlocked: false; reason: 'no-code-set' };

export interface ServerEntry {
  syncId: number;
  userName: string;
  url: string;
  kind: 'msupply-central' | 'open-msupply-central';
  readOnly: boolean;
}

export interface ServerCheck {
  server: 'msupply-central' | 'open-msupply-central';
  url: string;
  reachable: boolean;
  credentialsAccepted: boolean | null;
  syncIdMatches: boolean | null;
  hardwareIdAccepted: boolean | null;
  versionCompatible: boolean | null;
  latencyMs: number | null;
  error: ErrorView | null;
}

export interface ConnectionReport {
  checks: ServerCheck[];
}

export interface IntegrationProblem {
  tableName: string;
  recordId: string;
  reason: string;
  receivedAt: string;
}

export interface RunHistoryEntry extends RunView {
  recordsPerStep: Partial<Record<StepName, number>>;
}
