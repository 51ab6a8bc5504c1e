import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpTransport } from '../../../src-main/sync/clients/http';
import { LegacyClient, type LegacyClientOptions } from '../../../src-main/sync/clients/legacy';
import { expectSyncError, secretsOf } from './assertions';
import { startCaptureServer, type CaptureServer } from './capture-server';
import {
  APP_VERSION,
  addSite,
  demoSite,
  sha256Hex,
  startCentral,
  type CentralProcess,
  type Site,
} from './central-process';

function clientFor(url: string, site: Site, options?: LegacyClientOptions): LegacyClient {
  const settings = { url, ...site, appVersion: APP_VERSION };
  return new LegacyClient(settings, createHttpTransport({ sleep: async () => {} }), options);
}

describe('LegacyClient against the reference central', () => {
  let central: CentralProcess;
  const site = demoSite(1);
  const client = (): LegacyClient => clientFor(central.legacyUrl, site);

  beforeAll(async () => {
    central = await startCentral({ demo: true });
  });
  afterAll(() => central?.stop());

  it('reads the site info and the site status', async () => {
    const info = await client().getSiteInfo();
    expect(info).toMatchObject({
      siteId: 2,
      initialisationStatus: 'new',
      omSupplyCentralServerUrl: central.omsUrl,
      isOmSupplyCentralServer: false,
      mSupplyCentralSiteId: 1,
    });
    expect(info.id).toMatch(/^[0-9A-F]{32}$/);
    expect(await client().getSiteStatus()).toEqual({ code: 'idle', message: 'idle', data: null });
  });

  it('drops a path in the configured URL', async () => {
    const info = await clientFor(`${central.legacyUrl}/some/path/`, site).getSiteInfo();
    expect(info.siteId).toBe(2);
  });

  it('pages the central change log after the cursor, ascending', async () => {
    const first = await client().getCentralRecords(0, 5);
    expect(first.data.map((record) => record.ID)).toEqual(
      [...first.data.map((record) => record.ID)].sort((a, b) => a - b),
    );
    expect(first.data).toHaveLength(5);
    expect(first.maxCursor).toBeGreaterThanOrEqual(5);
    const last = first.data.at(-1)?.ID ?? 0;
    const next = await client().getCentralRecords(last, 5);
    expect(next.data[0]?.ID).toBeGreaterThan(last);
    expect(first.data[0]).toMatchObject({ action: 'insert', recordData: expect.any(Object) });
  });

  it('initialises, then pulls the queue and acknowledges it', async () => {
    const { queueLength } = await client().initialise();
    expect(queueLength).toBeGreaterThan(3);
    expect((await client().getSiteInfo()).initialisationStatus).toBe('completed');
    const head = await client().getQueuedRecords(3);
    expect(head.queueLength).toBe(queueLength);
    expect(head.data).toHaveLength(3);
    expect(typeof head.data[0]?.syncOutId).toBe('string');
    await client().acknowledgeRecords(head.data.map((record) => record.syncOutId));
    expect((await client().getQueuedRecords(3)).queueLength).toBe(queueLength - 3);
  });

  it('pushes batches and starts integration with the last, empty one', async () => {
    const data = [
      {
        syncOutId: '1',
        tableName: 'Location',
        recordId: 'NO_SUCH_LOCATION',
        action: 'Delete' as const,
        recordData: null,
      },
    ];
    expect(await client().pushRecords({ queueLength: 1, data })).toEqual({ integrationStarted: false });
    expect(await client().pushRecords({ queueLength: 0, data: [] })).toEqual({ integrationStarted: true });
  });

  describe('maps every authentication failure to its code', () => {
    it('SITE_NAME_NOT_FOUND for an unknown site', async () => {
      const unknown = { ...site, siteName: 'no-such-site' };
      const error = await expectSyncError(
        clientFor(central.legacyUrl, unknown).getSiteInfo(),
        'SITE_NAME_NOT_FOUND',
        secretsOf(unknown),
      );
      expect(error.detail).toMatch(
        /^GET http:\/\/127\.0\.0\.1:\d+\/sync\/v5\/site → HTTP 401 site_name_not_found: /,
      );
    });

    it('INCORRECT_PASSWORD for a wrong password', async () => {
      const wrong = { ...site, passwordSha256: sha256Hex('wrong') };
      const error = await expectSyncError(
        clientFor(central.legacyUrl, wrong).getSiteInfo(),
        'INCORRECT_PASSWORD',
        secretsOf(wrong),
      );
      expect(error.detail).toContain('site_incorrect_password');
    });

    it('HARDWARE_ID_MISMATCH once the site is bound to another machine', async () => {
      const first = demoSite(2);
      await clientFor(central.legacyUrl, first).getSiteInfo();
      const second = { ...first, hardwareId: 'another-machine' };
      await expectSyncError(
        clientFor(central.legacyUrl, second).getSiteInfo(),
        'HARDWARE_ID_MISMATCH',
        secretsOf(second),
      );
    });

    it('SITE_HAS_NO_STORE for a site without a store', async () => {
      const storeless = await addSite(central, { store: false });
      const error = await expectSyncError(
        clientFor(central.legacyUrl, storeless).getSiteInfo(),
        'SITE_HAS_NO_STORE',
        secretsOf(storeless),
      );
      expect(error.detail).toContain('HTTP 403 site_has_no_store');
    });

    it('API_VERSION_INCOMPATIBLE for a version header out of range, with the range', async () => {
      const error = await expectSyncError(
        clientFor(central.legacyUrl, site, { syncVersion: 99 }).getSiteStatus(),
        'API_VERSION_INCOMPATIBLE',
        secretsOf(site),
      );
      expect(error.detail).toContain('HTTP 409 api_version_incompatible');
      expect(error.detail).toContain('"min":12');
    });

    it('SITE_AUTH_TIMEOUT after repeated wrong passwords, even with the right one', async () => {
      const locked = await addSite(central);
      const wrong = { ...locked, passwordSha256: sha256Hex('wrong') };
      for (let attempt = 0; attempt < 10; attempt += 1) {
        await expectSyncError(
          clientFor(central.legacyUrl, wrong).getSiteInfo(),
          'INCORRECT_PASSWORD',
          secretsOf(wrong),
        );
      }
      await expectSyncError(
        clientFor(central.legacyUrl, locked).getSiteInfo(),
        'SITE_AUTH_TIMEOUT',
        secretsOf(locked),
      );
    });
  });

  it('INVALID_URL for a URL that is not http(s)', async () => {
    await expectSyncError(clientFor('not a url', site).getSiteInfo(), 'INVALID_URL', secretsOf(site));
    await expectSyncError(clientFor('ftp://example.org', site).getSiteInfo(), 'INVALID_URL', secretsOf(site));
  });
});

