// Starts the real reference central (reference-central/cli.ts) and speaks raw HTTP to it, so the
// conformance tests check the wire contract of ../shared/PROTOCOL.md §2, §3 and §6 byte for byte.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const CLI = path.join(REPO_ROOT, 'reference-central', 'cli.ts');
const START_TIMEOUT_MS = 20_000;
export const APP_VERSION = '0.1.0';
/** Test options for suites that spawn the admin CLI (a tsx cold start each) several times per test. */
export const ADMIN_HEAVY = { timeout: 60_000 };
export const APP_NAME = 'Satellite Sync';

// ---------------------------------------------------------------------------------------------
// The central process

export interface CentralOptions {
  demo?: boolean;
  volume?: number;
  adminToken?: string;
  omsPort?: number;
  v6Off?: boolean;
  /** Reuse a data directory (otherwise a fresh mkdtemp directory). */
  dataDir?: string;
  /** How long to wait for the "listening" line (seeding a large `volume` comes first). */
  startTimeoutMs?: number;
}

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Central {
  legacyUrl: string;
  omsUrl: string;
  adminToken: string;
  readonly dataDir: string;
  /** The process started (tsx, whose child serves); undefined while stopped. For CPU accounting. */
  pid: number | undefined;
  /** SIGTERM, then waits for the process to exit. */
  stop(): Promise<ExitStatus>;
  /** Stops (if running) and starts again on the same data directory (options may change); the URLs change. */
  restart(overrides?: Omit<CentralOptions, 'dataDir'>): Promise<Central>;
  /** Stops and removes the data directory. */
  dispose(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

interface Listening {
  legacyUrl: string;
  omsUrl: string;
  adminToken: string;
}

function serveArgs(dataDir: string, options: CentralOptions): string[] {
  const args = [CLI, 'serve', '--port', '0', '--data-dir', dataDir];
  if (options.demo) args.push('--demo');
  if (options.volume !== undefined) args.push('--volume', String(options.volume));
  if (options.adminToken !== undefined) args.push('--admin-token', options.adminToken);
  if (options.omsPort !== undefined) args.push('--oms-port', String(options.omsPort));
  if (options.v6Off) args.push('--v6-off');
  return args;
}

function spawnCentral(
  dataDir: string,
  options: CentralOptions,
): Promise<{ child: ChildProcess; listening: Listening }> {
  const child = spawn(TSX, serveArgs(dataDir, options), {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let stdout = '';
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const fail = (why: string): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`reference central did not start: ${why}\nstdout: ${stdout}\nstderr: ${stderr}`));
    };
    const startTimeoutMs = options.startTimeoutMs ?? START_TIMEOUT_MS;
    const timer = setTimeout(() => fail(`no "listening" line within ${startTimeoutMs} ms`), startTimeoutMs);
    child.once('error', (error) => fail(error.message));
    child.once('exit', (code, signal) => fail(`exited early (code ${code}, signal ${signal})`));
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (newline < 0) return;
      const line = stdout.slice(0, newline);
      try {
        const parsed = JSON.parse(line) as Partial<Listening> & { event?: string };
        if (parsed.event !== 'listening' || !parsed.legacyUrl || !parsed.omsUrl || !parsed.adminToken) {
          throw new Error('not a listening event');
        }
        clearTimeout(timer);
        child.removeAllListeners('exit');
        child.once('exit', () => running.delete(child));
        resolve({
          child,
          listening: { legacyUrl: parsed.legacyUrl, omsUrl: parsed.omsUrl, adminToken: parsed.adminToken },
        });
      } catch {
        fail(`unexpected first stdout line: ${line}`);
      }
    });
  });
}

function waitForExit(child: ChildProcess): Promise<ExitStatus> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', (code, signal) => {
      clearTimeout(killer);
      resolve({ code, signal });
    });
  });
}

