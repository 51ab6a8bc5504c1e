// Shared by the sync engine tests: in-process engines on temporary data directories (closed and
// removed after each test), read-only queries of the reference central's database, the CLI as a
// child process, and a loopback proxy that records (and may rewrite) what reaches central.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { expect } from 'vitest';
import { SyncError, messageFor, type SyncErrorCode } from '../../../src-main/sync/errors';
import type { SyncTimings } from '../../../src-main/sync/run-context';
import type { SyncStep } from '../../../src-main/sync/steps';
import { SyncEngine } from '../../../src-main/sync-engine';
import { REPO_ROOT, addSite, storeOf, type Central } from '../../reference-central/harness';

export const TEST_TIMINGS: SyncTimings = {
  initialisePollMs: 200,
  initialiseTimeoutMs: 20_000,
  integrationTimeoutMs: 10_000,
};

export interface DemoSite {
  siteName: string;
  password: string;
  syncId: number;
  storeId: string;
  nameId: string;
}

/** The demo sites of reference-central/demo/sites.ts. */
export const SATELLITE_1: DemoSite = {
  siteName: 'satellite-1',
  password: 'satellite-1-pass',
  syncId: 2,
  storeId: 'STORE_SATELLITE_ONE',
  nameId: 'NAME_SATELLITE_ONE',
};
export const SATELLITE_2: DemoSite = {
  siteName: 'satellite-2',
  password: 'satellite-2-pass',
  syncId: 3,
  storeId: 'STORE_SATELLITE_TWO',
  nameId: 'NAME_SATELLITE_TWO',
};

/** What `engine.configure` takes for a site of `central` (or of a proxy in front of it). */
export function siteSettings(url: string | Pick<Central, 'legacyUrl'>, site: DemoSite) {
  return {
    url: typeof url === 'string' ? url : url.legacyUrl,
    siteName: site.siteName,
    password: site.password,
    syncId: site.syncId,
  };
}

// ---------------------------------------------------------------------------------------------
// Engines and directories of one test

const engines = new Set<SyncEngine>();
const directories: string[] = [];

export function tempDir(prefix = 'satellite-sync-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  directories.push(dir);
  return dir;
}

export async function openEngine(options: {
  hardwareId: string;
  dataDir?: string;
  timings?: SyncTimings;
}): Promise<SyncEngine> {
  const engine = await SyncEngine.open({
    dataDir: options.dataDir ?? tempDir(),
    hardwareId: options.hardwareId,
    timings: options.timings ?? TEST_TIMINGS,
  });
  engines.add(engine);
  return engine;
}

/** Closes an engine (once, however often it is called). */
export async function closeEngine(engine: SyncEngine): Promise<void> {
  engines.delete(engine);
  if (engine.db.dataSource.isInitialized) await engine.close();
}

/** For afterEach: closes every engine the test opened and removes its directories. */
export async function cleanUp(): Promise<void> {
  for (const engine of [...engines]) await closeEngine(engine);
  for (const dir of directories.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** An engine on a fresh data directory that has initialised `site` (the run must succeed). */
export async function initialisedEngine(
  url: string | Pick<Central, 'legacyUrl'>,
  site: DemoSite,
  hardwareId: string,
): Promise<SyncEngine> {
  const engine = await openEngine({ hardwareId });
  await engine.configure(siteSettings(url, site));
  const outcome = await engine.syncOnce();
  expect(outcome).toEqual({ status: 'succeeded' });
  return engine;
}

/** `{done, total}` of one step of the engine's last run. */
export async function stepTotals(
  engine: SyncEngine,
  step: SyncStep,
): Promise<{ done: number | null; total: number | null }> {
  const run = (await engine.status()).lastRun;
  const found = run?.steps.find((candidate) => candidate.step === step);
  if (!found) throw new Error(`the last run has no step ${step}`);
  return { done: found.done, total: found.total };
}

/** Asserts a SyncError with `code` and the message and hint errors.ts gives that code. */
export function expectSyncError(error: unknown, code: SyncErrorCode): SyncError {
  expect(error).toBeInstanceOf(SyncError);
  const syncError = error as SyncError;
  expect({ code: syncError.code, message: syncError.message, hint: syncError.hint }).toEqual({
    code,
    ...messageFor(code),
  });
  return syncError;
}

/**
 * Runs a sync that must fail with `code`: checks the outcome, the run recorded in the status (code,
 * message, hint) and returns the error and the failed step (the one started and not finished).
 */
export async function failedRun(
  engine: SyncEngine,
  code: SyncErrorCode,
): Promise<{ error: SyncError; failedStep: SyncStep | undefined }> {
  const outcome = await engine.syncOnce();
  if (outcome.status !== 'failed')
    throw new Error(`expected the run to fail with ${code}, it ${outcome.status}`);
  const error = expectSyncError(outcome.error, code);
  const run = (await engine.status()).lastRun;
  expect(run?.outcome).toBe('failed');
  expect(run?.error).toEqual({ code, ...messageFor(code), detail: error.detail });
  const failedStep = run?.steps.find((step) => step.startedAt !== null && step.finishedAt === null)?.step;
  return { error, failedStep };
}

/** The error `work` rejects with (fails the test when it resolves). */
export async function rejectionOf(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, the call succeeded');
}

// ---------------------------------------------------------------------------------------------
// The reference central's database (read only; WAL lets us read while it serves)

export function centralQuery<T = Record<string, unknown>>(
  central: Pick<Central, 'dataDir'>,
  sql: string,
  params: (string | number | null)[] = [],
): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(
      path.join(central.dataDir, 'central.sqlite'),
      sqlite3.OPEN_READONLY,
      (open) => {
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
      },
    );
  });
}

