// The sync engine as one object: the local database, secrets, hardware ID, the scheduler and the
// live status. The CLI, browser mode and the Electron shell all drive sync through it.
import { EventEmitter } from 'node:events';
import { APP_VERSION } from './app-version';
import { openLocalDatabase, type LocalDatabase } from './db/data-source';
import { readHardwareId } from './hardware-id';
import { FileLog } from './logging';
import { z } from 'zod';
import { KEY, readNumber, writeSetting } from './settings/key-value';
import { FileKeySecretStore, type SecretStore } from './settings/secret-store';
import {
  DEFAULT_INTERVAL_MINUTES,
  loadSyncCredentials,
  saveSiteSettings,
  sha256Hex,
  siteSettingsSchema,
  type SiteSettingsInput,
} from './settings/sync-settings';
import { createHttpTransport, type HttpTransport } from './sync/clients/http';
import { LegacyClient } from './sync/clients/legacy';
import { PROTOCOL_TIMINGS, type SyncTimings } from './sync/run-context';
import { RunLog } from './sync/run-log';
import { runSync, type RunOutcome } from './sync/run';
import { SyncScheduler } from './sync/scheduler';
import { checkSiteInfo } from './sync/site-info';
import { readSyncStatus, type SyncStatus } from './sync/status';
import { StatusPublisher } from './sync/status-publisher';

/** A screen needs no more than about ten status updates a second. */
const STATUS_MIN_INTERVAL_MS = 100;

export interface SyncEngineOptions {
  dataDir: string;
  secrets?: SecretStore;
  hardwareId?: string;
  transport?: HttpTransport;
  timings?: SyncTimings;
}

/** Emits 'status' (SyncStatus) whenever progress is made or a run ends. */
export class SyncEngine extends EventEmitter {
  readonly runLog: RunLog;
  readonly scheduler: SyncScheduler;
  private readonly statusPublisher: StatusPublisher<SyncStatus>;
  private closed = false;

  private constructor(
    readonly db: LocalDatabase,
    private readonly log: FileLog,
    readonly secrets: SecretStore,
    readonly hardwareId: string,
    private readonly transport: HttpTransport,
    private readonly timings: SyncTimings,
    intervalMinutes: number,
  ) {
    super();
    this.runLog = new RunLog(db);
    this.scheduler = new SyncScheduler({
      runOnce: (shouldPause) => this.runOnce(shouldPause),
      intervalMinutes,
    });
    // Status is read only for someone listening (see StatusPublisher for the pace).
    this.statusPublisher = new StatusPublisher(
      () => this.status(),
      (status) => this.emit('status', status),
      (error) => this.emit('status-error', error),
      STATUS_MIN_INTERVAL_MS,
    );
    const publish = (): void => {
      if (!this.closed && this.listenerCount('status') > 0) this.statusPublisher.request();
    };
    this.runLog.on('progress', publish);
    this.runLog.on('finished', publish);
    this.scheduler.on('state', publish);
    // The run log says "finished" while the scheduler still counts the run as going: publish again
    // once it does not.
    this.scheduler.on('run-finished', publish);
  }

  static async open(options: SyncEngineOptions): Promise<SyncEngine> {
    const db = await openLocalDatabase(options.dataDir);
    const intervalMinutes = await readNumber(
      db.dataSource.manager,
      KEY.intervalMinutes,
      DEFAULT_INTERVAL_MINUTES,
    );
    return new SyncEngine(
      db,
      new FileLog(options.dataDir),
      options.secrets ?? new FileKeySecretStore(options.dataDir),
      options.hardwareId ?? (await readHardwareId()),
      options.transport ?? createHttpTransport(),
      options.timings ?? PROTOCOL_TIMINGS,
      intervalMinutes,
    );
  }

  status(): Promise<SyncStatus> {
    return readSyncStatus(
      this.db,
      () => this.runLog.live,
      () => this.scheduler.state,
    );
  }

  /**
   * Checks the site's credentials against central (site info, Sync ID, same site as before) and
   * only then saves them. Throws a SyncError when central refuses them.
   */
  async configure(input: SiteSettingsInput): Promise<void> {
    const settings = siteSettingsSchema.parse(input);
    const legacy = new LegacyClient(
      {
        url: settings.url,
        siteName: settings.siteName,
        passwordSha256: sha256Hex(settings.password),
        hardwareId: this.hardwareId,
        appVersion: APP_VERSION,
      },
      this.transport,
    );
    await checkSiteInfo(this.db, legacy, settings.syncId);
    await saveSiteSettings(this.db, this.secrets, settings);
    this.scheduler.setIntervalMinutes(settings.intervalMinutes);
  }

  /** Starts automatic sync (every interval minutes; a first run now when `runNow`). */
  startAutomaticSync({ runNow }: { runNow: boolean }): void {
    this.scheduler.start(runNow ? 0 : this.scheduler.intervalMs);
  }

  /** Sync now: always allowed, even while paused; during a run it queues one follow-up. */
  syncNow(): void {
    this.scheduler.trigger();
  }

  /** The one sync preference anyone may change; 0 pauses automatic sync after the current batch. */
  async setIntervalMinutes(minutes: number): Promise<void> {
    const valid = z
      .number()
      .int()
      .min(0)
      .max(24 * 60)
      .parse(minutes);
    await this.db.transaction((manager) => writeSetting(manager, KEY.intervalMinutes, valid));
    this.scheduler.setIntervalMinutes(valid);
  }

  /** One run now, outside the schedule (the CLI's `sync`). */
  syncOnce(): Promise<RunOutcome> {
    return this.runOnce(() => false);
  }

  private async runOnce(shouldPause: () => boolean): Promise<RunOutcome> {
    const credentials = await loadSyncCredentials(this.db.dataSource.manager, this.secrets);
    this.log.write('info', 'sync-started', { url: credentials.url, site: credentials.siteName });
    const outcome = await runSync({
      db: this.db,
      log: this.runLog,
      credentials,
      hardwareId: this.hardwareId,
      appVersion: APP_VERSION,
      transport: this.transport,
      timings: this.timings,
      shouldPause,
    });
    if (outcome.status === 'failed') this.log.write('error', 'sync-failed', outcome.error.toJSON());
    else this.log.write('info', `sync-${outcome.status}`);
    return outcome;
  }

  async close(): Promise<void> {
    await this.scheduler.stop();
    this.closed = true;
    await this.statusPublisher.stop();
    await this.db.close();
  }
}
