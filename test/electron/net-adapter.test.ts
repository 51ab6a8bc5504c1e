// The Chromium-stack adapter, exercised against a real local HTTP server. Electron's net.fetch is
// stood in for by Node's fetch (same API); what differs in Electron (proxy, OS trust store,
// redirects refused rather than returned) needs the real binary.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHttpTransport } from '../../src-main/sync/clients/http';
import { SyncError } from '../../src-main/sync/errors';
import { net, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { createNetAdapter } = await import('../../electron/net-adapter');

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}
let server: Server;
let base: string;
const seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      seen.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      if (request.url?.startsWith('/gzip')) {
        response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
        response.end(gzipSync(JSON.stringify({ records: ['é', 'ü'] })));
      } else if (request.url?.startsWith('/fail')) {
        response.writeHead(500, { 'Content-Type': 'application/json' });
        response.end('{"error":"boom"}');
      } else if (request.url?.startsWith('/slow')) {
        setTimeout(() => response.end('late'), 2_000);
      } else {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end('{"ok":true}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const transport = () =>
  createHttpTransport({ adapter: createNetAdapter(), retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 } });

describe('the net.fetch adapter', () => {
  beforeEach(() => {
    resetFakeElectron();
    seen.length = 0;
  });

  it('sends requests through net.fetch with their headers and query', async () => {
    const response = await transport().request({
      method: 'GET',
      url: `${base}/sync/v5/site`,
      headers: { Authorization: 'Basic c2l0ZTpoYXNo', 'msupply-site-uuid': 'HW-1' },
      query: { cursor: 5, limit: 100 },
    });
    expect(response).toEqual({ status: 200, text: '{"ok":true}', json: { ok: true } });
    expect(net.fetch).toHaveBeenCalledOnce();
    expect(seen[0]).toMatchObject({
      method: 'GET',
      url: '/sync/v5/site?cursor=5&limit=100',
      headers: { authorization: 'Basic c2l0ZTpoYXNo', 'msupply-site-uuid': 'HW-1' },
    });
  });

  it('posts the exact JSON text without inventing a Content-Type', async () => {
    await transport().request({ method: 'POST', url: `${base}/push`, body: { data: [1, 'two'] } });
    expect(seen[0]).toMatchObject({ method: 'POST', body: '{"data":[1,"two"]}' });
    expect(seen[0]?.headers['content-type']).toBeUndefined();
  });

  it('leaves compression to the network stack and reads gzip bodies as text', async () => {
    const response = await transport().request({ method: 'GET', url: `${base}/gzip` });
    expect(JSON.parse(response.text)).toEqual({ records: ['é', 'ü'] });
    // The stack's own Accept-Encoding, not the 'gzip' the Node transport sets itself.
    expect(seen[0]?.headers['accept-encoding']).not.toBe('gzip');
  });

  it('returns error statuses as answers', async () => {
    expect(await transport().request({ method: 'GET', url: `${base}/fail` })).toEqual({
      status: 500,
      text: '{"error":"boom"}',
      json: { error: 'boom' },
    });
  });

  it('reports an unreachable server and a timeout as connection errors', async () => {
    await expect(transport().request({ method: 'GET', url: 'http://127.0.0.1:9/' })).rejects.toMatchObject({
      code: 'CONNECTION_ERROR',
    });
    const timedOut = transport().request({ method: 'GET', url: `${base}/slow`, timeoutMs: 200 });
    await expect(timedOut).rejects.toBeInstanceOf(SyncError);
  });
});