export async function startCentral(options: CentralOptions = {}): Promise<Central> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'reference-central-'));
  let child: ChildProcess | undefined;
  let current: CentralOptions = options;
  const central: Central = {
    legacyUrl: '',
    omsUrl: '',
    adminToken: '',
    dataDir,
    pid: undefined,
    async stop() {
      if (!child) return { code: null, signal: null };
      const exiting = waitForExit(child);
      child.kill('SIGTERM');
      const status = await exiting;
      child = undefined;
      central.pid = undefined;
      return status;
    },
    async restart(overrides = {}) {
      await central.stop();
      current = { ...current, ...overrides };
      await launch();
      return central;
    },
    async dispose() {
      await central.stop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  const launch = async (): Promise<void> => {
    const started = await spawnCentral(dataDir, current);
    child = started.child;
    Object.assign(central, started.listening, { pid: started.child.pid });
  };
  await launch();
  return central;
}

/** Runs `central admin <args…> --data-dir <dir>` and returns its parsed JSON stdout. */
export function admin<T = unknown>(dataDir: string, ...args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    execFile(
      TSX,
      [CLI, 'admin', ...args, '--data-dir', dataDir],
      { cwd: REPO_ROOT, timeout: 30_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`admin ${args.join(' ')} failed (${error.message.split('\n')[0]}): ${stderr}`));
          return;
        }
        try {
          resolve(JSON.parse(stdout) as T);
        } catch {
          reject(new Error(`admin ${args.join(' ')} printed non-JSON stdout: ${stdout}\nstderr: ${stderr}`));
        }
      },
    );
  });
}

export type Row = Record<string, unknown>;
export type RowsByTable = Record<string, Row[]>;

let seedFiles = 0;

/** Writes `records` to a file and loads it with `admin seed --file`. */
export function seed(dataDir: string, records: RowsByTable): Promise<unknown> {
  seedFiles += 1;
  const file = path.join(dataDir, `seed-${process.pid}-${seedFiles}.json`);
  writeFileSync(file, JSON.stringify(records));
  return admin(dataDir, 'seed', '--file', file);
}

// ---------------------------------------------------------------------------------------------
// Sites

export interface Credentials {
  site: string;
  password: string;
  hardwareId: string;
}

export interface StoreSummary {
  ID: string;
  name_ID: string;
  name: string;
}

export interface SiteAdded {
  site: { id: string; siteId: number; name: string };
  store: StoreSummary | null;
}

export interface TestSite extends Credentials {
  siteId: number;
  uuid: string;
  store: StoreSummary | null;
}

let nextSiteId = 100;

/** Adds a fresh site (own name, password, site id and, unless `store: null`, a fresh store). */
export async function addSite(
  central: Pick<Central, 'dataDir'>,
  options: { name?: string; password?: string; store?: string | null } = {},
): Promise<TestSite> {
  nextSiteId += 1;
  const siteId = nextSiteId;
  const name = options.name ?? `site-${siteId}-${randomUUID().slice(0, 8)}`;
  const password = options.password ?? `pass-${randomUUID()}`;
  const store = options.store === undefined ? `store-${siteId}-${randomUUID().slice(0, 8)}` : options.store;
  const args = ['site', 'add', '--name', name, '--password', password, '--site-id', String(siteId)];
  if (store !== null) args.push('--store', store);
  const added = await admin<SiteAdded>(central.dataDir, ...args);
  return {
    site: name,
    password,
    hardwareId: `hw-${randomUUID()}`,
    siteId,
    uuid: added.site.id,
    store: added.store,
  };
}

/** The store of a site added with a store. */
export function storeOf(site: TestSite): StoreSummary {
  if (!site.store) throw new Error(`site ${site.site} has no store`);
  return site.store;
}

// ---------------------------------------------------------------------------------------------
// Raw HTTP

export interface HttpResult {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body as received (still compressed if the server compressed it). */
  raw: Buffer;
  /** The body as text, decompressed when `content-encoding: gzip`. */
  text: string;
  /** The parsed body, or undefined when the text is not JSON. */
  json: unknown;
}

