// PROTOCOL.md §2: `GET /sync/v5/site` and `GET /sync/v5/site_status` answer the exact shapes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_HEAVY,
  addSite,
  getSiteStatus,
  startCentral,
  v5,
  type Central,
  type SiteInfo,
} from './harness';

let central: Central;

beforeAll(async () => {
  central = await startCentral();
}, ADMIN_HEAVY.timeout);

afterAll(async () => {
  await central?.dispose();
});

const SITE_INFO_KEYS = [
  'id',
  'siteId',
  'code',
  'name',
  'initialisationStatus',
  'omSupplyCentralServerUrl',
  'isOmSupplyCentralServer',
  'mSupplyCentralSiteId',
];

describe('GET /sync/v5/site', ADMIN_HEAVY, () => {
  it('answers the site info of a new site', async () => {
    const site = await addSite(central);
    const result = await v5(central.legacyUrl, 'GET', '/sync/v5/site', site);
    expect(result.status).toBe(200);
    const info = result.json as SiteInfo;
    for (const key of Object.keys(info)) expect(SITE_INFO_KEYS).toContain(key);
    expect(info).toMatchObject({
      id: site.uuid,
      siteId: site.siteId,
      initialisationStatus: 'new',
      omSupplyCentralServerUrl: central.omsUrl,
      isOmSupplyCentralServer: false,
      mSupplyCentralSiteId: 1,
    });
    expect(info.id).toBeTypeOf('string');
    expect(info.id.length).toBeGreaterThan(0);
    expect(Number.isInteger(info.siteId)).toBe(true);
    if (info.code !== undefined) expect(info.code).toBeTypeOf('string');
    if (info.name !== undefined) expect(info.name).toBe(site.site);
  });

  it('gives each site its own id and siteId', async () => {
    const first = await addSite(central);
    const second = await addSite(central);
    const [a, b] = await Promise.all(
      [first, second].map((site) => v5(central.legacyUrl, 'GET', '/sync/v5/site', site)),
    );
    const infoA = a?.json as SiteInfo;
    const infoB = b?.json as SiteInfo;
    expect(infoA.siteId).toBe(first.siteId);
    expect(infoB.siteId).toBe(second.siteId);
    expect(infoA.id).not.toBe(infoB.id);
  });

  it('is JSON with a JSON content type', async () => {
    const site = await addSite(central);
    const result = await v5(central.legacyUrl, 'GET', '/sync/v5/site', site);
    expect(result.headers['content-type']).toMatch(/^application\/json/);
  });

  it('keeps the same answer for the same site (the client refuses a changed id)', async () => {
    const site = await addSite(central);
    const first = (await v5(central.legacyUrl, 'GET', '/sync/v5/site', site)).json;
    const second = (await v5(central.legacyUrl, 'GET', '/sync/v5/site', site)).json;
    expect(second).toEqual(first);
  });
});

describe('GET /sync/v5/site_status', ADMIN_HEAVY, () => {
  it('is idle with a message and null or string data', async () => {
    const site = await addSite(central);
    const result = await v5(central.legacyUrl, 'GET', '/sync/v5/site_status', site);
    expect(result.status).toBe(200);
    const status = await getSiteStatus(central.legacyUrl, site);
    expect(Object.keys(status).sort()).toEqual(['code', 'data', 'message']);
    expect(status.code).toBe('idle');
    expect(status.message).toBeTypeOf('string');
    expect(status.data === null || typeof status.data === 'string').toBe(true);
  });
});

describe('routes', ADMIN_HEAVY, () => {
  it('answers an unknown /sync/v5/ route with a non-2xx status', async () => {
    const site = await addSite(central);
    const result = await v5(central.legacyUrl, 'GET', '/sync/v5/no_such_route', site);
    expect(result.status).toBeGreaterThanOrEqual(400);
  });
});
