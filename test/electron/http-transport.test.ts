// The preference "Use js node HTTP client" picks the stack per request.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { net, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { createPreferredTransport } = await import('../../electron/http-transport');

let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((_request, response) => response.end('pong'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ping`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the preferred HTTP transport', () => {
  beforeEach(resetFakeElectron);

  it('follows the preference from one request to the next', async () => {
    let useNode = true;
    const transport = createPreferredTransport(() => useNode);
    expect(await transport.request({ method: 'GET', url })).toEqual({ status: 200, text: 'pong' });
    expect(net.fetch).not.toHaveBeenCalled();
    useNode = false;
    expect(await transport.request({ method: 'GET', url })).toEqual({ status: 200, text: 'pong' });
    expect(net.fetch).toHaveBeenCalledOnce();
    useNode = true;
    await transport.request({ method: 'GET', url });
    expect(net.fetch).toHaveBeenCalledOnce();
  });
});
