// One sync run: site info → (first run) Prepare → (later runs) Push V6, Push → Pull central →
// Pull remote → Pull V6 → Integrate → (first run) push cursors past everything received.
// The first failure stops the run; what was pulled stays buffered for next time.
import type { LocalDatabase } from '../db/data-source';
import { KEY, readSetting, writeSetting } from '../settings/key-value';
import { LegacyClient } from './clients/legacy';
import type { HttpTransport } from './clients/http';
import { OmSupplyClient } from './clients/omsupply';
import { SyncError } from './errors';
import { integrateBuffer } from './integrate';
import { IntegrationAhead } from './integration-ahead';
import { prepareInitialisation } from './prepare';
import { pullCentralRecords } from './pull-central';
import { pullRemoteRecords } from './pull-remote';
import { pullV6Records } from './pull-v6';
import { pushToLegacyCentral } from './push-v5';
import { pushToOmSupplyCentral } from './push-v6';
import { RunPaused, type RunContext, type SyncTimings } from './run-context';
import type { RunLog } from './run-log';
import { checkSiteInfo } from './site-info';
import type { SyncStep } from './steps';
import { storesOfSite } from './stores-of-site';

export interface SyncCredentials {
  url: string;
  siteName: string;
  passwordSha256: string;
  syncId: number;
  requestSize: number;
}

export interface RunDependencies {
  db: LocalDatabase;
  log: RunLog;
  credentials: SyncCredentials;
  hardwareId: string;
  appVersion: string;
  transport: HttpTransport;
  timings: SyncTimings;
  shouldPause: () => boolean;
}

export type RunOutcome =
  { status: 'succeeded' } | { status: 'paused' } | { status: 'failed'; error: SyncError };

function asSyncError(error: unknown, step: SyncStep | undefined): SyncError {
  if (error instanceof SyncError) return error;
  const detail = `${step ? `${step}: ` : ''}${(error as Error).stack ?? String(error)}`;
  return new SyncError(step === 'integrate' ? 'INTEGRATION_ERROR' : 'UNKNOWN', detail);
}

export async function runSync(deps: RunDependencies): Promise<RunOutcome> {
  const { db, log, credentials } = deps;
  const manager = db.dataSource.manager;
  const isInitialised = (await readSetting(manager, KEY.initialised)) === 'true';
  const retrieving = isInitialised && (await readSetting(manager, KEY.retrieveRequested)) === 'true';
  await log.start(retrieving ? 'retrieve' : isInitialised ? 'operational' : 'initialisation');
  const integrationAhead = new IntegrationAhead(db);
  let current: SyncStep | undefined;
  const step = async (name: SyncStep, work: () => Promise<unknown>): Promise<void> => {
    current = name;
    await log.stepStarted(name);
    await work();
    await log.stepFinished(name);
  };
  try {
    const legacy = new LegacyClient(
      {
        url: credentials.url,
        siteName: credentials.siteName,
        passwordSha256: credentials.passwordSha256,
        hardwareId: deps.hardwareId,
        appVersion: deps.appVersion,
      },
      deps.transport,
    );
    const info = await checkSiteInfo(db, legacy, credentials.syncId);
    const oms = new OmSupplyClient(
      {
        omsUrl: info.omSupplyCentralServerUrl,
        legacyUrl: credentials.url,
        siteName: credentials.siteName,
        passwordSha256: credentials.passwordSha256,
        hardwareId: deps.hardwareId,
        appVersion: deps.appVersion,
      },
      deps.transport,
    );
    const context: RunContext = {
      db,
      legacy,
      oms,
      log,
      requestSize: credentials.requestSize,
      siteId: info.siteId,
      storeIds: await storesOfSite(db.dataSource.manager, info.siteId),
      // While retrieving, v6 must send this site's own records back too, as at initialisation.
      isInitialised: isInitialised && !retrieving,
      timings: deps.timings,
      shouldPause: deps.shouldPause,
      integrationAhead,
    };
    if (isInitialised) {
      await step('pushV6', () => pushToOmSupplyCentral(context));
      await step('push', () => pushToLegacyCentral(context));
    }
    if (!isInitialised || retrieving) {
      await step('prepare', () => prepareInitialisation(context, info, { restart: retrieving }));
    }
    await step('pullCentral', () => pullCentralRecords(context));
    await step('pullRemote', () => pullRemoteRecords(context));
    await step('pullV6', () => pullV6Records(context));
    await step('integrate', async () => {
      // The step counts what was integrated ahead of it too: every record this run integrates.
      const ahead = await integrationAhead.drain();
      await integrateBuffer(db, (done, total) => log.progress('integrate', ahead + done, ahead + total));
    });
    if (!isInitialised) await completeInitialisation(db);
    if (retrieving)
      await db.transaction((transaction) => writeSetting(transaction, KEY.retrieveRequested, false));
    await log.finish(undefined);
    return { status: 'succeeded' };
  } catch (error) {
    // No write of this run may land after its end.
    await integrationAhead.drain();
    if (error instanceof RunPaused) {
      await log.finishPaused();
      return { status: 'paused' };
    }
    const syncError = asSyncError(error, current);
    await log.finish(syncError);
    return { status: 'failed', error: syncError };
  }
}

/** Nothing received during initialisation is pushed back: both push cursors jump past it. */
async function completeInitialisation(db: LocalDatabase): Promise<void> {
  await db.transaction(async (manager) => {
    const [row] = await manager.query('SELECT COALESCE(MAX(cursor), 0) AS max FROM change_log');
    const next = Number(row?.max ?? 0) + 1;
    await writeSetting(manager, KEY.pushCursorV5, next);
    await writeSetting(manager, KEY.pushCursorV6, next);
    await writeSetting(manager, KEY.initialised, true);
  });
}
