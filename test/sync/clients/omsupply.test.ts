import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHttpTransport } from '../../../src-main/sync/clients/http';
import {
  OmSupplyClient,
  type OmSupplyClientOptions,
  type V6SyncRecord,
} from '../../../src-main/sync/clients/omsupply';
import { expectSyncError, recordingSleep } from './assertions';
import { closedPortUrl, startCaptureServer, type CaptureServer } from './capture-server';
import {
  APP_VERSION,
  addSite,
  clearFaults,
  demoSite,
  injectFault,
  sha256Hex,
  startCentral,
  type CentralProcess,
  type Site,
} from './central-process';

function omsClient(
  omsUrl: string,
  legacyUrl: string,
  site: Site,
  options?: OmSupplyClientOptions,
): OmSupplyClient {
  const settings = { omsUrl, legacyUrl, ...site, appVersion: APP_VERSION };
  return new OmSupplyClient(settings, createHttpTransport({ sleep: async () => {} }), options);
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('OmSupplyClient against the reference central', () => {
  let central: CentralProcess;
  const site = demoSite(1);
  const client = (options?: OmSupplyClientOptions, as: Site = site): OmSupplyClient =>
    omsClient(central.omsUrl, central.legacyUrl, as, options);

  beforeAll(async () => {
    central = await startCentral({ demo: true });
  });
  afterAll(() => central?.stop());

  it('pulls batches from an inclusive cursor until the last one', async () => {
    const first = await client().pull(0, 5, false);
    expect(first.records.length).toBeLessThanOrEqual(5);
    expect(first.is_last_batch).toBe(false);
    expect(first.total_records).toBeGreaterThan(5);
    expect(first.end_cursor).toBe(first.records.at(-1)?.cursor);
    expect(first.records[0]?.record.action).toBe('update');
    const next = await client().pull(first.end_cursor + 1, 1000, false);
    expect(next.is_last_batch).toBe(true);
    expect(next.records[0]?.cursor).toBeGreaterThan(first.end_cursor);
  });

  it('pushes a last batch, which central integrates while site_status says so', async () => {
    const { records } = await client().pull(0, 1000, false);
    const asset = records.find((entry) => entry.record.tableName === 'asset') as V6SyncRecord;
    expect(asset).toBeDefined();
    await injectFault(central, { route: '*', kind: 'slow-integration', ms: 1500 });
    const batch = {
      end_cursor: 7,
      total_records: 1,
      records: [
        {
          cursor: 7,
          record: {
            tableName: 'asset',
            recordId: asset.record.recordId,
            action: 'Update' as const,
            recordData: { ...asset.record.recordData, notes: 'pushed by the client test' },
          },
        },
      ],
      is_last_batch: true,
    };
    expect(await client().push(batch)).toEqual({ records_pushed: 1 });
    expect(await client().siteStatus()).toEqual({ is_integrating: true });
    const error = await expectSyncError(client().pull(0, 5, true), 'UNKNOWN', [site.passwordSha256]);
    expect(error.message).toMatch(/still integrating/);
    expect(error.detail).toContain('"integrationInProgress"');
    await eventually(async () => !(await client().siteStatus()).is_integrating);
    await clearFaults(central);
  });

  describe('maps failures to their codes', () => {
    it('V6_API_VERSION_INCOMPATIBLE when central does not accept our syncV6Version', async () => {
      const error = await expectSyncError(
        client({ syncV6Version: 99 }).pull(0, 5, false),
        'V6_API_VERSION_INCOMPATIBLE',
        [site.passwordSha256],
      );
      expect(error.detail).toMatch(/central accepts sync v6 versions 0 to 5, we sent 99$/);
    });

    it('legacy codes inside otherServerError: SITE_NAME_NOT_FOUND, INCORRECT_PASSWORD, HARDWARE_ID_MISMATCH, SITE_HAS_NO_STORE', async () => {
      const unknown = { ...site, siteName: 'no-such-site' };
      await expectSyncError(client({}, unknown).siteStatus(), 'SITE_NAME_NOT_FOUND', [
        unknown.passwordSha256,
      ]);
      const wrong = { ...site, passwordSha256: sha256Hex('wrong') };
      const error = await expectSyncError(client({}, wrong).pull(0, 5, false), 'INCORRECT_PASSWORD', [
        wrong.passwordSha256,
      ]);
      expect(error.detail).toContain('otherServerError');
      expect(error.detail).toContain('site_incorrect_password');

      const bound = demoSite(2);
      await client({}, bound).siteStatus();
      const other = { ...bound, hardwareId: 'another-machine' };
      await expectSyncError(client({}, other).siteStatus(), 'HARDWARE_ID_MISMATCH', [other.passwordSha256]);

      const storeless = await addSite(central, { store: false });
      await expectSyncError(client({}, storeless).siteStatus(), 'SITE_HAS_NO_STORE', [
        storeless.passwordSha256,
      ]);
    });

    it('CENTRAL_V6_NOT_CONFIGURED for a URL that is empty or not http(s), without a request', async () => {
      const transport = { request: vi.fn() };
      for (const omsUrl of ['', 'not a url', 'ftp://oms.example.org']) {
        const settings = { omsUrl, legacyUrl: central.legacyUrl, ...site, appVersion: APP_VERSION };
        const error = await expectSyncError(
          new OmSupplyClient(settings, transport).pull(0, 5, false),
          'CENTRAL_V6_NOT_CONFIGURED',
          [site.passwordSha256],
        );
        expect(error.detail).toContain(`"${omsUrl}"`);
      }
      expect(transport.request).not.toHaveBeenCalled();
    });

    it('CONNECTION_ERROR when nothing listens', async () => {
      const { sleep, delays } = recordingSleep();
      const settings = {
        omsUrl: await closedPortUrl(),
        legacyUrl: central.legacyUrl,
        ...site,
        appVersion: '1',
      };
      const unreachable = new OmSupplyClient(settings, createHttpTransport({ sleep }));
      await expectSyncError(unreachable.siteStatus(), 'CONNECTION_ERROR', [site.passwordSha256]);
      expect(delays).toHaveLength(3);
    });
  });

  describe('a central with v6 off', () => {
    let off: CentralProcess;
    beforeAll(async () => {
      off = await startCentral({ v6Off: true });
    });
    afterAll(() => off?.stop());

    it('answers 405 plain text: CENTRAL_V6_NOT_CONFIGURED', async () => {
      const error = await expectSyncError(
        omsClient(off.omsUrl, off.legacyUrl, site).pull(0, 5, false),
        'CENTRAL_V6_NOT_CONFIGURED',
        [site.passwordSha256],
      );
      expect(error.detail).toContain(
        '/central/sync/pull → HTTP 405: the server is not an Open mSupply central server (Method only allowed on central server.)',
      );
    });
  });
});

describe('OmSupplyClient on the wire', () => {
  let server: CaptureServer;
  const site: Site = {
    siteName: 'site_name',
    password: 'password',
    passwordSha256: sha256Hex('password'),
    hardwareId: 'machine-1',
    siteId: 5,
  };
  const client = (omsUrl = server.url): OmSupplyClient =>
    omsClient(omsUrl, 'https://legacy.example.org:2048', site);
  const SETTINGS = {
    serverUrl: 'https://legacy.example.org:2048',
    username: 'site_name',
    passwordSha256: sha256Hex('password'),
    siteUuid: 'machine-1',
    appVersion: APP_VERSION,
    appName: 'Satellite Sync',
    syncVersion: '14',
  };

  beforeAll(async () => {
    server = await startCaptureServer();
  });
  afterAll(() => server?.close());
  beforeEach(() => {
    server.requests.length = 0;
    server.reply = () => ({ body: '{"data": {"is_integrating": false}}' });
  });

  it('posts JSON with the v5 settings and our v6 version, and no auth header', async () => {
    server.reply = (request) =>
      request.url.endsWith('/pull')
        ? {
            body: '{"data": {"end_cursor": 9, "total_records": 0, "records": [], "is_last_batch": true}}',
            gzip: true,
          }
        : request.url.endsWith('/push')
          ? { body: '{"data": {"records_pushed": 1}}' }
          : { body: '{"data": {"is_integrating": false}}' };
    expect(await client().pull(3, 500, true)).toEqual({
      end_cursor: 9,
      total_records: 0,
      records: [],
      is_last_batch: true,
    });
    const record = {
      recordData: null,
      action: 'Delete' as const,
      recordId: 'L1',
      tableName: 'asset_internal_location',
    };
    const batch = {
      is_last_batch: true,
      records: [{ record, cursor: 57 }],
      total_records: 3,
      end_cursor: 57,
    };
    expect(await client().push(batch)).toEqual({ records_pushed: 1 });
    expect(await client().siteStatus()).toEqual({ is_integrating: false });

    const settings = JSON.stringify(SETTINGS);
    expect(server.requests.map((request) => [request.method, request.url, request.body])).toEqual([
      [
        'POST',
        '/central/sync/pull',
        `{"cursor":3,"batchSize":500,"isInitialised":true,"syncV5Settings":${settings},"syncV6Version":5}`,
      ],
      [
        'POST',
        '/central/sync/push',
        `{"batch":{"end_cursor":57,"total_records":3,"records":[{"cursor":57,"record":{"tableName":"asset_internal_location","recordId":"L1","action":"Delete","recordData":null}}],"is_last_batch":true},"syncV5Settings":${settings},"syncV6Version":5}`,
      ],
      ['POST', '/central/sync/site_status', `{"syncV5Settings":${settings},"syncV6Version":5}`],
    ]);
    for (const request of server.requests) {
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers['accept-encoding']).toBe('gzip');
      expect(request.headers.authorization).toBeUndefined();
    }
  });

  it('resolves central/sync/ against the URL as a relative path', async () => {
    await client(`${server.url}/`).siteStatus();
    await client(`${server.url}/oms/`).siteStatus();
    await client(`${server.url}/oms`).siteStatus();
    expect(server.requests.map((request) => request.url)).toEqual([
      '/central/sync/site_status',
      '/oms/central/sync/site_status',
      '/central/sync/site_status',
    ]);
  });

  it.each([
    ['"notACentralServer"', 'CENTRAL_V6_NOT_CONFIGURED'],
    ['{"notACentralServer": null}', 'CENTRAL_V6_NOT_CONFIGURED'],
    ['{"syncVersionMismatch": [0, 5, 7]}', 'V6_API_VERSION_INCOMPATIBLE'],
    [
      '{"legacyServerError": {"code": "site_auth_timeout", "message": "wait", "data": null}}',
      'SITE_AUTH_TIMEOUT',
    ],
    [
      '{"otherServerError": "Sync api error -> api_version_incompatible: too old"}',
      'API_VERSION_INCOMPATIBLE',
    ],
    ['{"otherServerError": "database is locked"}', 'UNKNOWN'],
    ['{"parsingSyncRecordError": "recordData of asset A1 is not an object"}', 'UNKNOWN'],
    ['{"somethingNew": 1}', 'UNKNOWN'],
  ] as const)('maps the error %s to %s', async (error, code) => {
    server.reply = () => ({ body: `{"error": ${error}}` });
    const failure = await expectSyncError(client().siteStatus(), code, [site.passwordSha256]);
    expect(failure.detail).toMatch(/^POST http:\/\/127\.0\.0\.1:\d+\/central\/sync\/site_status/);
  });

  it('rejects bodies that are not a valid envelope as UNKNOWN, with the text', async () => {
    server.reply = () => ({
      status: 400,
      body: 'Json deserialize error: missing field `is_last_batch`',
      contentType: 'text/plain',
    });
    const text = await expectSyncError(client().siteStatus(), 'UNKNOWN', [site.passwordSha256]);
    expect(text.detail).toMatch(/→ HTTP 400: Json deserialize error: missing field `is_last_batch`$/);

    server.reply = () => ({
      body: '{"data": {"end_cursor": 1, "total_records": 1, "records": [{"cursor": 1, "record": {"tableName": "asset", "recordId": "A", "action": "Patch"}}]}}',
    });
    const shape = await expectSyncError(client().pull(0, 1, true), 'UNKNOWN', [site.passwordSha256]);
    expect(shape.detail).toContain('is_last_batch');
    expect(shape.detail).toContain('action');
  });

  it('keeps the hash out of errors even when central echoes the settings', async () => {
    server.reply = (request) => ({
      body: JSON.stringify({ error: { otherServerError: `bad settings ${request.body}` } }),
    });
    const error = await expectSyncError(client().siteStatus(), 'UNKNOWN', [site.passwordSha256]);
    expect(error.detail).toContain('passwordSha256\\":\\"[redacted]');
  });
});
