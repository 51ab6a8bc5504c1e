import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '../../renderer/src/api';
import { createHttpApi, TOKEN_HEADER } from '../../renderer/src/api/http';
import { takeTokenFromLocation, TOKEN_STORAGE_KEY } from '../../renderer/src/api/token';
import { status } from './helpers';

const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json' },
    ...init,
  });

/** A stand-in EventSource the test drives by hand. */
class FakeEventSource extends EventTarget {
  static last: FakeEventSource | null = null;
  closed = false;
  constructor(readonly url: string) {
    super();
    FakeEventSource.last = this;
  }
  close() {
    this.closed = true;
  }
  send(event: string, data: unknown) {
    this.dispatchEvent(new MessageEvent(event, { data: JSON.stringify(data) }));
  }
}

afterEach(() => {
  vi.useRealTimers();
  window.history.replaceState(null, '', '/');
});

describe('the browser-mode HTTP transport', () => {
  it('POSTs /api/<operation> with a JSON body and the token header, and returns the Outcome', async () => {
    const fetch = vi.fn(async () => json({ ok: true, value: { minutes: 5 } }));
    const api = createHttpApi({ token: 'tok-1', fetch, EventSource: null });

    const outcome = await api.setSyncInterval({ minutes: 5 });

    expect(outcome).toEqual({ ok: true, value: { minutes: 5 } });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/setSyncInterval');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)[TOKEN_HEADER]).toBe('tok-1');
    expect(JSON.parse(init.body as string)).toEqual({ minutes: 5 });
  });

  it('passes error Outcomes through and turns transport failures into errors', async () => {
    const refused = { ok: false, error: { code: 'LOCKED', message: 'Unlock first' } };
    const fetch = vi
      .fn<typeof globalThis.fetch>()
      .mockResolvedValueOnce(json(refused, { status: 403 }))
      .mockResolvedValueOnce(new Response('nope', { status: 401 }))
      .mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const api = createHttpApi({ token: 't', fetch, EventSource: null });

    expect(await api.setProtectedPreferences({})).toEqual(refused);
    expect(await api.getStatus()).toMatchObject({ ok: false, error: { code: 'UNAUTHORISED' } });
    expect(await api.getStatus()).toMatchObject({ ok: false, error: { code: 'TRANSPORT_ERROR' } });
  });

  it('delivers Server-Sent Events by name, and stops listening when the last listener leaves', async () => {
    const api = createHttpApi({ token: 'a b', fetch: vi.fn(), EventSource: FakeEventSource as never });
    const statuses: unknown[] = [];
    const prefs: unknown[] = [];
    const offStatus = api.on('statusChanged', (value) => statuses.push(value));
    const offPrefs = api.on('preferencesChanged', (value) => prefs.push(value));
    const source = FakeEventSource.last!;
    expect(source.url).toBe('/api/events?token=a%20b');

    const sent = status({ recordsWaitingToPush: 3 });
    source.send('statusChanged', sent);
    source.send('preferencesChanged', { locked: false });
    expect(statuses).toEqual([sent]);
    expect(prefs).toEqual([{ locked: false }]);

    offStatus();
    expect(source.closed).toBe(false);
    offPrefs();
    expect(source.closed).toBe(true);
  });

  it('polls getStatus every 2 s while the event stream is down, and stops when it is back', async () => {
    vi.useFakeTimers();
    const fetch = vi.fn(async () => json({ ok: true, value: status({ recordsWaitingToPush: 1 }) }));
    const api = createHttpApi({ token: 't', fetch, EventSource: FakeEventSource as never });
    const received: unknown[] = [];
    api.on('statusChanged', (value) => received.push(value));
    const source = FakeEventSource.last!;
    expect(fetch).not.toHaveBeenCalled();

    source.dispatchEvent(new Event('error'));
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(4000);
    expect(fetch).toHaveBeenCalledTimes(3);
    expect((fetch.mock.calls[0] as unknown as [string])[0]).toBe('/api/getStatus');
    expect(received).toHaveLength(3);

    source.dispatchEvent(new Event('open'));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('polls from the start when the page has no EventSource', async () => {
    vi.useFakeTimers();
    const fetch = vi.fn(async () => json({ ok: true, value: status() }));
    const api = createHttpApi({ token: 't', fetch, EventSource: null });
    const off = api.on('statusChanged', () => undefined);
    await vi.advanceTimersByTimeAsync(2000);
    expect(fetch).toHaveBeenCalledTimes(2);
    off();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});

describe('the browser-mode token', () => {
  it('is taken from ?token=, kept in sessionStorage and removed from the address bar', () => {
    window.history.replaceState(null, '', '/index.html?token=secret-123&lang=fr#/sync');
    expect(takeTokenFromLocation()).toBe('secret-123');
    expect(window.sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe('secret-123');
    expect(window.location.search).toBe('?lang=fr');
    expect(window.location.hash).toBe('#/sync');
    // A reload (no token in the URL any more) still finds it.
    expect(takeTokenFromLocation()).toBe('secret-123');
  });

  it('createApi prefers the Electron preload bridge when present', () => {
    const bridge = { on: () => () => undefined } as never;
    window.satelliteSync = bridge;
    try {
      expect(createApi()).toBe(bridge);
    } finally {
      delete window.satelliteSync;
    }
  });
});
