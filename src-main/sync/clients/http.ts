// The HTTP transport of both sync APIs: axios with gzip, raw text bodies, our own status handling,
// and bounded retries with back-off. The adapter is pluggable so the Electron shell can route
// requests through its own network stack.
import axios, { AxiosHeaders, getAdapter, type AxiosAdapter } from 'axios';
import { SyncError } from '../errors';
import { sleep as pause } from '../sleep';
import { DEFAULT_CONNECT_TIMEOUT_MS, connectTimeoutAgents } from './connect-timeout';
import {
  DEFAULT_RETRY_POLICY,
  abortable,
  backoffDelayMs,
  isRetryableError,
  isRetryableStatus,
  type RetryPolicy,
} from './retry';

/** Per attempt: the response (its headers at least) must start within this, and never stall longer. */
export const DEFAULT_TIMEOUT_MS = 60_000;

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  /** Sent as compact JSON; no Content-Type is added unless `headers` has one. */
  body?: unknown;
  /** Appended in this order. */
  query?: Record<string, string | number>;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  text: string;
  /** The body parsed once here, when it is whole JSON; the clients reuse it instead of parsing again. */
  json?: unknown;
}

export interface HttpTransport {
  /**
   * Answers with whatever status the server gave once retries are spent; throws a SyncError
   * CONNECTION_ERROR when no whole response came, or the signal's reason when aborted.
   */
  request(request: HttpRequest): Promise<HttpResponse>;
}

export interface HttpTransportOptions {
  adapter?: AxiosAdapter;
  retry?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Only the default (Node) adapter honours it. */
  connectTimeoutMs?: number;
}

type Attempt =
  | { kind: 'response'; response: HttpResponse; retry: boolean }
  | { kind: 'failure'; reason: string; retry: boolean };

/** The request as support may see it: no credentials even if the URL carried some. */
export function describeRequest(method: string, url: URL): string {
  const shown = new URL(url);
  shown.username = '';
  shown.password = '';
  return `${method} ${shown.href}`;
}

/** The URL a request goes to, its query appended. */
export function requestUrl(url: string, query: HttpRequest['query']): URL {
  const full = new URL(url);
  for (const [name, value] of Object.entries(query ?? {})) full.searchParams.append(name, String(value));
  return full;
}

/**
 * Parses a JSON body once. A whole HTTP response whose JSON stops short is truncated: a proxy or a
 * dropped link cut the body, so it is worth another attempt.
 */
function parseBody(
  status: number,
  contentType: string,
  text: string,
): { json?: unknown; truncated: boolean } {
  if (text === '' || !/\bjson\b/i.test(contentType)) return { truncated: false };
  try {
    return { json: JSON.parse(text) as unknown, truncated: false };
  } catch {
    // An error status with a broken body is an answer of its own; only a 2xx promised a whole one.
    return { truncated: status >= 200 && status <= 299 };
  }
}

export function createHttpTransport(options: HttpTransportOptions = {}): HttpTransport {
  const policy = options.retry ?? DEFAULT_RETRY_POLICY;
  const sleep = options.sleep ?? pause;
  const random = options.random ?? Math.random;
  const client = axios.create({
    adapter: options.adapter ?? getAdapter('http'),
    ...connectTimeoutAgents(options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS),
    responseType: 'text',
    responseEncoding: 'utf8',
    // Bodies go out as the string we made and come back as the text we parse, untouched.
    transformRequest: [(data: unknown) => data],
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    decompress: true,
    // A redirected POST would turn into a GET; a redirect is reported, not followed.
    maxRedirects: 0,
    transitional: { clarifyTimeoutError: true },
  });

  async function attempt(request: HttpRequest, url: URL): Promise<Attempt> {
    const headers = new AxiosHeaders({ ...request.headers });
    headers.set('Accept-Encoding', 'gzip');
    // axios would otherwise label every POST as a form; v5 sends no Content-Type at all.
    if (!headers.has('Content-Type')) headers.set('Content-Type', false);
    try {
      const response = await client.request<string>({
        method: request.method,
        url: url.href,
        headers,
        data: request.body === undefined ? undefined : JSON.stringify(request.body),
        timeout: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        signal: request.signal,
      });
      const text = typeof response.data === 'string' ? response.data : '';
      const body = parseBody(response.status, String(response.headers['content-type'] ?? ''), text);
      return {
        kind: 'response',
        response: { status: response.status, text, json: body.json },
        retry: isRetryableStatus(response.status) || body.truncated,
      };
    } catch (error) {
      if (request.signal?.aborted) throw request.signal.reason;
      const failure = error as { code?: string; message?: string };
      const reason = [failure.code, failure.message].filter(Boolean).join(': ') || String(error);
      return { kind: 'failure', reason, retry: isRetryableError({ code: failure.code, message: reason }) };
    }
  }

  return {
    async request(request) {
      const url = requestUrl(request.url, request.query);
      for (let attempts = 1; ; attempts += 1) {
        request.signal?.throwIfAborted();
        const outcome = await attempt(request, url);
        const final = !outcome.retry || attempts >= policy.attempts;
        if (final && outcome.kind === 'response') return outcome.response;
        if (final && outcome.kind === 'failure') {
          const tries = attempts === 1 ? '' : ` (${attempts} attempts)`;
          throw new SyncError(
            'CONNECTION_ERROR',
            `${describeRequest(request.method, url)}: ${outcome.reason}${tries}`,
          );
        }
        await abortable(sleep(backoffDelayMs(attempts, policy, random)), request.signal);
      }
    },
  };
}
