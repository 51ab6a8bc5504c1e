// Request/response plumbing shared by the v5, v6 and admin routes: bodies, replies, gzip.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { constants, gzipSync } from 'node:zlib';

/** Bodies over this size are refused with 413, as the Open mSupply central's JSON limit does. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface Reply {
  status: number;
  /** JSON body; `text` wins when both are set. */
  json?: unknown;
  /** A JSON body already serialised (see peekQueueJson). */
  jsonText?: string;
  text?: string;
  headers?: Record<string, string>;
}

export interface RequestContext {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** A reply raised from deep inside a handler (auth failures, bad bodies). */
export class ReplyError extends Error {
  constructor(readonly reply: Reply) {
    super(`HTTP ${reply.status}`);
  }
}

export function json(status: number, body: unknown): Reply {
  return { status, json: body };
}

export function text(status: number, body: string, headers?: Record<string, string>): Reply {
  return { status, text: body, headers };
}

export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new ReplyError(text(413, 'Payload too large'));
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Parses a JSON body whatever its Content-Type (the v5 client sends none). */
export function parseJsonBody(context: RequestContext): unknown {
  try {
    return JSON.parse(context.body.toString('utf8') || 'null');
  } catch {
    return undefined;
  }
}

export interface EncodedReply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Serialises a reply, gzip-compressed when the client accepts it. */
export function encodeReply(reply: Reply, acceptEncoding: string | undefined): EncodedReply {
  const isText = reply.text !== undefined;
  const raw = Buffer.from(
    isText
      ? (reply.text as string)
      : (reply.jsonText ?? (reply.json === undefined ? '' : JSON.stringify(reply.json))),
  );
  const headers: Record<string, string> = {
    'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json',
    ...reply.headers,
  };
  const gzip = raw.length > 0 && /\bgzip\b/i.test(acceptEncoding ?? '');
  // Fastest level: on loopback the compression is pure cost, and any level is valid gzip.
  const body = gzip ? gzipSync(raw, { level: constants.Z_BEST_SPEED }) : raw;
  if (gzip) headers['content-encoding'] = 'gzip';
  if (reply.json === undefined && reply.jsonText === undefined && !isText) delete headers['content-type'];
  headers['content-length'] = String(body.length);
  return { status: reply.status, headers, body };
}

export function send(response: ServerResponse, encoded: EncodedReply): void {
  response.writeHead(encoded.status, encoded.headers);
  response.end(encoded.body);
}
