// Browser mode (PRODUCT.md §2): the contract over HTTP on 127.0.0.1 only, guarded by a random
// per-launch token, plus the built renderer. The protocol, which the renderer's HTTP transport
// speaks:
//   POST /api/<operation>   body: JSON input (empty = none), header x-satellite-sync-token: <token>
//                           → 200 Outcome JSON; 401 {"error":"unauthorized"}; 404 unknown
//                           operation; 405 not POST; 400 body not JSON; 413 body over 1 MiB
//   GET  /api/events?token=<token>  → text/event-stream: `event: <name>\ndata: <json>\n\n` per
//                           event, `: ping` every 15 s
//   GET  anything else      → the renderer (index.html for routes), 503 when it is not built
// Every answer carries a strict CSP; a Host other than 127.0.0.1:<port> or localhost:<port> gets 403.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppService } from './app-service';
import { streamEvents } from './browser-events';
import { TOKEN_HEADER, isAllowedHost, isValidToken, newToken, setSecurityHeaders } from './browser-security';
import { serveRenderer } from './browser-static';
import { dispatch, isOperationName } from './dispatch';

export const MAX_BODY_BYTES = 1024 * 1024;
const API_PREFIX = '/api/';

export interface BrowserServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  rendererDir: string;
  /** Opens the service once the server's origin (for getAppInfo's serverUrl) is known. */
  openService(origin: string): Promise<AppService>;
}

export interface BrowserServer {
  /** `http://127.0.0.1:<port>/?token=<token>`: what the user opens. */
  url: string;
  origin: string;
  port: number;
  token: string;
  service: AppService;
  /** Ends event streams, stops listening and closes the service. */
  close(): Promise<void>;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}

/** The body, or undefined when it is larger than the limit (reading stops there). */
function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        request.removeAllListeners('data');
        request.pause();
        resolve(undefined);
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function parseInput(body: Buffer): { ok: true; input: unknown } | { ok: false } {
  if (body.length === 0) return { ok: true, input: undefined };
  try {
    return { ok: true, input: JSON.parse(body.toString('utf8')) };
  } catch {
    return { ok: false };
  }
}

async function handleApi(
  service: AppService,
  token: string,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  streams: Set<ServerResponse>,
): Promise<void> {
  response.setHeader('Cache-Control', 'no-store');
  const name = url.pathname.slice(API_PREFIX.length);
  const header = request.headers[TOKEN_HEADER];
  // EventSource cannot send headers: the event stream takes the token from the query.
  const supplied =
    name === 'events'
      ? (url.searchParams.get('token') ?? undefined)
      : typeof header === 'string'
        ? header
        : undefined;
  if (!isValidToken(supplied, token)) return sendJson(response, 401, { error: 'unauthorized' });
  if (name === 'events' && request.method === 'GET') {
    streams.add(response);
    response.once('close', () => streams.delete(response));
    return streamEvents(service, response);
  }
  if (!isOperationName(name)) return sendJson(response, 404, { error: 'unknown operation' });
  if (request.method !== 'POST') {
    response.setHeader('Allow', 'POST');
    return sendJson(response, 405, { error: 'method not allowed' });
  }
  const body = await readBody(request);
  if (!body) {
    response.setHeader('Connection', 'close');
    return sendJson(response, 413, { error: 'request body too large' });
  }
  const parsed = parseInput(body);
  if (!parsed.ok) return sendJson(response, 400, { error: 'request body is not JSON' });
  sendJson(response, 200, await dispatch(service, name, parsed.input));
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Loopback only, never another interface (PRODUCT.md §2).
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = newToken();
  const streams = new Set<ServerResponse>();
  let service: AppService | undefined;
  let port = 0;
  const route = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    setSecurityHeaders(response);
    if (!isAllowedHost(request, port)) return sendJson(response, 403, { error: 'forbidden host' });
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith(API_PREFIX)) {
      if (!service) return sendJson(response, 503, { error: 'starting' });
      return handleApi(service, token, request, response, url, streams);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendJson(response, 405, { error: 'method not allowed' });
    }
    return serveRenderer(request, response, options.rendererDir, url.pathname);
  };
  const server = createServer((request, response) => {
    route(request, response).catch(() =>
      response.headersSent ? response.destroy() : sendJson(response, 500, { error: 'internal' }),
    );
  });
  port = await listen(server, options.port ?? 0);
  const origin = `http://127.0.0.1:${port}`;
  try {
    service = await options.openService(origin);
  } catch (error) {
    server.close();
    throw error;
  }
  const opened = service;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    service: opened,
    close: async () => {
      for (const stream of streams) stream.end();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await opened.close();
    },
  };
}
