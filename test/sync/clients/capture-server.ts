// A tiny HTTP server that records what a client sent and answers what the test scripts, gzipped
// when asked; plus a port that refuses connections.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

export interface CapturedRequest {
  method: string;
  /** Path and query. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface ScriptedReply {
  status?: number;
  body?: string;
  contentType?: string;
  gzip?: boolean;
}

export interface CaptureServer {
  url: string;
  requests: CapturedRequest[];
  /** Answers each request; the default is 200 `{}`. */
  reply: (request: CapturedRequest) => ScriptedReply;
  close(): Promise<void>;
}

export async function startCaptureServer(): Promise<CaptureServer> {
  const capture: Omit<CaptureServer, 'url' | 'close'> = { requests: [], reply: () => ({ body: '{}' }) };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const captured = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      capture.requests.push(captured);
      const reply = capture.reply(captured);
      const raw = Buffer.from(reply.body ?? '');
      const headers: Record<string, string> = { 'content-type': reply.contentType ?? 'application/json' };
      if (reply.gzip) headers['content-encoding'] = 'gzip';
      response.writeHead(reply.status ?? 200, headers);
      response.end(reply.gzip ? gzipSync(raw) : raw);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(capture, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** The URL of a loopback port nothing listens on (taken, then released). */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
