/// <reference lib="dom" />
// The real renderer build under the shell's Content-Security-Policy, in Debian's Chromium (Electron
// itself cannot run here): served exactly as the app:// protocol serves it, with a stand-in
// `window.satelliteSync`, it must start without a single CSP violation.
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp, type BuiltApp } from './support/build-app';

vi.mock('electron', () => import('./fake-electron'));

const { serveRendererFile } = await import('../../electron/app-protocol');
const { CONTENT_SECURITY_POLICY } = await import('../../electron/security/content-security-policy');

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.log(`No Chromium at ${CHROMIUM} (apt-get install chromium): the renderer CSP test is skipped.`);

/** A bridge that answers like a fresh, unconfigured app. */
function installStandInBridge(): void {
  const status = {
    configured: false,
    initialised: false,
    isSyncing: false,
    paused: false,
    current: null,
    lastRun: null,
    lastSuccessfulRun: null,
    recordsWaitingToPush: 0,
    integrationProblems: 0,
    untranslatedRecords: 0,
  };
  const preferences = {
    locked: true,
    lockedOutUntil: null,
    url: null,
    siteName: null,
    syncId: null,
    intervalMinutes: 10,
    requestSize: 500,
    useNodeHttpClient: true,
    omSupplyCentralUrl: null,
  };
  const values: Record<string, unknown> = {
    getStatus: status,
    getAppInfo: {
      version: '0.0.0',
      hardwareId: 'HW',
      serverUrl: 'https://192.0.2.1:8000',
      secretStorage: 'test',
      mode: 'electron',
      siteProfile: null,
    },
    getPreferences: preferences,
    listServers: [],
    listIntegrationProblems: [],
    getSyncHistory: [],
  };
  const api = new Proxy(
    {},
    {
      get: (_target, name: string) =>
        name === 'on'
          ? () => () => undefined
          : async () =>
              name in values
                ? { ok: true, value: values[name] }
                : { ok: false, error: { code: 'NOT_CONFIGURED', message: 'Sync is not configured yet' } },
    },
  );
  Object.defineProperty(window, 'satelliteSync', { value: api });
  const violations: string[] = [];
  Object.defineProperty(window, '__cspViolations', { value: violations });
  document.addEventListener('securitypolicyviolation', (event) =>
    violations.push(
      `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
    ),
  );
}

let server: Server;
let browser: Browser;
let origin: string;
let built: BuiltApp | undefined;

beforeAll(async () => {
  if (!hasChromium) return;
  built = await buildApp();
  const { rendererDir } = built;
  server = createServer((request, response) => {
    void serveRendererFile(`app://satellite-sync${request.url ?? '/'}`, rendererDir).then(async (answer) => {
      const headers: Record<string, string> = {};
      answer.headers.forEach((value, name) => (headers[name] = value));
      response.writeHead(answer.status, headers);
      response.end(Buffer.from(await answer.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  built?.remove();
});

describe('the renderer under the app’s CSP', () => {
  it.skipIf(!hasChromium)('starts with nothing it needs refused by the policy', async () => {
    const page = await browser.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await page.addInitScript(installStandInBridge);
    const response = await page.goto(`${origin}/index.html`);
    expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    await page.waitForFunction(() => (document.querySelector('#app')?.children.length ?? 0) > 0);
    await page.waitForTimeout(500);
    const violations = await page.evaluate(
      () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
    );
    // An eval refused is the policy at work: zod probes `Function('')` once and, refused, validates
    // without generated code (z.config({ jitless: true }) in the renderer would skip the probe).
    // Anything else refused (a script, style, image, font or connection) would break the page.
    expect(violations.filter((violation) => !violation.startsWith('script-src eval '))).toEqual([]);
    expect(
      consoleErrors.filter(
        (text) => /Content Security Policy|Refused to/i.test(text) && !/\beval\b/.test(text),
      ),
    ).toEqual([]);
    expect(await page.title()).toBe('Satellite Sync');
    await page.close();
  });
});
