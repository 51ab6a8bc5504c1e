// PROTOCOL.md §1, §2 and §6: every v5 request is authenticated (site, password hash, hardware-ID
// binding, version header, store) and every refusal is `{"error":{"code","message","data"}}`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addSite,
  admin,
  basicAuth,
  sha256Hex,
  startCentral,
  v5,
  type Central,
  type HttpResult,
  type SiteInfo,
  type V5Error,
  ADMIN_HEAVY,
} from './harness';

let central: Central;

beforeAll(async () => {
  central = await startCentral();
}, ADMIN_HEAVY.timeout);

afterAll(async () => {
  await central?.dispose();
});

/** Asserts the exact status and the exact error envelope of PROTOCOL.md §2. */
function expectV5Error(result: HttpResult, status: number, code: string): V5Error['error'] {
  expect({ status: result.status, text: result.text }).toMatchObject({ status });
  const body = result.json as V5Error;
  expect(body).toBeTypeOf('object');
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'data', 'message']);
  expect(body.error.code).toBe(code);
  expect(body.error.message).toBeTypeOf('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error;
}

const site = (url: string, credentials: Parameters<typeof v5>[3]) =>
  v5(url, 'GET', '/sync/v5/site', credentials);

describe('the client Basic header (unit)', () => {
  it('is base64(site + ":" + sha256hex(password)) exactly as the Rust client test', () => {
    expect(sha256Hex('password')).toBe('5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8');
    expect(basicAuth('username', 'password')).toBe(
      'Basic dXNlcm5hbWU6NWU4ODQ4OThkYTI4MDQ3MTUxZDBlNTZmOGRjNjI5Mjc3MzYwM2QwZDZhYWJiZGQ2MmExMWVmNzIxZDE1NDJkOA==',
    );
  });
});

