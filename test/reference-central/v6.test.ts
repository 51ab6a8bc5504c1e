// PROTOCOL.md §3 and §6: the v6 (Open mSupply central) API — legacy credential check, version
// check, routing by store and `isInitialised`, push integration with its lock, and `site_status`.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  addFault,
  addSite,
  assetClassRow,
  assetRow,
  clearFaults,
  pullBody,
  seed,
  startCentral,
  storeOf,
  v5,
  v5Settings,
  v6,
  v6Pull,
  v6PullAll,
  v6SiteStatusBody,
  waitFor,
  type Central,
  type HttpResult,
  type Row,
  type TestSite,
  type V6Batch,
  type V6Record,
  ADMIN_HEAVY,
} from './harness';

let central: Central;

beforeAll(async () => {
  central = await startCentral();
}, ADMIN_HEAVY.timeout);

afterEach(async () => {
  await clearFaults(central);
});

afterAll(async () => {
  await central?.dispose();
});

function expectEnvelope(result: HttpResult): { data?: unknown; error?: unknown } {
  expect({ status: result.status, text: result.text }).toMatchObject({ status: 200 });
  const body = result.json as { data?: unknown; error?: unknown };
  expect(body).toBeTypeOf('object');
  expect(Object.keys(body).length).toBe(1);
  return body;
}

function expectOtherServerError(result: HttpResult): void {
  const body = expectEnvelope(result);
  expect(Object.keys(body)).toEqual(['error']);
  const error = body.error as { otherServerError: unknown };
  expect(Object.keys(error)).toEqual(['otherServerError']);
  expect(error.otherServerError).toBeTypeOf('string');
}

function expectBatchShape(batch: V6Batch): void {
  expect(Object.keys(batch).sort()).toEqual(['end_cursor', 'is_last_batch', 'records', 'total_records']);
  expect(Number.isInteger(batch.end_cursor)).toBe(true);
  expect(Number.isInteger(batch.total_records)).toBe(true);
  expect(batch.is_last_batch).toBeTypeOf('boolean');
  for (const entry of batch.records) {
    expect(Object.keys(entry).sort()).toEqual(['cursor', 'record']);
    expect(Number.isInteger(entry.cursor)).toBe(true);
    expect(Object.keys(entry.record).sort()).toEqual(['action', 'recordData', 'recordId', 'tableName']);
    expect(entry.record.action).toBe('Update');
  }
  const cursors = batch.records.map((entry) => entry.cursor);
  expect([...cursors].sort((a, b) => a - b)).toEqual(cursors);
}

const pull = (site: TestSite, cursor: number, batchSize: number, isInitialised: boolean) =>
  v6Pull(central, site, { cursor, batchSize, isInitialised });

/** The global end of the v6 change log (an empty pull from far ahead answers it as end_cursor). */
async function endOfLog(site: TestSite): Promise<number> {
  return (await pull(site, Number.MAX_SAFE_INTEGER, 1, true)).end_cursor;
}

function pushBody(site: TestSite, records: Row[], isLastBatch: boolean, tableName = 'asset') {
  return {
    batch: {
      end_cursor: records.length,
      total_records: records.length,
      records: records.map((row, index) => ({
        cursor: index + 1,
        record: { tableName, recordId: row.id, action: 'Update', recordData: row },
      })),
      is_last_batch: isLastBatch,
    },
    syncV5Settings: v5Settings(central.legacyUrl, site),
    syncV6Version: 5,
  };
}

async function isIntegrating(site: TestSite): Promise<boolean> {
  const body = expectEnvelope(await v6(central.omsUrl, 'site_status', v6SiteStatusBody(central, site)));
  return (body.data as { is_integrating: boolean }).is_integrating;
}

async function waitUntilIntegrated(site: TestSite): Promise<void> {
  await waitFor('v6 integration to finish', async () => !(await isIntegrating(site)), 15_000, 100);
}

const ids = (records: V6Record[]): string[] => records.map((entry) => entry.record.recordId);

