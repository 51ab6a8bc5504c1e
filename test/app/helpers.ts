// Shared by the application-service tests: services on temporary data directories (closed after
// each test), calls through dispatch() exactly as IPC and browser mode make them, a fake clock, and
// read/write access to the app's own SQLite file beside the open service.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { expect } from 'vitest';
import { createAppService, type AppService, type AppServiceOptions } from '../../src-main/app/app-service';
import { dispatch } from '../../src-main/app/dispatch';
import type {
  ContractError,
  OperationInput,
  OperationName,
  OperationResults,
  Outcome,
} from '../../src-main/contract/operations';
import type { SyncStatusView } from '../../src-main/contract/views';
import { DATABASE_FILE } from '../../src-main/db/data-source';
import { sleep } from '../reference-central/harness';
import { TEST_TIMINGS, cleanUp, tempDir, type DemoSite } from '../sync/engine/helpers';

export interface OpenApp {
  service: AppService;
  dataDir: string;
  hardwareId: string;
}

const services = new Set<AppService>();

export async function openApp(options: Partial<AppServiceOptions> = {}): Promise<OpenApp> {
  const dataDir = options.dataDir ?? tempDir('satellite-sync-app-');
  const hardwareId = options.hardwareId ?? `HW-APP-${randomUUID()}`;
  const service = await createAppService({
    mode: 'browser',
    timings: TEST_TIMINGS,
    ...options,
    dataDir,
    hardwareId,
  });
  services.add(service);
  return { service, dataDir, hardwareId };
}

/** For afterEach: closes every service (a run in progress stops at a batch boundary), removes dirs. */
export async function closeApps(): Promise<void> {
  for (const service of [...services]) await service.close();
  services.clear();
  await cleanUp();
}

export function call<Name extends OperationName>(
  service: AppService,
  name: Name,
  input?: OperationInput<Name>,
): Promise<Outcome<OperationResults[Name]>> {
  return dispatch(service, name, input) as Promise<Outcome<OperationResults[Name]>>;
}

/** The value of a call that must succeed. */
export async function value<Name extends OperationName>(
  service: AppService,
  name: Name,
  input?: OperationInput<Name>,
): Promise<OperationResults[Name]> {
  const outcome = await call(service, name, input);
  if (!outcome.ok) throw new Error(`${name} failed: ${JSON.stringify(outcome.error)}`);
  return outcome.value;
}

/** The error of a call that must fail with `code`. */
export async function failure<Name extends OperationName>(
  service: AppService,
  name: Name,
  input: OperationInput<Name> | undefined,
  code: string,
): Promise<ContractError> {
  const outcome = await call(service, name, input);
  if (outcome.ok) throw new Error(`${name} succeeded, expected ${code}: ${JSON.stringify(outcome.value)}`);
  expect(outcome.error.code, JSON.stringify(outcome.error)).toBe(code);
  return outcome.error;
}

/** Polls the status until `done` holds. */
export async function waitForStatus(
  service: AppService,
  done: (status: SyncStatusView) => boolean,
  timeoutMs = 20_000,
): Promise<SyncStatusView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await value(service, 'getStatus');
    if (done(status)) return status;
    if (Date.now() > deadline) throw new Error(`status never matched: ${JSON.stringify(status)}`);
    await sleep(50);
  }
}

/** Waits for the run in progress (and any queued one) to end with success. */
export function waitForSuccessfulRun(service: AppService): Promise<SyncStatusView> {
  return waitForStatus(service, (status) => {
    if (status.isSyncing) return false;
    if (status.lastRun?.outcome === 'failed')
      throw new Error(`run failed: ${JSON.stringify(status.lastRun)}`);
    return status.lastRun?.outcome === 'succeeded';
  });
}

/** Initialises `site` from `url` and waits for the first sync to succeed. */
export async function initialisedApp(
  url: string,
  site: DemoSite,
  options: Partial<AppServiceOptions> = {},
): Promise<OpenApp> {
  const app = await openApp(options);
  await value(app.service, 'initialise', {
    url,
    siteName: site.siteName,
    password: site.password,
    syncId: site.syncId,
  });
  await waitForSuccessfulRun(app.service);
  return app;
}

/** One SQL statement on the app's database, beside the service's own connection (WAL). */
export function appSql<T = Record<string, unknown>>(
  dataDir: string,
  sql: string,
  params: (string | number | null)[] = [],
): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path.join(dataDir, DATABASE_FILE), (open) => {
      if (open) {
        reject(open);
        return;
      }
      db.configure('busyTimeout', 10_000);
      db.all(sql, params, (error, rows) => {
        db.close();
        if (error) reject(error);
        else resolve(rows as T[]);
      });
    });
  });
}

export async function auditActions(dataDir: string): Promise<string[]> {
  const rows = await appSql<{ action: string }>(dataDir, 'SELECT action FROM audit_log ORDER BY id');
  return rows.map((row) => row.action);
}

/** A clock the test moves by hand. */
export class FakeClock {
  private time = Date.parse('2026-03-01T09:00:00.000Z');
  readonly now = (): number => this.time;

  advance(ms: number): void {
    this.time += ms;
  }
}