export interface HttpRequest {
  method: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** One HTTP request on a fresh connection; rejects on any socket error (including a cut body). */
export function http(url: string, init: HttpRequest): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.body !== undefined) headers['content-length'] = String(Buffer.byteLength(init.body));
    const req = request(url, { method: init.method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('aborted', () => reject(new Error('response aborted')));
      res.on('end', () => {
        if (!res.complete) {
          reject(new Error('response ended before it was complete'));
          return;
        }
        const raw = Buffer.concat(chunks);
        try {
          const decoded = res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
          const text = decoded.toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, raw, text, json: parseJson(text) });
        } catch (error) {
          reject(error as Error);
        }
      });
    });
    req.setTimeout(60_000, () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}

/** `Basic base64(site + ":" + sha256hex(password))`. */
export function basicAuth(site: string, password: string): string {
  return `Basic ${Buffer.from(`${site}:${sha256Hex(password)}`, 'utf8').toString('base64')}`;
}

export interface V5Options extends Credentials {
  /** The `version` header; null leaves it out. */
  version?: string | null;
  body?: unknown;
  /** Sends `Accept-Encoding: gzip`. */
  gzip?: boolean;
  /** Extra or replacing headers. */
  headers?: Record<string, string>;
}

/** A v5 request exactly as the client sends it: Basic auth, site headers, compact JSON, no Content-Type. */
export function v5(url: string, method: string, route: string, options: V5Options): Promise<HttpResult> {
  const headers: Record<string, string> = {
    authorization: basicAuth(options.site, options.password),
    'msupply-site-uuid': options.hardwareId,
    'app-name': APP_NAME,
    'app-version': APP_VERSION,
  };
  const version = options.version === undefined ? '14' : options.version;
  if (version !== null) headers.version = version;
  if (options.gzip) headers['accept-encoding'] = 'gzip';
  Object.assign(headers, options.headers);
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return http(new URL(route, url).toString(), { method, headers, body });
}

export interface SyncV5Settings {
  serverUrl: string;
  username: string;
  passwordSha256: string;
  siteUuid: string;
  appVersion: string;
  appName: string;
  syncVersion: string;
}

export function v5Settings(legacyUrl: string, credentials: Credentials): SyncV5Settings {
  return {
    serverUrl: legacyUrl,
    username: credentials.site,
    passwordSha256: sha256Hex(credentials.password),
    siteUuid: credentials.hardwareId,
    appVersion: APP_VERSION,
    appName: APP_NAME,
    syncVersion: '14',
  };
}

/** POSTs JSON to `<omsUrl>/central/sync/<route>`. */
export function v6(
  omsUrl: string,
  route: string,
  body: unknown,
  options: { gzip?: boolean; rawBody?: string } = {},
): Promise<HttpResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.gzip) headers['accept-encoding'] = 'gzip';
  const url = new URL(`central/sync/${route}`, omsUrl).toString();
  return http(url, { method: 'POST', headers, body: options.rawBody ?? JSON.stringify(body) });
}

// ---------------------------------------------------------------------------------------------
// Wire shapes (PROTOCOL.md §2, §3)

export interface SiteInfo {
  id: string;
  siteId: number;
  code?: string;
  name?: string;
  initialisationStatus: 'new' | 'started' | 'completed' | 'error';
  omSupplyCentralServerUrl: string;
  isOmSupplyCentralServer: boolean;
  mSupplyCentralSiteId: number;
}

export interface SiteStatus {
  code: string;
  message: string;
  data: string | null;
}

export interface CentralRecord {
  ID: number;
  tableName: string;
  recordId: string;
  action: string;
  recordData?: Row;
}

export interface CentralRecords {
  maxCursor: number;
  data: CentralRecord[];
}

export interface QueuedRecord {
  syncOutId: string;
  tableName: string;
  recordId: string;
  action: string;
  recordData?: Row | null;
}

export interface QueuedRecords {
  queueLength: number;
  data: QueuedRecord[];
}

export interface V5Error {
  error: { code: string; message: string; data: unknown };
}

export interface V6Record {
  cursor: number;
  record: { tableName: string; recordId: string; action: string; recordData: Row | null };
}

export interface V6Batch {
  end_cursor: number;
  total_records: number;
  records: V6Record[];
  is_last_batch: boolean;
}