describe('v6 credentials and version', ADMIN_HEAVY, () => {
  it('answers HTTP 200 {"error":{"otherServerError":…}} for a wrong password', async () => {
    const site = await addSite(central);
    const body = pullBody(
      central,
      { ...site, password: 'wrong' },
      { cursor: 0, batchSize: 10, isInitialised: true },
    );
    expectOtherServerError(await v6(central.omsUrl, 'pull', body));
    expectOtherServerError(
      await v6(central.omsUrl, 'site_status', v6SiteStatusBody(central, { ...site, password: 'x' })),
    );
  });

  it('refuses an unknown site, a wrong hardware id and a site without store as otherServerError', async () => {
    const site = await addSite(central);
    const request = { cursor: 0, batchSize: 10, isInitialised: true };
    expectOtherServerError(
      await v6(central.omsUrl, 'pull', pullBody(central, { ...site, site: 'nobody' }, request)),
    );
    expect((await v5(central.legacyUrl, 'GET', '/sync/v5/site', site)).status).toBe(200);
    const otherMachine = { ...site, hardwareId: `${site.hardwareId}-other` };
    expectOtherServerError(await v6(central.omsUrl, 'pull', pullBody(central, otherMachine, request)));
    const storeless = await addSite(central, { store: null });
    expectOtherServerError(await v6(central.omsUrl, 'pull', pullBody(central, storeless, request)));
  });

  it('binds the hardware id through the legacy check like a v5 request', async () => {
    const site = await addSite(central);
    const request = { cursor: 0, batchSize: 10, isInitialised: true };
    expect(
      expectEnvelope(await v6(central.omsUrl, 'pull', pullBody(central, site, request))).data,
    ).toBeDefined();
    const otherMachine = { ...site, hardwareId: `${site.hardwareId}-other` };
    expect((await v5(central.legacyUrl, 'GET', '/sync/v5/site', otherMachine)).status).toBe(401);
  });

  it('ignores the serverUrl the site sends', async () => {
    const site = await addSite(central);
    const body = {
      cursor: 0,
      batchSize: 10,
      isInitialised: true,
      syncV5Settings: { ...v5Settings(central.legacyUrl, site), serverUrl: 'http://127.0.0.1:9/' },
      syncV6Version: 5,
    };
    expect(Object.keys(expectEnvelope(await v6(central.omsUrl, 'pull', body)))).toEqual(['data']);
  });

  it('answers {"error":{"syncVersionMismatch":[0,5,99]}} for syncV6Version 99 on every route', async () => {
    const site = await addSite(central);
    const pullRequest = {
      ...pullBody(central, site, { cursor: 0, batchSize: 10, isInitialised: true }),
      syncV6Version: 99,
    };
    const mismatch = { error: { syncVersionMismatch: [0, 5, 99] } };
    expect(expectEnvelope(await v6(central.omsUrl, 'pull', pullRequest))).toEqual(mismatch);
    expect(
      expectEnvelope(await v6(central.omsUrl, 'push', { ...pushBody(site, [], true), syncV6Version: 99 })),
    ).toEqual(mismatch);
    expect(
      expectEnvelope(
        await v6(central.omsUrl, 'site_status', { ...v6SiteStatusBody(central, site), syncV6Version: 99 }),
      ),
    ).toEqual(mismatch);
  });

  it('accepts a request without syncV6Version (it counts as 0)', async () => {
    const site = await addSite(central);
    const { syncV6Version: _omitted, ...body } = pullBody(central, site, {
      cursor: 0,
      batchSize: 10,
      isInitialised: true,
    });
    expect(Object.keys(expectEnvelope(await v6(central.omsUrl, 'pull', body)))).toEqual(['data']);
  });
});

