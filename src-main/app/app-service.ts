// The application service behind the IPC contract: one method per operation of OPERATIONS (taking
// the validated input), the two events, automatic sync and close. The Electron shell's ipcMain
// handlers and browser mode both reach it through dispatch().
import { EventEmitter } from 'node:events';
import type { EventName, EventPayloads, OperationName, OperationResults } from '../contract/operations';
import { KEY, readSetting } from '../settings/key-value';
import type { SecretStore } from '../settings/secret-store';
import type { SiteProfile } from '../site-profile';
import { createHttpTransport, type HttpTransport } from '../sync/clients/http';
import type { SyncTimings } from '../sync/run-context';
import type { SyncStatus } from '../sync/status';
import { SyncEngine } from '../sync-engine';
import type { AppContext, ParsedInput } from './app-context';
import { changeAuthorisationCode, lockPreferences, unlockPreferences } from './authorisation';
import { checkConnection } from './connection-check';
import { getSyncHistory } from './history';
import { listIntegrationProblems, retryIntegrationProblems } from './integration-problems';
import { generateSyncRecords, retrieveSyncRecords } from './maintenance';
import { applyPreconfiguredSite, type PreconfiguredSite } from './preconfigured-site';
import { getPreferences, readPreferences, setProtectedPreferences, setSyncInterval } from './preferences';
import { PreferencesLock } from './preferences-lock';
import { listServers, removeServer, saveServer } from './servers';
import { exportDiagnostics, getAppInfo } from './support';
import { getStatus, initialise, syncNow } from './sync-operations';
import { statusView } from './views';

export interface AppServiceOptions {
  dataDir: string;
  mode: 'electron' | 'browser';
  /** Electron's safeStorage adapter; the file-key fallback otherwise. */
  secrets?: SecretStore;
  hardwareId?: string;
  transport?: HttpTransport;
  /** This server's URL, shown and encoded in the QR code on the Sync screen. */
  serverUrl?: string;
  siteProfile?: SiteProfile | null;
  timings?: SyncTimings;
  /** Configure the app for this site at start-up unless it is configured already (the demo). */
  preconfigure?: PreconfiguredSite | null;
  /** The preferences lock's clock (tests). */
  now?: () => number;
}

/** One method per operation, taking the validated input; failures are thrown (SyncError, AppError). */
export type AppOperations = {
  [Name in OperationName]: (input: ParsedInput<Name>) => Promise<OperationResults[Name]>;
};

export class AppService implements AppOperations {
  private readonly events = new EventEmitter();
  private readonly context: AppContext;
  private automaticSync = false;

  constructor(
    private readonly engine: SyncEngine,
    transport: HttpTransport,
    options: AppServiceOptions,
  ) {
    const now = options.now ?? Date.now;
    this.context = {
      engine,
      transport,
      now,
      lock: new PreferencesLock(now, () => this.publishPreferences()),
      dataDir: options.dataDir,
      mode: options.mode,
      serverUrl: options.serverUrl ?? '',
      siteProfile: options.siteProfile ?? null,
      publishStatus: () => this.publishStatus(),
      publishPreferences: () => this.publishPreferences(),
    };
  }

  getStatus = () => getStatus(this.context);
  syncNow = () => syncNow(this.context);
  initialise = (input: ParsedInput<'initialise'>) =>
    initialise(this.context, input, () => {
      if (this.automaticSync) this.engine.startAutomaticSync({ runNow: false });
    });
  getAppInfo = async () => getAppInfo(this.context);
  getPreferences = () => getPreferences(this.context);
  setSyncInterval = (input: ParsedInput<'setSyncInterval'>) => setSyncInterval(this.context, input);
  setProtectedPreferences = (input: ParsedInput<'setProtectedPreferences'>) =>
    setProtectedPreferences(this.context, input);
  unlockPreferences = (input: ParsedInput<'unlockPreferences'>) => unlockPreferences(this.context, input);
  lockPreferences = () => lockPreferences(this.context);
  changeAuthorisationCode = (input: ParsedInput<'changeAuthorisationCode'>) =>
    changeAuthorisationCode(this.context, input);
  checkConnection = () => checkConnection(this.context);
  listServers = (input: ParsedInput<'listServers'>) => listServers(this.context, input);
  saveServer = (input: ParsedInput<'saveServer'>) => saveServer(this.context, input);
  removeServer = (input: ParsedInput<'removeServer'>) => removeServer(this.context, input);
  generateSyncRecords = () => generateSyncRecords(this.context);
  retrieveSyncRecords = () => retrieveSyncRecords(this.context);
  listIntegrationProblems = () => listIntegrationProblems(this.context);
  retryIntegrationProblems = (input: ParsedInput<'retryIntegrationProblems'>) =>
    retryIntegrationProblems(this.context, input);
  getSyncHistory = (input: ParsedInput<'getSyncHistory'>) => getSyncHistory(this.context, input);
  exportDiagnostics = () => exportDiagnostics(this.context);

  /** Subscribes to an event; returns the unsubscribe function. */
  on<Name extends EventName>(event: Name, listener: (payload: EventPayloads[Name]) => void): () => void {
    // The engine reads the status only while someone listens: forward only while we have listeners.
    if (event === 'statusChanged' && this.events.listenerCount('statusChanged') === 0) {
      this.engine.on('status', this.forwardStatus);
    }
    this.events.on(event, listener);
    return () => {
      this.events.off(event, listener);
      if (event === 'statusChanged' && this.events.listenerCount('statusChanged') === 0) {
        this.engine.off('status', this.forwardStatus);
      }
    };
  }

  /** Automatic sync every interval minutes; the first run now if the site is configured. */
  async startAutomaticSync(): Promise<void> {
    this.automaticSync = true;
    if ((await readSetting(this.engine.db.dataSource.manager, KEY.url)) === undefined) return;
    this.engine.startAutomaticSync({ runNow: !this.engine.scheduler.state.isRunning });
  }

  /** Stops scheduling, lets a run in progress stop at its next batch boundary, closes the database. */
  async close(): Promise<void> {
    this.context.lock.lock();
    this.engine.off('status', this.forwardStatus);
    this.events.removeAllListeners();
    await this.engine.close();
  }

  private readonly forwardStatus = (status: SyncStatus): void => {
    this.events.emit('statusChanged', statusView(status));
  };

  private publishStatus(): void {
    if (this.events.listenerCount('statusChanged') === 0) return;
    this.engine.status().then(this.forwardStatus, () => undefined);
  }

  private publishPreferences(): void {
    if (this.events.listenerCount('preferencesChanged') === 0) return;
    readPreferences(this.context).then(
      (preferences) => this.events.emit('preferencesChanged', preferences),
      () => undefined,
    );
  }
}

export async function createAppService(options: AppServiceOptions): Promise<AppService> {
  const transport = options.transport ?? createHttpTransport();
  const engine = await SyncEngine.open({
    dataDir: options.dataDir,
    secrets: options.secrets,
    hardwareId: options.hardwareId,
    transport,
    timings: options.timings,
  });
  const service = new AppService(engine, transport, options);
  if (options.preconfigure) await applyPreconfiguredSite(engine.db, options.preconfigure, service.initialise);
  return service;
}