/** `action` values a v5 client accepts on pull (PROTOCOL.md §2). */
export const PULL_ACTIONS = ['insert', 'update', 'delete', 'merge', 'Insert', 'Update', 'Delete', 'Merge'];

// ---------------------------------------------------------------------------------------------
// Conveniences over the raw calls (each throws on a non-2xx answer)

function ok(result: HttpResult, what: string): HttpResult {
  if (result.status < 200 || result.status > 299) {
    throw new Error(`${what} answered HTTP ${result.status}: ${result.text}`);
  }
  return result;
}

export async function getSiteInfo(url: string, credentials: Credentials): Promise<SiteInfo> {
  return ok(await v5(url, 'GET', '/sync/v5/site', credentials), 'GET /sync/v5/site').json as SiteInfo;
}

export async function getSiteStatus(url: string, credentials: Credentials): Promise<SiteStatus> {
  return ok(await v5(url, 'GET', '/sync/v5/site_status', credentials), 'GET site_status').json as SiteStatus;
}

export async function initialise(url: string, credentials: Credentials): Promise<{ queueLength: number }> {
  const result = await v5(url, 'POST', '/sync/v5/initialise', { ...credentials, body: {} });
  return ok(result, 'POST initialise').json as { queueLength: number };
}

export async function centralRecords(
  url: string,
  credentials: Credentials,
  cursor: number,
  limit: number,
): Promise<CentralRecords> {
  const route = `/sync/v5/central_records?cursor=${cursor}&limit=${limit}`;
  return ok(await v5(url, 'GET', route, credentials), route).json as CentralRecords;
}

/** Every central record after `cursor`, following the exclusive cursor. */
export async function allCentralRecords(
  url: string,
  credentials: Credentials,
  cursor = 0,
  limit = 1000,
): Promise<CentralRecord[]> {
  const all: CentralRecord[] = [];
  for (;;) {
    const batch = await centralRecords(url, credentials, cursor, limit);
    const last = batch.data.at(-1);
    if (!last) return all;
    if (last.ID <= cursor) throw new Error(`central_records did not advance past cursor ${cursor}`);
    all.push(...batch.data);
    cursor = last.ID;
  }
}

export async function pullQueue(
  url: string,
  credentials: Credentials,
  limit: number,
): Promise<QueuedRecords> {
  const route = `/sync/v5/queued_records?limit=${limit}`;
  return ok(await v5(url, 'GET', route, credentials), route).json as QueuedRecords;
}

export async function acknowledge(
  url: string,
  credentials: Credentials,
  syncIDs: string[],
): Promise<HttpResult> {
  const result = await v5(url, 'POST', '/sync/v5/acknowledged_records', {
    ...credentials,
    body: { syncIDs },
  });
  return ok(result, 'POST acknowledged_records');
}

/** Pulls and acknowledges the whole queue. */
export async function drainQueue(url: string, credentials: Credentials): Promise<QueuedRecord[]> {
  const all: QueuedRecord[] = [];
  for (;;) {
    const batch = await pullQueue(url, credentials, 500);
    if (batch.data.length === 0) return all;
    all.push(...batch.data);
    await acknowledge(
      url,
      credentials,
      batch.data.map((record) => record.syncOutId),
    );
  }
}

export interface PushRecord {
  syncOutId: string;
  tableName: string;
  recordId: string;
  action: 'Update' | 'Delete';
  recordData: Row | null;
}

export function pushRecord(tableName: string, recordData: Row, syncOutId: string): PushRecord {
  return {
    syncOutId,
    tableName,
    recordId: String(recordData.ID ?? recordData.id),
    action: 'Update',
    recordData,
  };
}