/** The central's current copy of one record, parsed. */
export async function centralRecord(
  central: Pick<Central, 'dataDir'>,
  table: string,
  recordId: string,
): Promise<Record<string, unknown> | undefined> {
  const [row] = await centralQuery<{ data: string }>(
    central,
    'SELECT data FROM record WHERE table_name = ? AND record_id = ?',
    [table, recordId],
  );
  return row ? (JSON.parse(row.data) as Record<string, unknown>) : undefined;
}

/** Everything central holds that a sync could change: records, change logs, queues, push buffer. */
export async function centralSnapshot(central: Pick<Central, 'dataDir'>): Promise<unknown> {
  return {
    records: await centralQuery(central, 'SELECT * FROM record ORDER BY table_name, record_id'),
    centralChanges: await centralQuery(central, 'SELECT * FROM central_change ORDER BY id'),
    omsChanges: await centralQuery(central, 'SELECT * FROM oms_change ORDER BY cursor'),
    queues: await centralQuery(central, 'SELECT * FROM site_queue ORDER BY seq'),
    pushBuffer: await centralQuery(central, 'SELECT * FROM push_buffer ORDER BY api, table_name, record_id'),
  };
}

// ---------------------------------------------------------------------------------------------
// The CLI

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run -s cli -- <args…>` from the repository root. */
export function runCli(args: readonly string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    execFile(
      'npm',
      ['run', '-s', 'cli', '--', ...args],
      { cwd: REPO_ROOT, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (error as { code?: unknown }).code : 0;
        if (typeof code !== 'number') {
          reject(new Error(`CLI ${args.join(' ')} did not run: ${error?.message}\n${stderr}`));
          return;
        }
        resolve({ code, stdout, stderr });
      },
    );
  });
}

// ---------------------------------------------------------------------------------------------
// A recording proxy in front of central

export interface ProxiedRequest {
  method: string;
  /** Path without query. */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface ProxyOptions {
  /** Headers replaced on every forwarded request (e.g. `version`). */
  rewriteHeaders?: Record<string, string>;
  /**
   * Rewrites `omSupplyCentralServerUrl` in `GET /sync/v5/site` answers to the proxy, so that v6
   * requests are recorded too.
   */
  proxyV6?: boolean;
}

export interface CentralProxy {
  url: string;
  requests: ProxiedRequest[];
  /** Live: a test may change them between requests. */
  options: ProxyOptions;
  close(): Promise<void>;
}

function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/** Forwards every request to `targetUrl` unchanged except for `options`, and records it. */
export async function startProxy(targetUrl: string, initial: ProxyOptions = {}): Promise<CentralProxy> {
  const options = { ...initial };
  const target = new URL(targetUrl);
  const requests: ProxiedRequest[] = [];
  let ownUrl = '';
  const server = createServer((incoming, response) => {
    void (async () => {
      const body = await readAll(incoming);
      const url = new URL(incoming.url ?? '/', target);
      requests.push({
        method: incoming.method ?? 'GET',
        path: url.pathname,
        headers: incoming.headers,
        body: body.toString('utf8'),
      });
      // Plain bodies both ways, so that the proxy can read and rewrite them.
      const headers: IncomingHttpHeaders = {
        ...incoming.headers,
        host: target.host,
        ...options.rewriteHeaders,
      };
      delete headers['accept-encoding'];
      const forwarded = request(url, { method: incoming.method, headers, agent: false });
      forwarded.on('response', (answer) => {
        void readAll(answer).then((raw) => {
          let reply = raw;
          if (options.proxyV6 && url.pathname === '/sync/v5/site' && answer.statusCode === 200) {
            const info = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
            reply = Buffer.from(JSON.stringify({ ...info, omSupplyCentralServerUrl: ownUrl }));
          }
          const replyHeaders = { ...answer.headers, 'content-length': String(reply.length) };
          delete replyHeaders['transfer-encoding'];
          response.writeHead(answer.statusCode ?? 502, replyHeaders);
          response.end(reply);
        });
      });
      forwarded.on('error', () => response.destroy());
      forwarded.end(body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  ownUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: ownUrl,
    requests,
    options,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface PushedRecord {
  tableName: string;
  recordId: string;
  action: string;
  recordData: Record<string, unknown> | null;
}

/** Every record the proxy saw pushed over v5 (`POST /sync/v5/queued_records`). */
export function pushedOverV5(proxy: CentralProxy): PushedRecord[] {
  return proxy.requests
    .filter((entry) => entry.method === 'POST' && entry.path === '/sync/v5/queued_records')
    .flatMap((entry) => (JSON.parse(entry.body) as { data: PushedRecord[] }).data);
}

/** Every record the proxy saw pushed over v6 (`POST /central/sync/push`). */
export function pushedOverV6(proxy: CentralProxy): PushedRecord[] {
  return proxy.requests
    .filter((entry) => entry.method === 'POST' && entry.path === '/central/sync/push')
    .flatMap(
      (entry) => (JSON.parse(entry.body) as { batch: { records: { record: PushedRecord }[] } }).batch.records,
    )
    .map((entry) => entry.record);
}

/** A fresh site with its own new store (`admin site add`), as a DemoSite. */
export async function addFreshSite(central: Pick<Central, 'dataDir'>): Promise<DemoSite> {
  const added = await addSite(central);
  const store = storeOf(added);
  return {
    siteName: added.site,
    password: added.password,
    syncId: added.siteId,
    storeId: store.ID,
    nameId: store.name_ID,
  };
}
