// When a request is worth another attempt, and how long to wait before it (PROTOCOL.md §5.1).

export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 4, baseDelayMs: 500, maxDelayMs: 8000 };

/** Statuses that say "try again later": request timeout, rate limited, busy. */
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 503]);

/**
 * Error codes of a connection that failed, timed out, or broke off mid-body (Node, axios and zlib
 * spellings). A broken gzip stream is a truncated body too.
 */
const RETRYABLE_ERROR_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EPIPE',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'ERR_STREAM_PREMATURE_CLOSE',
  'Z_BUF_ERROR',
  'Z_DATA_ERROR',
]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

export function isRetryableError(error: { code?: string; message: string }): boolean {
  if (error.code !== undefined && RETRYABLE_ERROR_CODES.has(error.code)) return true;
  return /socket hang up|aborted|unexpected end of file/i.test(error.message);
}

/** Full jitter: a uniform wait below an exponentially growing, capped ceiling (`retry` counts from 1). */
export function backoffDelayMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

/** Rejects with the signal's reason as soon as it aborts, so an injected sleep is cancellable too. */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