export async function push(
  url: string,
  credentials: Credentials,
  queueLength: number,
  data: PushRecord[],
): Promise<{ integrationStarted: boolean }> {
  const result = await v5(url, 'POST', '/sync/v5/queued_records', {
    ...credentials,
    body: { queueLength, data },
  });
  return ok(result, 'POST queued_records').json as { integrationStarted: boolean };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` every `everyMs` until it returns true, or throws after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 15_000,
  everyMs = 100,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

export async function waitForV5Idle(url: string, credentials: Credentials): Promise<void> {
  await waitFor('v5 site_status idle', async () => (await getSiteStatus(url, credentials)).code === 'idle');
}

// --- v6 conveniences

export interface PullRequest {
  cursor: number;
  batchSize: number;
  isInitialised: boolean;
}

export function pullBody(
  central: Pick<Central, 'legacyUrl'>,
  credentials: Credentials,
  request: PullRequest,
) {
  return { ...request, syncV5Settings: v5Settings(central.legacyUrl, credentials), syncV6Version: 5 };
}

export async function v6Pull(
  central: Pick<Central, 'legacyUrl' | 'omsUrl'>,
  credentials: Credentials,
  request: PullRequest,
): Promise<V6Batch> {
  const result = await v6(central.omsUrl, 'pull', pullBody(central, credentials, request));
  const body = result.json as { data?: V6Batch; error?: unknown };
  if (result.status !== 200 || !body.data)
    throw new Error(`v6 pull failed: HTTP ${result.status} ${result.text}`);
  return body.data;
}

/** All v6 records from `cursor` on, following `end_cursor + 1` until `is_last_batch`. */
export async function v6PullAll(
  central: Pick<Central, 'legacyUrl' | 'omsUrl'>,
  credentials: Credentials,
  isInitialised: boolean,
  cursor = 0,
): Promise<V6Record[]> {
  const all: V6Record[] = [];
  for (;;) {
    const batch = await v6Pull(central, credentials, { cursor, batchSize: 500, isInitialised });
    all.push(...batch.records);
    if (batch.is_last_batch) return all;
    cursor = batch.end_cursor + 1;
  }
}

export function v6SiteStatusBody(central: Pick<Central, 'legacyUrl'>, credentials: Credentials) {
  return { syncV5Settings: v5Settings(central.legacyUrl, credentials), syncV6Version: 5 };
}

// --- admin HTTP API (faults)

export interface FaultRequest {
  route: string;
  method?: string;
  kind: 'latency' | 'http500' | 'http503' | 'reset' | 'truncated' | 'slow-integration' | 'v6-off';
  count?: number;
  ms?: number;
}

export function adminHttp(
  central: Pick<Central, 'legacyUrl' | 'adminToken'>,
  method: string,
  route: string,
  body?: unknown,
  token: string | null = central.adminToken,
): Promise<HttpResult> {
  const headers: Record<string, string> = {};
  if (token !== null) headers['x-admin-token'] = token;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return http(new URL(route, central.legacyUrl).toString(), { method, headers, body: payload });
}

export async function addFault(
  central: Pick<Central, 'legacyUrl' | 'adminToken'>,
  fault: FaultRequest,
): Promise<string> {
  const result = ok(await adminHttp(central, 'POST', '/admin/faults', fault), 'POST /admin/faults');
  return (result.json as { id: string }).id;
}

export async function clearFaults(central: Pick<Central, 'legacyUrl' | 'adminToken'>): Promise<void> {
  ok(await adminHttp(central, 'DELETE', '/admin/faults'), 'DELETE /admin/faults');
}

// ---------------------------------------------------------------------------------------------
// Record builders (legacy formats of reference/v5-legacy-central-api.md §10)

export function newId(): string {
  return randomUUID().replaceAll('-', '').toUpperCase();
}

export function unitRow(overrides: Row = {}): Row {
  return { ID: newId(), units: 'Tab', comment: '', order_number: 1, ...overrides };
}

export function itemRow(unitId: string, overrides: Row = {}): Row {
  const id = newId();
  return {
    ID: id,
    item_name: `Item ${id.slice(0, 6)}`,
    code: id.slice(0, 6),
    unit_ID: unitId,
    type_of: 'general',
    default_pack_size: 1,
    is_vaccine: false,
    VEN_category: '',
    strength: '',
    doses: 0,
    category_ID: '',
    restricted_location_type_ID: '',
    volume_per_pack: 0,
    universalcodes_code: '',
    ...overrides,
  };
}

export function transactRow(storeId: string, nameId: string, overrides: Row = {}): Row {
  return {
    ID: newId(),
    name_ID: nameId,
    store_ID: storeId,
    invoice_num: 1,
    type: 'ci',
    status: 'nw',
    user_ID: '',
    hold: false,
    comment: '',
    their_ref: '',
    prescriber_ID: '',
    currency_ID: '',
    currency_rate: 1,
    goods_received_ID: '',
    original_PO_ID: '',
    requisition_ID: '',
    linked_transaction_id: '',
    nameInsuranceJoinID: '',
    donor_default_id: '',
    insuranceDiscountAmount: 0,
    insuranceDiscountRate: 0,
    entry_date: '2024-03-01',
    entry_time: 36000,
    confirm_date: '0000-00-00',
    confirm_time: 0,
    finalised_date: '0000-00-00',
    finalised_time: 0,
    mode: 'store',
    ...overrides,
  };
}

export function transLineRow(transactionId: string, itemId: string, overrides: Row = {}): Row {
  return {
    ID: newId(),
    transaction_ID: transactionId,
    item_ID: itemId,
    item_name: 'Item',
    item_line_ID: '',
    location_ID: '',
    batch: 'B1',
    expiry_date: '2027-01-31',
    pack_size: 1,
    cost_price: 2,
    sell_price: 3,
    type: 'stock_out',
    quantity: 10,
    note: '',
    optionID: '',
    linked_transact_id: '',
    donor_id: '',
    vaccine_vial_monitor_status_ID: '',
    volume_per_pack: 0,
    ...overrides,
  };
}

/** Seeds one unit and one item of that unit; returns the item's id. */
export async function seedUnitAndItem(dataDir: string): Promise<string> {
  const unit = unitRow();
  const item = itemRow(unit.ID as string);
  await seed(dataDir, { unit: [unit], item: [item] });
  return item.ID as string;
}

export function itemLineRow(storeId: string, itemId: string, overrides: Row = {}): Row {
  return {
    ID: newId(),
    store_ID: storeId,
    item_ID: itemId,
    batch: 'B1',
    expiry_date: '2027-01-31',
    hold: false,
    location_ID: '',
    pack_size: 1,
    available: 100,
    quantity: 100,
    cost_price: 2,
    sell_price: 3,
    note: '',
    name_ID: '',
    barcodeID: '',
    vvm_status_id: '',
    total_volume: 0,
    volume_per_pack: 0,
    ...overrides,
  };
}

export function patientRow(overrides: Row = {}): Row {
  const id = newId();
  return {
    ID: id,
    name: `Patient ${id.slice(0, 6)}`,
    code: id.slice(0, 6),
    type: 'patient',
    customer: true,
    supplier: false,
    supplying_store_id: '',
    first: 'Pat',
    last: id.slice(0, 6),
    female: true,
    date_of_birth: '1990-01-01',
    phone: '',
    'charge code': '',
    comment: '',
    country: '',
    bill_address1: '',
    bill_address2: '',
    email: '',
    url: '',
    manufacturer: false,
    donor: false,
    hold: false,
    NEXT_OF_KIN_ID: '',
    next_of_kin_relative: '',
    created_date: '2024-03-01',
    national_health_number: '',
    isDeceased: false,
    om_created_datetime: '2024-03-01T10:00:00',
    om_gender: 'FEMALE',
    ...overrides,
  };
}

export function assetRow(storeId: string | null, overrides: Row = {}): Row {
  const id = randomUUID();
  return {
    id,
    notes: `Asset ${id.slice(0, 6)}`,
    asset_number: id.slice(0, 6),
    store_id: storeId,
    created_datetime: '2024-03-01T10:00:00',
    modified_datetime: '2024-03-01T10:00:00',
    ...overrides,
  };
}

export function assetClassRow(overrides: Row = {}): Row {
  const id = randomUUID();
  return { id, name: `Asset class ${id.slice(0, 6)}`, ...overrides };
}
