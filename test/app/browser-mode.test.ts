// Browser mode as a user starts it (`scripts/start-browser.ts` in its own process): one JSON line
// with the URL, loopback only, the token on every API call, the Host guard, events over SSE, and
// the renderer served with a strict Content-Security-Policy and nothing outside its folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src-main/app/browser-security';
import { REPO_ROOT, http, startCentral, type Central, type HttpResult } from '../reference-central/harness';
import { addFreshSite, tempDir } from '../sync/engine/helpers';

const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const SCRIPT = path.join(REPO_ROOT, 'scripts', 'start-browser.ts');
const INDEX_HTML = '<!doctype html><title>Satellite Sync test page</title>';

interface BrowserMode {
  child: ChildProcess;
  url: string;
  origin: string;
  port: number;
  token: string;
  stderr: () => string;
}

function startBrowserMode(args: string[]): Promise<BrowserMode> {
  const child = spawn(TSX, [SCRIPT, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line; stderr: ${stderr}`)), 20_000);
    child.once('exit', (code) => reject(new Error(`exited (${code}) before listening; stderr: ${stderr}`)));
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (!stdout.includes('\n')) return;
      clearTimeout(timer);
      const line = JSON.parse(stdout.slice(0, stdout.indexOf('\n'))) as { event: string; url: string };
      const url = new URL(line.url);
      resolve({
        child,
        url: line.url,
        origin: url.origin,
        port: Number(url.port),
        token: url.searchParams.get('token') ?? '',
        stderr: () => stderr,
      });
    });
  });
}

function stopBrowserMode(mode: BrowserMode): Promise<number | null> {
  return new Promise((resolve) => {
    if (mode.child.exitCode !== null) return resolve(mode.child.exitCode);
    mode.child.once('exit', (code) => resolve(code));
    mode.child.kill('SIGTERM');
  });
}

let central: Central;
let rendererDir: string;
let mode: BrowserMode;

function api(operation: string, body: unknown, token: string | null = mode.token): Promise<HttpResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== null) headers['x-satellite-sync-token'] = token;
  return http(`${mode.origin}/api/${operation}`, { method: 'POST', headers, body: JSON.stringify(body) });
}

async function waitUntilIdleAndInitialised(): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const status = (await api('getStatus', {})).json as {
      value: { initialised: boolean; isSyncing: boolean };
    };
    if (status.value.initialised && !status.value.isSyncing) return;
    if (Date.now() > deadline) throw new Error(`never initialised: ${JSON.stringify(status)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Reads the event stream until `wanted` has arrived; resolves with everything read. */
function readEvents(url: string, wanted: RegExp, whileOpen: () => Promise<unknown>): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false }, (response: IncomingMessage) => {
      if (response.statusCode !== 200) return reject(new Error(`events answered ${response.statusCode}`));
      expect(response.headers['content-type']).toMatch(/^text\/event-stream/);
      let text = '';
      const timer = setTimeout(() => reject(new Error(`no ${wanted} in: ${text}`)), 20_000);
      response.setEncoding('utf8').on('data', (chunk: string) => {
        text += chunk;
        if (text === ': connected\n\n') whileOpen().catch(reject);
        if (wanted.test(text)) {
          clearTimeout(timer);
          req.destroy();
          resolve(text);
        }
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** A GET whose path goes out exactly as written (a URL would resolve its dot segments first). */
function rawGet(rawPath: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: mode.port, path: rawPath, agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end();
  });
}

function connectionRefused(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

beforeAll(async () => {
  central = await startCentral();
  const root = tempDir('satellite-browser-');
  rendererDir = path.join(root, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), INDEX_HTML);
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
  writeFileSync(path.join(root, 'outside.txt'), 'not for the browser');
  mode = await startBrowserMode(['--data-dir', path.join(root, 'data'), '--renderer-dir', rendererDir]);
});
afterAll(async () => {
  if (mode) await stopBrowserMode(mode);
  await central?.dispose();
});

describe('browser mode', () => {
  it('prints one listening line with a loopback URL and a 32-character token', () => {
    expect(mode.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
  });

  it('listens on 127.0.0.1 only', async () => {
    expect(await connectionRefused('127.0.0.1', mode.port)).toBe(false);
    expect(await connectionRefused('127.0.0.2', mode.port)).toBe(true);
    expect(await connectionRefused('::1', mode.port)).toBe(true);
  });

  it('answers API calls only with the token, and an Outcome with it', async () => {
    expect(await api('getStatus', {}, null)).toMatchObject({ status: 401, json: { error: 'unauthorized' } });
    expect(await api('getStatus', {}, 'x'.repeat(32))).toMatchObject({ status: 401 });
    expect(await api('getStatus', {}, `${mode.token}x`)).toMatchObject({ status: 401 });
    expect(await api('getStatus', {})).toMatchObject({
      status: 200,
      json: { ok: true, value: { configured: false, isSyncing: false } },
    });
    expect(await api('setSyncInterval', { minutes: -1 })).toMatchObject({
      status: 200,
      json: { ok: false, error: { code: 'INVALID_INPUT', fields: { minutes: expect.any(String) } } },
    });
    const info = (await api('getAppInfo', {})).json as { value: { serverUrl: string; mode: string } };
    expect(info.value).toMatchObject({ serverUrl: mode.origin, mode: 'browser' });
  });

  it('says 404 to unknown operations, 405 to other methods, 400 to bad JSON, 413 to big bodies', async () => {
    const headers = { 'x-satellite-sync-token': mode.token };
    expect(await api('dropDatabase', {})).toMatchObject({ status: 404 });
    expect(await http(`${mode.origin}/api/getStatus`, { method: 'GET', headers })).toMatchObject({
      status: 405,
    });
    expect(await http(`${mode.origin}/api/getStatus`, { method: 'POST', headers, body: '{' })).toMatchObject({
      status: 400,
    });
    const big = JSON.stringify({ search: 'x'.repeat(1024 * 1024) });
    expect(
      await http(`${mode.origin}/api/listServers`, { method: 'POST', headers, body: big }),
    ).toMatchObject({
      status: 413,
    });
  });

  it('refuses a Host other than its own (DNS rebinding)', async () => {
    const as = (host: string) => http(`${mode.origin}/`, { method: 'GET', headers: { host } });
    expect((await as(`evil.example:${mode.port}`)).status).toBe(403);
    expect((await as(`127.0.0.1:${mode.port + 1}`)).status).toBe(403);
    expect((await as(`localhost:${mode.port}`)).status).toBe(200);
    const rebound = await http(`${mode.origin}/api/getStatus`, {
      method: 'POST',
      headers: { host: `attacker.example:${mode.port}`, 'x-satellite-sync-token': mode.token },
      body: '{}',
    });
    expect(rebound.status).toBe(403);
  });

  it('serves the renderer with a strict CSP, index.html for routes, nothing outside its folder', async () => {
    const page = await http(`${mode.url}`, { method: 'GET' });
    expect(page).toMatchObject({ status: 200, text: INDEX_HTML });
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['content-type']).toMatch(/^text\/html/);

    const script = await http(`${mode.origin}/assets/app.js`, { method: 'GET' });
    expect(script).toMatchObject({ status: 200, text: 'console.log("app");' });
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect(await http(`${mode.origin}/preferences/sync`, { method: 'GET' })).toMatchObject({
      text: INDEX_HTML,
    });
    expect(await http(`${mode.origin}/assets/missing.js`, { method: 'GET' })).toMatchObject({ status: 404 });
    for (const attempt of [
      '/../outside.txt',
      '/assets/../../outside.txt',
      '/%2e%2e/outside.txt',
      '/assets/..%2f..%2foutside.txt',
      '/..%5coutside.txt',
    ]) {
      const answer = await rawGet(attempt);
      expect(answer, attempt).toMatchObject({ status: 404 });
      expect(answer.text, attempt).not.toContain('not for the browser');
    }
  });

  it('streams statusChanged events after Sync now, only with the token', async () => {
    const unauthorised = await http(`${mode.origin}/api/events?token=wrong`, { method: 'GET' });
    expect(unauthorised.status).toBe(401);

    const site = await addFreshSite(central);
    const initialised = await api('initialise', {
      url: central.legacyUrl,
      siteName: site.siteName,
      password: site.password,
      syncId: site.syncId,
    });
    expect(initialised.json).toMatchObject({ ok: true, value: { configured: true } });
    await waitUntilIdleAndInitialised();

    const text = await readEvents(
      `${mode.origin}/api/events?token=${mode.token}`,
      /event: statusChanged\ndata: (.*)\n\n[^]*"lastRun":\{[^}]*"kind":"operational"/,
      async () => expect((await api('syncNow', {})).json).toEqual({ ok: true, value: { queued: false } }),
    );
    const first = /event: statusChanged\ndata: (.*)\n\n/.exec(text);
    expect(JSON.parse(first?.[1] ?? 'null')).toMatchObject({ configured: true, initialised: true });
  });

  it('answers 503 with how to build the renderer when it is not built', async () => {
    rmSync(path.join(rendererDir, 'index.html'));
    const answer = await http(`${mode.origin}/`, { method: 'GET' });
    expect(answer.status).toBe(503);
    expect(answer.text).toContain('npm run build:renderer');
    writeFileSync(path.join(rendererDir, 'index.html'), INDEX_HTML);
  });

  it('stops cleanly on SIGTERM', async () => {
    expect(await stopBrowserMode(mode)).toBe(0);
    expect(mode.stderr()).not.toMatch(/Error/);
  });
});
