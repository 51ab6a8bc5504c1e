// Runs the real reference central (reference-central/cli.ts) for one test file: the `serve`
// process, its `admin` commands and its fault API.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const CLI = path.join(REPO_ROOT, 'reference-central', 'cli.ts');
const START_TIMEOUT_MS = 20_000;

export const APP_VERSION = '0.1.0';

// A worker that dies without its afterAll must not leave centrals behind.
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

export interface CentralProcess {
  legacyUrl: string;
  omsUrl: string;
  adminToken: string;
  dataDir: string;
  stop(): Promise<void>;
}

export interface Site {
  siteName: string;
  password: string;
  passwordSha256: string;
  hardwareId: string;
  siteId: number;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Demo site `satellite-1` (site id 2, store "Satellite One"), with a hardware id of its own. */
export function demoSite(number: 1 | 2 = 1): Site {
  const password = `satellite-${number}-pass`;
  return {
    siteName: `satellite-${number}`,
    password,
    passwordSha256: sha256Hex(password),
    hardwareId: `hw-${randomUUID()}`,
    siteId: number + 1,
  };
}

function waitForListening(
  child: ChildProcess,
): Promise<{ legacyUrl: string; omsUrl: string; adminToken: string }> {
  let stdout = '';
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const fail = (why: string): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`reference central did not start: ${why}\nstderr: ${stderr}`));
    };
    const timer = setTimeout(() => fail('no "listening" line in time'), START_TIMEOUT_MS);
    const onExit = (code: number | null): void => fail(`exited with code ${code}`);
    child.once('exit', onExit);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve(
        JSON.parse(stdout.slice(0, newline)) as { legacyUrl: string; omsUrl: string; adminToken: string },
      );
    });
  });
}

export async function startCentral(
  options: { demo?: boolean; v6Off?: boolean } = {},
): Promise<CentralProcess> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'clients-central-'));
  const args = [CLI, 'serve', '--port', '0', '--data-dir', dataDir];
  if (options.demo) args.push('--demo');
  if (options.v6Off) args.push('--v6-off');
  const child = spawn(TSX, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const listening = await waitForListening(child);
  return {
    ...listening,
    dataDir,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function admin(central: CentralProcess, ...args: string[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    execFile(
      TSX,
      [CLI, 'admin', ...args, '--data-dir', central.dataDir],
      { cwd: REPO_ROOT, timeout: 30_000 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`admin ${args.join(' ')}: ${stderr}`)) : resolve(JSON.parse(stdout)),
    );
  });
}

let nextSiteId = 10;

/** A new site, with a store of its own unless `store: false`. */
export async function addSite(central: CentralProcess, options: { store?: boolean } = {}): Promise<Site> {
  nextSiteId += 1;
  const siteId = nextSiteId;
  const siteName = `site-${siteId}`;
  const password = `pass-${randomUUID()}`;
  const args = ['site', 'add', '--name', siteName, '--password', password, '--site-id', String(siteId)];
  if (options.store !== false) args.push('--store', `store-${siteId}`);
  await admin(central, ...args);
  return {
    siteName,
    password,
    passwordSha256: sha256Hex(password),
    hardwareId: `hw-${randomUUID()}`,
    siteId,
  };
}

export interface Fault {
  route: string;
  method?: string;
  kind: 'latency' | 'http500' | 'http503' | 'reset' | 'truncated' | 'slow-integration' | 'v6-off';
  count?: number;
  ms?: number;
}

async function adminRequest(
  central: CentralProcess,
  method: 'POST' | 'DELETE',
  body?: unknown,
): Promise<void> {
  const response = await fetch(`${central.legacyUrl}/admin/faults`, {
    method,
    headers: { 'x-admin-token': central.adminToken, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`admin ${method} /admin/faults: HTTP ${response.status} ${await response.text()}`);
}

export const injectFault = (central: CentralProcess, fault: Fault): Promise<void> =>
  adminRequest(central, 'POST', fault);

export const clearFaults = (central: CentralProcess): Promise<void> => adminRequest(central, 'DELETE');
