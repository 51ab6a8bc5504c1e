import type { IncomingMessage } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { getAdapter, type AxiosAdapter } from 'axios';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpTransport, type HttpTransportOptions } from '../../../src-main/sync/clients/http';
import { LegacyClient } from '../../../src-main/sync/clients/legacy';
import { DEFAULT_RETRY_POLICY } from '../../../src-main/sync/clients/retry';
import { expectSyncError, recordingSleep, secretsOf } from './assertions';
import { closedPortUrl, startCaptureServer, type CaptureServer } from './capture-server';
import {
  APP_VERSION,
  clearFaults,
  demoSite,
  injectFault,
  startCentral,
  type CentralProcess,
} from './central-process';

const site = demoSite(1);
const half = (): number => 0.5;

function legacyClient(url: string, options: HttpTransportOptions): LegacyClient {
  return new LegacyClient({ url, ...site, appVersion: APP_VERSION }, createHttpTransport(options));
}

describe('HTTP transport against the reference central', () => {
  let central: CentralProcess;

  beforeAll(async () => {
    central = await startCentral({ demo: true });
  });
  afterAll(() => central?.stop());
  afterEach(() => clearFaults(central));

  it('asks for gzip and gets it, decompressed', async () => {
    const node = getAdapter('http');
    const seen: { acceptEncoding: unknown; rawHeaders: string[] }[] = [];
    const spy: AxiosAdapter = async (config) => {
      const response = await node(config);
      const request = response.request as { getHeader(name: string): unknown; res?: IncomingMessage };
      seen.push({
        acceptEncoding: request.getHeader('accept-encoding'),
        rawHeaders: request.res?.rawHeaders ?? [],
      });
      return response;
    };
    const info = await legacyClient(central.legacyUrl, { adapter: spy }).getSiteInfo();
    expect(info.siteId).toBe(2);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.acceptEncoding).toBe('gzip');
    const raw = seen[0]?.rawHeaders ?? [];
    expect(raw[raw.findIndex((name) => name.toLowerCase() === 'content-encoding') + 1]).toBe('gzip');
  });

  it('retries HTTP 503 and succeeds on the third attempt', async () => {
    await injectFault(central, { route: '/sync/v5/site', kind: 'http503', count: 2 });
    const { sleep, delays } = recordingSleep();
    expect((await legacyClient(central.legacyUrl, { sleep, random: half }).getSiteInfo()).siteId).toBe(2);
    expect(delays).toEqual([250, 500]);
  });

  it('gives up on HTTP 503 after the bounded attempts, with the server message', async () => {
    await injectFault(central, { route: '/sync/v5/site_status', kind: 'http503', count: 4 });
    const { sleep, delays } = recordingSleep();
    const error = await expectSyncError(
      legacyClient(central.legacyUrl, { sleep, random: half }).getSiteStatus(),
      'UNKNOWN',
      secretsOf(site),
    );
    expect(error.detail).toContain('HTTP 503 sync_is_running: Sync is already running - try again later');
    expect(delays).toHaveLength(3);
  });

  it('retries a connection reset mid-body', async () => {
    await injectFault(central, { route: '/sync/v5/central_records', kind: 'reset' });
    const { sleep, delays } = recordingSleep();
    const batch = await legacyClient(central.legacyUrl, { sleep }).getCentralRecords(0, 50);
    expect(batch.data).toHaveLength(50);
    expect(delays).toHaveLength(1);
  });

  it('retries a truncated body', async () => {
    await injectFault(central, { route: '/sync/v5/central_records', kind: 'truncated' });
    const { sleep, delays } = recordingSleep();
    const batch = await legacyClient(central.legacyUrl, { sleep }).getCentralRecords(0, 50);
    expect(batch.data).toHaveLength(50);
    expect(delays).toHaveLength(1);
  });

  it('does not retry HTTP 500: UNKNOWN with the server message', async () => {
    await injectFault(central, { route: '/sync/v5/site', kind: 'http500', count: 2 });
    const { sleep, delays } = recordingSleep();
    const error = await expectSyncError(
      legacyClient(central.legacyUrl, { sleep }).getSiteInfo(),
      'UNKNOWN',
      secretsOf(site),
    );
    expect(error.detail).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/sync\/v5\/site → HTTP 500 internal_error: Injected fault: internal server error$/,
    );
    expect(error.message).toBe('The central server answered: Injected fault: internal server error');
    expect(delays).toEqual([]);
  });

  it('retries a response that does not start within the timeout', async () => {
    await injectFault(central, { route: '/sync/v5/site', kind: 'latency', ms: 3000 });
    const { sleep, delays } = recordingSleep();
    const started = Date.now();
    const response = await createHttpTransport({ sleep }).request({
      method: 'GET',
      url: `${central.legacyUrl}/sync/v5/site`,
      timeoutMs: 300,
    });
    expect(response.status).toBe(401);
    expect(delays).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('stops at once when the signal aborts a request in flight', async () => {
    await injectFault(central, { route: '/sync/v5/site', kind: 'latency', ms: 3000 });
    const { sleep, delays } = recordingSleep();
    const started = Date.now();
    const error = await legacyClient(central.legacyUrl, { sleep })
      .getSiteInfo({ signal: AbortSignal.timeout(200) })
      .catch((thrown: unknown) => thrown);
    expect((error as Error).name).toBe('TimeoutError');
    expect(delays).toEqual([]);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('HTTP transport retries', () => {
  it('connection refused: CONNECTION_ERROR after 4 attempts, back-off growing', async () => {
    const url = await closedPortUrl();
    const { sleep, delays } = recordingSleep();
    const error = await expectSyncError(
      legacyClient(url, { sleep, random: half }).getSiteInfo(),
      'CONNECTION_ERROR',
      secretsOf(site),
    );
    expect(error.detail).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/sync\/v5\/site: ECONNREFUSED: .+ \(4 attempts\)$/,
    );
    expect(delays).toEqual([250, 500, 1000]);
  });

  it('caps the back-off, with full jitter below the ceiling', async () => {
    const url = await closedPortUrl();
    const capped = recordingSleep();
    const retry = { ...DEFAULT_RETRY_POLICY, attempts: 8 };
    await expectSyncError(
      legacyClient(url, { sleep: capped.sleep, random: () => 0.999, retry }).getSiteInfo(),
      'CONNECTION_ERROR',
      [],
    );
    expect(capped.delays).toEqual([499, 999, 1998, 3996, 7992, 7992, 7992]);

    const jittered = recordingSleep();
    await expectSyncError(
      legacyClient(url, { sleep: jittered.sleep, retry }).getSiteInfo(),
      'CONNECTION_ERROR',
      [],
    );
    const ceilings = [500, 1000, 2000, 4000, 8000, 8000, 8000];
    jittered.delays.forEach((delay, index) => {
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(ceilings[index] as number);
    });
  });

  it('stops retrying when the signal aborts during the back-off', async () => {
    const url = await closedPortUrl();
    const controller = new AbortController();
    let sleeps = 0;
    const never = (): Promise<void> => {
      sleeps += 1;
      setTimeout(() => controller.abort(), 20);
      return new Promise(() => {});
    };
    const error = await legacyClient(url, { sleep: never })
      .getSiteInfo({ signal: controller.signal })
      .catch((thrown: unknown) => thrown);
    expect((error as Error).name).toBe('AbortError');
    expect(sleeps).toBe(1);
  });

  it('sends nothing when the signal has already aborted', async () => {
    const server = await startCaptureServer();
    const error = await legacyClient(server.url, {})
      .getSiteInfo({ signal: AbortSignal.abort() })
      .catch((thrown: unknown) => thrown);
    expect((error as Error).name).toBe('AbortError');
    expect(server.requests).toHaveLength(0);
    await server.close();
  });

  describe('statuses', () => {
    let server: CaptureServer;
    beforeAll(async () => {
      server = await startCaptureServer();
    });
    afterAll(() => server?.close());

    it.each([408, 429, 503])('retries HTTP %i', async (status) => {
      server.requests.length = 0;
      server.reply = () => (server.requests.length === 1 ? { status, body: '' } : { body: '{"ok":true}' });
      const { sleep, delays } = recordingSleep();
      const response = await createHttpTransport({ sleep }).request({ method: 'GET', url: server.url });
      expect(response).toEqual({ status: 200, text: '{"ok":true}', json: { ok: true } });
      expect(delays).toHaveLength(1);
    });

    it.each([400, 401, 404, 500, 502])('returns HTTP %i at once', async (status) => {
      server.requests.length = 0;
      server.reply = () => ({ status, body: 'no' });
      const { sleep, delays } = recordingSleep();
      const response = await createHttpTransport({ sleep }).request({ method: 'GET', url: server.url });
      expect(response).toEqual({ status, text: 'no' });
      expect(delays).toEqual([]);
    });

    it('returns a JSON body that stays truncated once the attempts are spent', async () => {
      server.reply = () => ({ body: '{"maxCursor": 3, "da' });
      const { sleep, delays } = recordingSleep();
      const error = await expectSyncError(
        legacyClient(server.url, { sleep }).getCentralRecords(0, 1),
        'UNKNOWN',
        secretsOf(site),
      );
      expect(error.detail).toContain('response is not JSON');
      expect(error.detail).toContain('{"maxCursor": 3, "da');
      expect(delays).toHaveLength(3);
    });
  });

  describe('connect timeout', () => {
    let silent: Server;
    const sockets = new Set<Socket>();
    beforeAll(async () => {
      // Accepts TCP but never speaks: a TLS handshake against it never completes.
      silent = createServer((socket) => sockets.add(socket));
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    });
    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    });

    it('gives up on a connection not up in time, and retries it', async () => {
      const { port } = silent.address() as AddressInfo;
      const { sleep, delays } = recordingSleep();
      const started = Date.now();
      const error = await expectSyncError(
        legacyClient(`https://127.0.0.1:${port}`, { sleep, connectTimeoutMs: 200 }).getSiteInfo(),
        'CONNECTION_ERROR',
        secretsOf(site),
      );
      expect(error.detail).toContain('ETIMEDOUT: connect timed out after 200 ms (4 attempts)');
      expect(delays).toHaveLength(3);
      expect(Date.now() - started).toBeLessThan(3000);
    });
  });
});
