// PROTOCOL.md §2 and §5.6: responses are gzip-compressed when the client sends Accept-Encoding: gzip,
// and plain otherwise.
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addSite,
  assetClassRow,
  pullBody,
  seed,
  startCentral,
  unitRow,
  v5,
  v6,
  type Central,
  type TestSite,
  ADMIN_HEAVY,
} from './harness';

let central: Central;
let site: TestSite;

beforeAll(async () => {
  central = await startCentral();
  site = await addSite(central);
  // Enough rows that no "too small to compress" threshold applies.
  await seed(central.dataDir, {
    unit: Array.from({ length: 60 }, (_, index) => unitRow({ comment: `unit number ${index}` })),
    asset_class: Array.from({ length: 60 }, () => assetClassRow()),
  });
}, ADMIN_HEAVY.timeout);

afterAll(async () => {
  await central?.dispose();
});

const CENTRAL_RECORDS = '/sync/v5/central_records?cursor=0&limit=1000';

describe('gzip', ADMIN_HEAVY, () => {
  it('compresses a v5 response when asked, to the same JSON as the plain response', async () => {
    const plain = await v5(central.legacyUrl, 'GET', CENTRAL_RECORDS, site);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.raw.toString('utf8'))).toEqual(plain.json);
    expect((plain.json as { data: unknown[] }).data.length).toBeGreaterThanOrEqual(60);

    const zipped = await v5(central.legacyUrl, 'GET', CENTRAL_RECORDS, { ...site, gzip: true });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.raw.length).toBeLessThan(plain.raw.length);
    expect(JSON.parse(gunzipSync(zipped.raw).toString('utf8'))).toEqual(plain.json);
    expect(zipped.headers['content-type']).toMatch(/^application\/json/);
  });

  it('answers small and error responses readably when gzip is accepted', async () => {
    const info = await v5(central.legacyUrl, 'GET', '/sync/v5/site', { ...site, gzip: true });
    expect(info.status).toBe(200);
    expect(['gzip', undefined]).toContain(info.headers['content-encoding']);
    expect(info.json).toMatchObject({ siteId: site.siteId });

    const refused = await v5(central.legacyUrl, 'GET', '/sync/v5/site', {
      ...site,
      password: 'wrong',
      gzip: true,
    });
    expect(refused.status).toBe(401);
    expect(refused.json).toMatchObject({ error: { code: 'site_incorrect_password' } });
  });

  it('accepts gzip among several encodings (Accept-Encoding: gzip, deflate, br)', async () => {
    const result = await v5(central.legacyUrl, 'GET', CENTRAL_RECORDS, {
      ...site,
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(['gzip', 'br', 'deflate']).toContain(result.headers['content-encoding']);
    if (result.headers['content-encoding'] === 'gzip') {
      expect(JSON.parse(gunzipSync(result.raw).toString('utf8'))).toMatchObject({
        maxCursor: expect.any(Number),
      });
    }
  });

  it('does not compress when the client does not ask (identity)', async () => {
    const identity = await v5(central.legacyUrl, 'GET', CENTRAL_RECORDS, {
      ...site,
      headers: { 'accept-encoding': 'identity' },
    });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(identity.raw.toString('utf8'))).toMatchObject({ maxCursor: expect.any(Number) });
  });

  it('compresses a v6 pull response when asked, to the same JSON as the plain response', async () => {
    const body = pullBody(central, site, { cursor: 0, batchSize: 500, isInitialised: true });
    const plain = await v6(central.omsUrl, 'pull', body);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect((plain.json as { data: { records: unknown[] } }).data.records.length).toBeGreaterThanOrEqual(60);

    const zipped = await v6(central.omsUrl, 'pull', body, { gzip: true });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(zipped.raw).toString('utf8'))).toEqual(plain.json);
  });
});