describe('v6 pull', ADMIN_HEAVY, () => {
  it('routes central tables to every site and store-owned rows to the owning site only', async () => {
    const siteA = await addSite(central);
    const siteB = await addSite(central);
    const start = (await endOfLog(siteA)) + 1;
    const assetClass = assetClassRow();
    const asset = assetRow(storeOf(siteA).ID);
    await seed(central.dataDir, { asset_class: [assetClass], asset: [asset] });

    const result = await v6(
      central.omsUrl,
      'pull',
      pullBody(central, siteA, { cursor: start, batchSize: 100, isInitialised: true }),
    );
    const body = expectEnvelope(result);
    expect(Object.keys(body)).toEqual(['data']);
    const batchA = body.data as V6Batch;
    expectBatchShape(batchA);
    expect(ids(batchA.records).sort()).toEqual([assetClass.id as string, asset.id as string].sort());
    expect(batchA.total_records).toBe(2);
    expect(batchA.is_last_batch).toBe(true);
    expect(batchA.end_cursor).toBe(batchA.records.at(-1)?.cursor);
    expect(batchA.records.every((entry) => entry.cursor >= start)).toBe(true);
    const byId = new Map(batchA.records.map((entry) => [entry.record.recordId, entry.record]));
    expect(byId.get(assetClass.id as string)).toEqual({
      tableName: 'asset_class',
      recordId: assetClass.id,
      action: 'Update',
      recordData: assetClass,
    });
    expect(byId.get(asset.id as string)).toEqual({
      tableName: 'asset',
      recordId: asset.id,
      action: 'Update',
      recordData: asset,
    });

    const batchB = await pull(siteB, start, 100, true);
    expectBatchShape(batchB);
    expect(ids(batchB.records)).toEqual([assetClass.id]);
    expect(batchB.total_records).toBe(1);
    expect(batchB.end_cursor).toBe(batchB.records[0]?.cursor);
    expect(ids(await v6PullAll(central, siteB, false, start))).toEqual([assetClass.id]);
  });

  it('uses an inclusive cursor, batchSize, total_records and is_last_batch', async () => {
    const site = await addSite(central);
    const start = (await endOfLog(site)) + 1;
    const classes = [assetClassRow(), assetClassRow(), assetClassRow()];
    await seed(central.dataDir, { asset_class: classes });

    const all = await pull(site, start, 100, true);
    expect(all.records).toHaveLength(3);
    const [first, second, third] = all.records as [V6Record, V6Record, V6Record];

    const one = await pull(site, start, 1, true);
    expectBatchShape(one);
    expect(one.records).toEqual([first]);
    expect(one.total_records).toBe(3);
    expect(one.is_last_batch).toBe(false);
    expect(one.end_cursor).toBe(first.cursor);

    const fromSecond = await pull(site, second.cursor, 1, true);
    expect(fromSecond.records).toEqual([second]);
    expect(fromSecond.total_records).toBe(2);
    expect(fromSecond.is_last_batch).toBe(false);

    const afterSecond = await pull(site, second.cursor + 1, 1, true);
    expect(afterSecond.records).toEqual([third]);
    expect(afterSecond.total_records).toBe(1);
    expect(afterSecond.is_last_batch).toBe(true);

    const pastEnd = await pull(site, third.cursor + 1, 10, true);
    expectBatchShape(pastEnd);
    expect(pastEnd.records).toEqual([]);
    expect(pastEnd.total_records).toBe(0);
    expect(pastEnd.is_last_batch).toBe(true);
    expect(pastEnd.end_cursor).toBeGreaterThanOrEqual(third.cursor);
  });

  it('answers an empty batch with end_cursor = the global end of the change log', async () => {
    const siteA = await addSite(central);
    const siteB = await addSite(central);
    const start = (await endOfLog(siteA)) + 1;
    await seed(central.dataDir, { asset: [assetRow(storeOf(siteA).ID), assetRow(storeOf(siteA).ID)] });
    const forA = await pull(siteA, start, 10, true);
    expect(forA.records).toHaveLength(2);
    const forB = await pull(siteB, start, 10, true);
    expect(forB).toEqual({ end_cursor: forA.end_cursor, total_records: 0, records: [], is_last_batch: true });
  });

  it('gives an edited record a new cursor and drops the old entry', async () => {
    const site = await addSite(central);
    const start = (await endOfLog(site)) + 1;
    const assetClass = assetClassRow();
    const other = assetClassRow();
    await seed(central.dataDir, { asset_class: [assetClass, other] });
    const renamed = { ...assetClass, name: 'Renamed class' };
    await seed(central.dataDir, { asset_class: [renamed] });
    const records = (await pull(site, start, 100, true)).records;
    expect(ids(records)).toEqual([other.id, assetClass.id]);
    expect(records[1]?.record.recordData).toEqual(renamed);
  });
});