describe('v5 authentication', ADMIN_HEAVY, () => {
  it('accepts the site "username" / "password" with the exact header and the client headers', async () => {
    const added = await addSite(central, { name: 'username', password: 'password' });
    const result = await site(central.legacyUrl, added);
    expect(result.status).toBe(200);
    expect((result.json as SiteInfo).siteId).toBe(added.siteId);
  });

  it('refuses an unknown site name with 401 site_name_not_found', async () => {
    const added = await addSite(central);
    const result = await site(central.legacyUrl, { ...added, site: `${added.site}-nobody` });
    expectV5Error(result, 401, 'site_name_not_found');
  });

  it('refuses a wrong password with 401 site_incorrect_password', async () => {
    const added = await addSite(central);
    const result = await site(central.legacyUrl, { ...added, password: `${added.password}-wrong` });
    expectV5Error(result, 401, 'site_incorrect_password');
  });

  it('compares the password hash, not the plain password', async () => {
    const added = await addSite(central);
    const plainInHeader = await site(central.legacyUrl, {
      ...added,
      headers: {
        authorization: `Basic ${Buffer.from(`${added.site}:${added.password}`).toString('base64')}`,
      },
    });
    expectV5Error(plainInHeader, 401, 'site_incorrect_password');
  });

  it('binds the first hardware id and refuses another with 401 site_incorrect_hardware_id', async () => {
    const added = await addSite(central);
    expect((await site(central.legacyUrl, added)).status).toBe(200);
    const other = await site(central.legacyUrl, { ...added, hardwareId: `${added.hardwareId}-other` });
    expectV5Error(other, 401, 'site_incorrect_hardware_id');
    // The bound machine keeps working, on every route.
    expect((await site(central.legacyUrl, added)).status).toBe(200);
    const otherStatus = await v5(central.legacyUrl, 'GET', '/sync/v5/site_status', {
      ...added,
      hardwareId: `${added.hardwareId}-other`,
    });
    expectV5Error(otherStatus, 401, 'site_incorrect_hardware_id');
  });

  it('accepts a new hardware id after admin clear-hardware-id, then binds that one', async () => {
    const added = await addSite(central);
    const newMachine = { ...added, hardwareId: `${added.hardwareId}-new` };
    expect((await site(central.legacyUrl, added)).status).toBe(200);
    expectV5Error(await site(central.legacyUrl, newMachine), 401, 'site_incorrect_hardware_id');

    await admin(central.dataDir, 'clear-hardware-id', '--site', added.site);

    expect((await site(central.legacyUrl, newMachine)).status).toBe(200);
    expectV5Error(await site(central.legacyUrl, added), 401, 'site_incorrect_hardware_id');
  });

  it('refuses version 10000 with 409 api_version_incompatible and data {min, max}', async () => {
    const added = await addSite(central);
    const error = expectV5Error(
      await site(central.legacyUrl, { ...added, version: '10000' }),
      409,
      'api_version_incompatible',
    );
    const data = error.data as { min: unknown; max: unknown };
    expect(Object.keys(data as object).sort()).toEqual(['max', 'min']);
    expect(data.min).toBeTypeOf('number');
    expect(data.max).toBeTypeOf('number');
    expect(data.min as number).toBeLessThanOrEqual(14);
    expect(data.max as number).toBeGreaterThanOrEqual(14);
    expect(data.max as number).toBeLessThan(10000);
  });

  it('refuses a request without a version header with 409 api_version_incompatible', async () => {
    const added = await addSite(central);
    const error = expectV5Error(
      await site(central.legacyUrl, { ...added, version: null }),
      409,
      'api_version_incompatible',
    );
    expect(error.data).toMatchObject({ min: expect.any(Number), max: expect.any(Number) });
  });

  it('checks the version header on every route, not only /site', async () => {
    const added = await addSite(central);
    const route = '/sync/v5/central_records?cursor=0&limit=1';
    expectV5Error(
      await v5(central.legacyUrl, 'GET', route, { ...added, version: '10000' }),
      409,
      'api_version_incompatible',
    );
    expect((await v5(central.legacyUrl, 'GET', route, added)).status).toBe(200);
  });

  it('refuses a site without a store with 403 site_has_no_store', async () => {
    const added = await addSite(central, { store: null });
    expectV5Error(await site(central.legacyUrl, added), 403, 'site_has_no_store');
    expectV5Error(
      await v5(central.legacyUrl, 'GET', '/sync/v5/queued_records?limit=10', added),
      403,
      'site_has_no_store',
    );
  });

  it('locks the site with 401 site_auth_timeout after 10 consecutive wrong passwords', async () => {
    const added = await addSite(central);
    const wrong = { ...added, password: `${added.password}-wrong` };
    const first = await site(central.legacyUrl, wrong);
    expectV5Error(first, 401, 'site_incorrect_password');
    for (let attempt = 2; attempt <= 10; attempt += 1) {
      const result = await site(central.legacyUrl, wrong);
      expect(result.status).toBe(401);
      expect(['site_incorrect_password', 'site_auth_timeout']).toContain((result.json as V5Error).error.code);
    }
    // Locked out: even the right password is refused now.
    expectV5Error(await site(central.legacyUrl, added), 401, 'site_auth_timeout');
    expectV5Error(await site(central.legacyUrl, wrong), 401, 'site_auth_timeout');
  });

  it('does not lock a site after fewer than 10 wrong passwords, and a success resets the count', async () => {
    const added = await addSite(central);
    const wrong = { ...added, password: `${added.password}-wrong` };
    for (let attempt = 1; attempt <= 9; attempt += 1) {
      expectV5Error(await site(central.legacyUrl, wrong), 401, 'site_incorrect_password');
    }
    expect((await site(central.legacyUrl, added)).status).toBe(200);
    for (let attempt = 1; attempt <= 9; attempt += 1) {
      expectV5Error(await site(central.legacyUrl, wrong), 401, 'site_incorrect_password');
    }
    expect((await site(central.legacyUrl, added)).status).toBe(200);
  });

  it('a locked site does not lock other sites', async () => {
    const locked = await addSite(central);
    const neighbour = await addSite(central);
    for (let attempt = 1; attempt <= 11; attempt += 1) {
      await site(central.legacyUrl, { ...locked, password: 'nope' });
    }
    expectV5Error(await site(central.legacyUrl, locked), 401, 'site_auth_timeout');
    expect((await site(central.legacyUrl, neighbour)).status).toBe(200);
  });

  it('refuses a request without credentials with a v5 error envelope', async () => {
    const added = await addSite(central);
    const result = await site(central.legacyUrl, { ...added, headers: { authorization: '' } });
    expect(result.status).toBe(401);
    const body = result.json as V5Error;
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error.code).toBeTypeOf('string');
    expect(body.error.message).toBeTypeOf('string');
  });
});
