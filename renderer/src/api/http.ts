// Browser mode: the same contract over loopback HTTP. Every call is `POST /api/<operation>` with a JSON
// body and the per-launch token in `x-satellite-sync-token`; the answer is the operation's JSON Outcome.
// Events arrive over Server-Sent Events (`GET /api/events?token=`); when that stream fails, status is
// polled every 2 s until it comes back.
import {
  OPERATION_NAMES,
  type ContractError,
  type EventName,
  type EventPayloads,
  type OperationName,
  type Outcome,
  type SatelliteSyncApi,
} from '@contract/operations';

export const TOKEN_HEADER = 'x-satellite-sync-token';
export const POLL_INTERVAL_MS = 2000;

export interface HttpTransportOptions {
  token: string;
  /** Origin-relative by default (`/api/...`); tests pass their own. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** `null` disables SSE (polling only). */
  EventSource?: typeof EventSource | null;
  pollIntervalMs?: number;
}

type Listener = (payload: never) => void;

function transportError(code: string, detail: string): ContractError {
  return { code, message: 'Cannot reach the Satellite Sync service', detail };
}

export function createHttpApi(options: HttpTransportOptions): SatelliteSyncApi {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const EventSourceImpl =
    options.EventSource === undefined ? (globalThis.EventSource ?? null) : options.EventSource;
  const pollEvery = options.pollIntervalMs ?? POLL_INTERVAL_MS;

  async function call(name: OperationName, input: unknown): Promise<Outcome<unknown>> {
    let response: Response;
    try {
      response = await doFetch(`${base}/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: options.token },
        body: JSON.stringify(input ?? {}),
      });
    } catch (error) {
      return { ok: false, error: transportError('TRANSPORT_ERROR', String(error)) };
    }
    try {
      const outcome = (await response.json()) as Outcome<unknown>;
      if (outcome && typeof outcome === 'object' && 'ok' in outcome) return outcome;
    } catch {
      // Not JSON: fall through to an error that names the HTTP status.
    }
    const code = response.status === 401 || response.status === 403 ? 'UNAUTHORISED' : 'TRANSPORT_ERROR';
    return { ok: false, error: transportError(code, `HTTP ${response.status} from /api/${name}`) };
  }

  const listeners: { [Name in EventName]: Set<(payload: EventPayloads[Name]) => void> } = {
    statusChanged: new Set(),
    preferencesChanged: new Set(),
  };
  let source: EventSource | null = null;
  let pollTimer: ReturnType<typeof setInterval> | null = null;

  const emit = <Name extends EventName>(event: Name, payload: EventPayloads[Name]): void => {
    for (const listener of listeners[event]) listener(payload);
  };

  async function pollOnce(): Promise<void> {
    const outcome = await call('getStatus', {});
    if (outcome.ok) emit('statusChanged', outcome.value as EventPayloads['statusChanged']);
  }

  function startPolling(): void {
    if (pollTimer !== null) return;
    pollTimer = setInterval(() => void pollOnce(), pollEvery);
    void pollOnce();
  }

  function stopPolling(): void {
    if (pollTimer === null) return;
    clearInterval(pollTimer);
    pollTimer = null;
  }

  function connect(): void {
    if (source || pollTimer !== null) return;
    if (!EventSourceImpl) {
      startPolling();
      return;
    }
    source = new EventSourceImpl(`${base}/api/events?token=${encodeURIComponent(options.token)}`);
    for (const event of Object.keys(listeners) as EventName[]) {
      source.addEventListener(event, (message) => {
        try {
          emit(event, JSON.parse((message as MessageEvent<string>).data));
        } catch {
          // A malformed event is dropped; the next one (or the poll) carries the state again.
        }
      });
    }
    // The browser reconnects by itself; poll meanwhile, and stop once the stream is open again.
    source.addEventListener('error', startPolling);
    source.addEventListener('open', stopPolling);
  }

  function disconnectIfIdle(): void {
    if (listeners.statusChanged.size + listeners.preferencesChanged.size > 0) return;
    source?.close();
    source = null;
    stopPolling();
  }

  const api = {
    on<Name extends EventName>(event: Name, listener: (payload: EventPayloads[Name]) => void) {
      (listeners[event] as Set<Listener>).add(listener as Listener);
      connect();
      return () => {
        (listeners[event] as Set<Listener>).delete(listener as Listener);
        disconnectIfIdle();
      };
    },
  } as Partial<SatelliteSyncApi>;
  for (const name of OPERATION_NAMES) {
    (api as Record<string, unknown>)[name] = (input?: unknown) => call(name, input);
  }
  return api as SatelliteSyncApi;
}
