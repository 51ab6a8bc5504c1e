// docs/REFERENCE-CENTRAL.md "Faults": the admin HTTP API injects failures for the next `count`
// matching requests, then the central answers normally again.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  addFault,
  addSite,
  adminHttp,
  clearFaults,
  startCentral,
  v5,
  type Central,
  type HttpResult,
  type TestSite,
  ADMIN_HEAVY,
} from './harness';

let central: Central;
let site: TestSite;

beforeAll(async () => {
  central = await startCentral({ adminToken: 'conformance-admin-token' });
  site = await addSite(central);
}, ADMIN_HEAVY.timeout);

afterEach(async () => {
  await clearFaults(central);
});

afterAll(async () => {
  await central?.dispose();
});

const getSite = (): Promise<HttpResult> => v5(central.legacyUrl, 'GET', '/sync/v5/site', site);
const getStatus = (): Promise<HttpResult> => v5(central.legacyUrl, 'GET', '/sync/v5/site_status', site);

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

describe('admin API', ADMIN_HEAVY, () => {
  it('uses the token given with --admin-token', () => {
    expect(central.adminToken).toBe('conformance-admin-token');
  });

  it('answers 404 without the token or with a wrong one', async () => {
    for (const token of [null, 'wrong-token', '']) {
      const list = await adminHttp(central, 'GET', '/admin/faults', undefined, token);
      expect(list.status).toBe(404);
      const add = await adminHttp(central, 'POST', '/admin/faults', { route: '*', kind: 'http500' }, token);
      expect(add.status).toBe(404);
    }
    // Nothing was injected by the refused calls.
    expect((await getSite()).status).toBe(200);
  });

  it('adds, lists and clears faults', async () => {
    const added = await adminHttp(central, 'POST', '/admin/faults', {
      route: '/sync/v5/site',
      kind: 'latency',
      ms: 10,
      count: 3,
    });
    expect(added.status).toBeGreaterThanOrEqual(200);
    expect(added.status).toBeLessThan(300);
    const { id } = added.json as { id: string };
    expect(id).toBeTypeOf('string');
    const listed = await adminHttp(central, 'GET', '/admin/faults');
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.json)).toContain(id);
    const cleared = await adminHttp(central, 'DELETE', '/admin/faults');
    expect(cleared.status).toBeGreaterThanOrEqual(200);
    expect(cleared.status).toBeLessThan(300);
    expect(JSON.stringify((await adminHttp(central, 'GET', '/admin/faults')).json)).not.toContain(id);
  });

  it('refuses count 0 and an unknown kind', async () => {
    const zero = await adminHttp(central, 'POST', '/admin/faults', { route: '*', kind: 'http500', count: 0 });
    expect(zero.status).toBeGreaterThanOrEqual(400);
    expect(zero.status).toBeLessThan(500);
    const unknown = await adminHttp(central, 'POST', '/admin/faults', { route: '*', kind: 'meteor' });
    expect(unknown.status).toBeGreaterThanOrEqual(400);
    expect(unknown.status).toBeLessThan(500);
    expect((await getSite()).status).toBe(200);
  });
});

describe('injected faults', ADMIN_HEAVY, () => {
  it('http500: HTTP 500 internal_error for `count` requests, then normal', async () => {
    await addFault(central, { route: '/sync/v5/site', kind: 'http500', count: 2 });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const result = await getSite();
      expect(result.status).toBe(500);
      expect(result.json).toEqual({
        error: { code: 'internal_error', message: 'Injected fault: internal server error', data: null },
      });
    }
    expect((await getSite()).status).toBe(200);
  });

  it('http503: HTTP 503 sync_is_running, then normal', async () => {
    await addFault(central, { route: '/sync/v5/site', kind: 'http503' });
    const result = await getSite();
    expect(result.status).toBe(503);
    expect(result.json).toEqual({
      error: { code: 'sync_is_running', message: 'Sync is already running - try again later', data: null },
    });
    expect((await getSite()).status).toBe(200);
  });

  it('matches the route exactly and the method when given', async () => {
    await addFault(central, { route: '/sync/v5/site', method: 'POST', kind: 'http500' });
    await addFault(central, { route: '/sync/v5/site_status', kind: 'http503' });
    expect((await getSite()).status).toBe(200);
    expect((await getStatus()).status).toBe(503);
    expect((await getStatus()).status).toBe(200);
  });

  it('matches a route with a query string by its path, and "*" matches every route', async () => {
    await addFault(central, { route: '/sync/v5/central_records', kind: 'http500' });
    const records = await v5(central.legacyUrl, 'GET', '/sync/v5/central_records?cursor=0&limit=5', site);
    expect(records.status).toBe(500);
    await addFault(central, { route: '*', kind: 'http503', count: 2 });
    expect((await getSite()).status).toBe(503);
    expect((await getStatus()).status).toBe(503);
    expect((await getSite()).status).toBe(200);
  });

  it('latency: the answer arrives `ms` later, then at normal speed', async () => {
    const baseline = await timed(getSite);
    await addFault(central, { route: '/sync/v5/site', kind: 'latency', ms: 1200 });
    const slow = await timed(getSite);
    expect(slow.result.status).toBe(200);
    expect(slow.ms).toBeGreaterThanOrEqual(1150);
    expect(slow.result.json).toEqual(baseline.result.json);
    const fast = await timed(getSite);
    expect(fast.result.status).toBe(200);
    expect(fast.ms).toBeLessThan(1000);
  });

  it('reset: the client sees a socket error, then the next request is normal', async () => {
    await addFault(central, { route: '/sync/v5/site', kind: 'reset' });
    await expect(getSite()).rejects.toThrow();
    expect((await getSite()).status).toBe(200);
  });

  it('truncated: HTTP 200 with the first part of the JSON only, then normal', async () => {
    const normal = await getSite();
    await addFault(central, { route: '/sync/v5/site', kind: 'truncated' });
    const truncated = await getSite();
    expect(truncated.status).toBe(200);
    expect(truncated.json).toBeUndefined();
    expect(truncated.text.length).toBeGreaterThan(0);
    expect(truncated.text.length).toBeLessThan(normal.text.length);
    expect(normal.text.startsWith(truncated.text)).toBe(true);
    const again = await getSite();
    expect(again.status).toBe(200);
    expect(again.json).toEqual(normal.json);
  });
});