describe('LegacyClient on the wire', () => {
  let server: CaptureServer;
  // The example of reference/v5-legacy-central-api.md §1.3.
  const site: Site = {
    siteName: 'username',
    password: 'password',
    passwordSha256: sha256Hex('password'),
    hardwareId: 'machine-1',
    siteId: 5,
  };
  const BASIC =
    'Basic dXNlcm5hbWU6NWU4ODQ4OThkYTI4MDQ3MTUxZDBlNTZmOGRjNjI5Mjc3MzYwM2QwZDZhYWJiZGQ2MmExMWVmNzIxZDE1NDJkOA==';
  const client = (): LegacyClient => clientFor(`${server.url}/configured/path`, site);
  const SITE_INFO = {
    id: 'abc123',
    siteId: 5,
    initialisationStatus: 'new',
    omSupplyCentralServerUrl: 'http://oms:2055',
    isOmSupplyCentralServer: false,
    mSupplyCentralSiteId: 1,
  };

  beforeAll(async () => {
    server = await startCaptureServer();
  });
  afterAll(() => server?.close());
  beforeEach(() => {
    server.requests.length = 0;
    server.reply = () => ({ body: '{}' });
  });

  it('sends exactly the v5 headers to the absolute route and asks for gzip', async () => {
    server.reply = () => ({ body: JSON.stringify(SITE_INFO), gzip: true });
    expect(await client().getSiteInfo()).toEqual(SITE_INFO);
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'GET', url: '/sync/v5/site', body: '' });
    expect(request?.headers).toMatchObject({
      authorization: BASIC,
      'msupply-site-uuid': 'machine-1',
      'app-name': 'Satellite Sync',
      'app-version': APP_VERSION,
      version: '14',
      'accept-encoding': 'gzip',
    });
    expect(request?.headers['content-type']).toBeUndefined();
  });

  it('posts compact JSON without a Content-Type', async () => {
    server.reply = (request) =>
      request.url === '/sync/v5/initialise'
        ? { body: '{"queueLength": 2264}' }
        : request.url === '/sync/v5/acknowledged_records'
          ? { status: 204 }
          : { body: '{"integrationStarted": true}' };
    expect(await client().initialise()).toEqual({ queueLength: 2264 });
    await client().acknowledgeRecords(['ONE', 'TWO']);
    const record = { recordData: { test_key: 'test_value' }, action: 'Update' as const, recordId: 'ID2' };
    await client().pushRecords({
      queueLength: 0,
      data: [{ ...record, syncOutId: 'ID1', tableName: 'test_table_name' }],
    });
    expect(server.requests.map((request) => [request.method, request.url, request.body])).toEqual([
      ['POST', '/sync/v5/initialise', '{}'],
      ['POST', '/sync/v5/acknowledged_records', '{"syncIDs":["ONE","TWO"]}'],
      [
        'POST',
        '/sync/v5/queued_records',
        '{"queueLength":0,"data":[{"syncOutId":"ID1","tableName":"test_table_name","recordId":"ID2","action":"Update","recordData":{"test_key":"test_value"}}]}',
      ],
    ]);
    for (const request of server.requests) {
      expect(request.headers['content-type']).toBeUndefined();
      expect(request.headers).toMatchObject({
        authorization: BASIC,
        version: '14',
        'msupply-site-uuid': 'machine-1',
      });
    }
  });

  it('sends cursor then limit as the query', async () => {
    server.reply = (request) => ({
      body: request.url.startsWith('/sync/v5/central_records') ? '{"maxCursor": 200}' : '{"queueLength": 0}',
    });
    expect(await client().getCentralRecords(100, 2)).toEqual({ maxCursor: 200, data: [] });
    expect(await client().getQueuedRecords(2)).toEqual({ queueLength: 0, data: [] });
    expect(server.requests.map((request) => request.url)).toEqual([
      '/sync/v5/central_records?cursor=100&limit=2',
      '/sync/v5/queued_records?limit=2',
    ]);
  });

  it('accepts actions in any case and a missing recordData', async () => {
    server.reply = () => ({
      body: JSON.stringify({
        maxCursor: 3,
        data: [
          { ID: 2, tableName: 't', recordId: 'ID2', action: 'DELETE' },
          {
            ID: 3,
            tableName: 't',
            recordId: 'ID3',
            action: 'Merge',
            recordData: { mergeIdToKeep: 'A', mergeIdToDelete: 'B' },
          },
        ],
      }),
    });
    const { data } = await client().getCentralRecords(1, 10);
    expect(data).toEqual([
      { ID: 2, tableName: 't', recordId: 'ID2', action: 'delete', recordData: null },
      {
        ID: 3,
        tableName: 't',
        recordId: 'ID3',
        action: 'merge',
        recordData: { mergeIdToKeep: 'A', mergeIdToDelete: 'B' },
      },
    ]);
  });

  it('rejects recordData that is not an object (a list, a string) as UNKNOWN naming the record', async () => {
    for (const recordData of [['a'], 'text', 7]) {
      server.reply = () => ({
        body: JSON.stringify({
          queueLength: 1,
          data: [{ syncOutId: 'S1', tableName: 't', recordId: 'r', action: 'update', recordData }],
        }),
      });
      const error = await expectSyncError(client().getQueuedRecords(1), 'UNKNOWN', secretsOf(site));
      expect(error.detail).toContain('data[0].recordData');
      expect(error.detail).toContain('expected an object');
    }
  });

  it('rejects a 2xx body of the wrong shape as UNKNOWN, with the issue and the first 500 characters', async () => {
    const padding = 'x'.repeat(1000);
    server.reply = () => ({
      body: JSON.stringify({
        maxCursor: 1,
        data: [{ ID: 1, tableName: 't', recordId: 'r', action: 'patch' }],
        padding,
      }),
    });
    const error = await expectSyncError(client().getCentralRecords(0, 1), 'UNKNOWN', secretsOf(site));
    expect(error.detail).toContain('GET http://127.0.0.1');
    expect(error.detail).toContain('/sync/v5/central_records?cursor=0&limit=1 → HTTP 200');
    expect(error.detail).toContain('data[0].action');
    expect(error.detail).toContain('"action":"patch"');
    expect(error.detail).not.toContain('x'.repeat(500));

    server.reply = () => ({ body: JSON.stringify({ ...SITE_INFO, mSupplyCentralSiteId: undefined }) });
    expect((await expectSyncError(client().getSiteInfo(), 'UNKNOWN', secretsOf(site))).detail).toContain(
      'mSupplyCentralSiteId',
    );
    server.reply = () => ({
      body: '{"queueLength": 1, "data": [{"syncOutId": 7, "tableName": "t", "recordId": "r", "action": "update"}]}',
    });
    expect(
      (await expectSyncError(client().getQueuedRecords(1), 'UNKNOWN', secretsOf(site))).detail,
    ).toContain('syncOutId');
    server.reply = () => ({ body: '{"code": "idle", "message": "idle", "data": {}}' });
    await expectSyncError(client().getSiteStatus(), 'UNKNOWN', secretsOf(site));
    server.reply = () => ({ body: '{"integrationStarted": "yes"}' });
    await expectSyncError(client().pushRecords({ queueLength: 0, data: [] }), 'UNKNOWN', secretsOf(site));
  });

  it('maps an error body that is not the envelope to UNKNOWN with the status and the text', async () => {
    server.reply = () => ({ status: 502, body: '<html>Bad gateway</html>', contentType: 'text/html' });
    const error = await expectSyncError(client().getSiteInfo(), 'UNKNOWN', secretsOf(site));
    expect(error.detail).toMatch(/→ HTTP 502: <html>Bad gateway<\/html>$/);
  });

  it('keeps the hash and the Authorization header out of errors, even when the server echoes them', async () => {
    server.reply = (request) => ({
      status: 401,
      body: JSON.stringify({
        error: {
          code: 'site_incorrect_password',
          message: `hash ${site.passwordSha256} header ${request.headers.authorization}`,
        },
      }),
    });
    const error = await expectSyncError(client().getSiteInfo(), 'INCORRECT_PASSWORD', secretsOf(site));
    expect(error.detail).toContain('hash [redacted] header Basic [redacted]');
  });
});
