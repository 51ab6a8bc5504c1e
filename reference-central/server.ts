// The HTTP front of the reference central: routing, fault injection, gzip, one or two listeners.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleAdmin } from './admin-api';
import type { CentralContext } from './context';
import type { Database } from './database';
import { FaultRegistry, sleep } from './faults';
import {
  ReplyError,
  encodeReply,
  json,
  readBody,
  send,
  text,
  type Reply,
  type RequestContext,
} from './http-kit';
import { IntegrationTracker } from './integration';
import { V5Authenticator } from './v5/auth';
import { V5_ROUTES, handleV5 } from './v5/routes';
import { NOT_A_CENTRAL_REPLY, V6_ROUTES } from './v6/routes';

export interface CentralServerOptions {
  db: Database;
  port: number;
  /** A second listener for the v6 API only; without it v6 is served on `port`. */
  omsPort?: number;
  adminToken: string;
  v6Enabled?: boolean;
}

export interface RunningCentral {
  legacyUrl: string;
  omsUrl: string;
  context: CentralContext;
  close(): Promise<void>;
}

async function route(
  central: CentralContext,
  adminToken: string,
  request: RequestContext,
  servesV5: boolean,
): Promise<Reply> {
  const key = `${request.method} ${request.path}`;
  if (request.path.startsWith('/admin/')) return handleAdmin(central, adminToken, request);
  if (request.path.startsWith('/central/')) {
    if (!central.v6Enabled || central.faults.isV6Off()) return NOT_A_CENTRAL_REPLY;
    const handler = V6_ROUTES[key];
    return handler ? handler(central, request) : text(404, 'Not found');
  }
  const v5Handler = servesV5 ? V5_ROUTES[key] : undefined;
  return v5Handler ? handleV5(central, v5Handler, request) : text(404, 'Not found');
}

const INJECTED_500 = json(500, {
  error: { code: 'internal_error', message: 'Injected fault: internal server error', data: null },
});
const INJECTED_503 = json(503, {
  error: { code: 'sync_is_running', message: 'Sync is already running - try again later', data: null },
});

function requestHandler(central: CentralContext, adminToken: string, servesV5: boolean) {
  return async (incoming: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
    const method = incoming.method ?? 'GET';
    let reply: Reply;
    let request: RequestContext | undefined;
    try {
      request = {
        method,
        path: url.pathname,
        query: url.searchParams,
        headers: incoming.headers,
        body: await readBody(incoming),
      };
      reply = await routeWithFaults(central, adminToken, request, servesV5);
    } catch (error) {
      reply =
        error instanceof ReplyError
          ? error.reply
          : json(500, { error: { code: 'internal_error', message: (error as Error).message, data: null } });
      if (!(error instanceof ReplyError)) console.error(error);
    }
    if (response.destroyed || response.writableEnded) return;
    const acceptEncoding = incoming.headers['accept-encoding'] as string | undefined;
    const cut = request?.path.startsWith('/admin/')
      ? undefined
      : central.faults.take(['reset', 'truncated'], method, url.pathname);
    if (cut?.kind === 'reset') {
      // Promise the whole body, deliver half, then drop the connection.
      const encoded = encodeReply(reply, acceptEncoding);
      response.writeHead(encoded.status, encoded.headers);
      response.write(encoded.body.subarray(0, Math.floor(encoded.body.length / 2)), () =>
        response.socket?.destroy(),
      );
      return;
    }
    if (cut?.kind === 'truncated') {
      const whole = encodeReply(reply, undefined).body;
      const half = whole.subarray(0, Math.floor(whole.length / 2)).toString('utf8');
      reply = { status: 200, text: half, headers: { 'content-type': 'application/json' } };
    }
    send(response, encodeReply(reply, acceptEncoding));
  };
}

async function routeWithFaults(
  central: CentralContext,
  adminToken: string,
  request: RequestContext,
  servesV5: boolean,
): Promise<Reply> {
  if (!request.path.startsWith('/admin/')) {
    const fault = central.faults.take(['latency', 'http500', 'http503'], request.method, request.path);
    if (fault?.kind === 'latency') await sleep(fault.ms ?? 0);
    if (fault?.kind === 'http500') return INJECTED_500;
    if (fault?.kind === 'http503') return INJECTED_503;
  }
  return route(central, adminToken, request, servesV5);
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export async function startCentralServer(options: CentralServerOptions): Promise<RunningCentral> {
  let omsUrl = '';
  const context: CentralContext = {
    db: options.db,
    auth: new V5Authenticator(options.db),
    faults: new FaultRegistry(),
    integrations: new IntegrationTracker(),
    initialising: new Set(),
    omsUrl: () => omsUrl,
    v6Enabled: options.v6Enabled ?? true,
  };
  const servers = [createServer(requestHandler(context, options.adminToken, true))];
  const legacyPort = await listen(servers[0] as Server, options.port);
  const legacyUrl = `http://127.0.0.1:${legacyPort}`;
  omsUrl = legacyUrl;
  if (options.omsPort !== undefined) {
    const omsServer = createServer(requestHandler(context, options.adminToken, false));
    servers.push(omsServer);
    omsUrl = `http://127.0.0.1:${await listen(omsServer, options.omsPort)}`;
  }
  return {
    legacyUrl,
    omsUrl,
    context,
    close: async () => {
      await Promise.all(servers.map(closeServer));
    },
  };
}