describe('v6 push and integration', ADMIN_HEAVY, () => {
  it('answers {data:{records_pushed}} and returns the pushed record only to its site with isInitialised false', async () => {
    const siteA = await addSite(central);
    const siteB = await addSite(central);
    const start = (await endOfLog(siteA)) + 1;
    const pushed = assetRow(storeOf(siteA).ID);

    const result = await v6(central.omsUrl, 'push', pushBody(siteA, [pushed], true));
    expect(expectEnvelope(result)).toEqual({ data: { records_pushed: 1 } });
    await waitUntilIntegrated(siteA);
    const status = expectEnvelope(await v6(central.omsUrl, 'site_status', v6SiteStatusBody(central, siteA)));
    expect(status).toEqual({ data: { is_integrating: false } });

    const restoring = await v6PullAll(central, siteA, false, start);
    const mine = restoring.filter((entry) => entry.record.recordId === pushed.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.record).toEqual({
      tableName: 'asset',
      recordId: pushed.id,
      action: 'Update',
      recordData: pushed,
    });
    expect(ids(await v6PullAll(central, siteA, true, start))).not.toContain(pushed.id);
    expect(ids(await v6PullAll(central, siteB, false, start))).not.toContain(pushed.id);
    expect(ids(await v6PullAll(central, siteB, true, start))).not.toContain(pushed.id);
  });

  it('integrates only when a batch with is_last_batch: true arrives', async () => {
    const site = await addSite(central);
    const start = (await endOfLog(site)) + 1;
    const first = assetRow(storeOf(site).ID);
    const second = assetRow(storeOf(site).ID);
    expect(expectEnvelope(await v6(central.omsUrl, 'push', pushBody(site, [first, second], false)))).toEqual({
      data: { records_pushed: 2 },
    });
    await waitUntilIntegrated(site);
    expect(ids(await v6PullAll(central, site, false, start))).toEqual([]);

    expect(expectEnvelope(await v6(central.omsUrl, 'push', pushBody(site, [], true)))).toEqual({
      data: { records_pushed: 0 },
    });
    await waitUntilIntegrated(site);
    expect(ids(await v6PullAll(central, site, false, start)).sort()).toEqual([first.id, second.id].sort());
  });

  it('is idempotent for a repeated push', async () => {
    const site = await addSite(central);
    const start = (await endOfLog(site)) + 1;
    const pushed = assetRow(storeOf(site).ID);
    await v6(central.omsUrl, 'push', pushBody(site, [pushed], true));
    await waitUntilIntegrated(site);
    await v6(central.omsUrl, 'push', pushBody(site, [pushed], true));
    await waitUntilIntegrated(site);
    expect(ids(await v6PullAll(central, site, false, start))).toEqual([pushed.id]);
  });

  it('answers "integrationInProgress" to pull and push of the integrating site only', async () => {
    const site = await addSite(central);
    const neighbour = await addSite(central);
    await addFault(central, { route: '*', kind: 'slow-integration', count: 1, ms: 2500 });
    const start = (await endOfLog(site)) + 1;
    const pushed = assetRow(storeOf(site).ID);
    expect(expectEnvelope(await v6(central.omsUrl, 'push', pushBody(site, [pushed], true)))).toEqual({
      data: { records_pushed: 1 },
    });
    await waitFor('integration to start', () => isIntegrating(site), 1000, 20);

    const pullRequest = pullBody(central, site, { cursor: start, batchSize: 10, isInitialised: false });
    expect(expectEnvelope(await v6(central.omsUrl, 'pull', pullRequest))).toEqual({
      error: 'integrationInProgress',
    });
    expect(expectEnvelope(await v6(central.omsUrl, 'push', pushBody(site, [], true)))).toEqual({
      error: 'integrationInProgress',
    });
    expect(expectEnvelope(await v6(central.omsUrl, 'site_status', v6SiteStatusBody(central, site)))).toEqual({
      data: { is_integrating: true },
    });
    const other = expectEnvelope(
      await v6(
        central.omsUrl,
        'pull',
        pullBody(central, neighbour, { cursor: start, batchSize: 10, isInitialised: true }),
      ),
    );
    expect(Object.keys(other)).toEqual(['data']);

    await waitUntilIntegrated(site);
    expect(ids(await v6PullAll(central, site, false, start))).toEqual([pushed.id]);
  });

  it('answers HTTP 400 with plain text for a push without is_last_batch', async () => {
    const site = await addSite(central);
    const body = pushBody(site, [assetRow(storeOf(site).ID)], true);
    const { is_last_batch: _dropped, ...batch } = body.batch;
    const result = await v6(central.omsUrl, 'push', { ...body, batch });
    expect(result.status).toBe(400);
    expect(result.headers['content-type']).toMatch(/^text\/plain/);
    expect(result.text.length).toBeGreaterThan(0);
    expect(result.json).toBeUndefined();
  });

  it('answers HTTP 400 with plain text for malformed JSON', async () => {
    const result = await v6(central.omsUrl, 'pull', undefined, { rawBody: '{"cursor": 0,' });
    expect(result.status).toBe(400);
    expect(result.headers['content-type']).toMatch(/^text\/plain/);
    expect(result.json).toBeUndefined();
  });
});

describe('v6 switched off', ADMIN_HEAVY, () => {
  it('answers HTTP 405 "Method only allowed on central server." on every v6 route while v6-off is set', async () => {
    const site = await addSite(central);
    await addFault(central, { route: '*', kind: 'v6-off' });
    const routes: [string, unknown][] = [
      ['pull', pullBody(central, site, { cursor: 0, batchSize: 10, isInitialised: true })],
      ['push', pushBody(site, [], true)],
      ['site_status', v6SiteStatusBody(central, site)],
    ];
    for (const [route, body] of routes) {
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const result = await v6(central.omsUrl, route, body);
        expect(result.status).toBe(405);
        expect(result.text).toBe('Method only allowed on central server.');
        expect(result.headers['content-type'] ?? 'text/plain').toMatch(/^text\/plain/);
      }
    }
    // v5 is unaffected.
    expect((await v5(central.legacyUrl, 'GET', '/sync/v5/site', site)).status).toBe(200);

    await clearFaults(central);
    expect(Object.keys(expectEnvelope(await v6(central.omsUrl, 'pull', routes[0]?.[1])))).toEqual(['data']);
  });
});
