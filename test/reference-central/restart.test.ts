// docs/REFERENCE-CENTRAL.md: state lives in <dir>/central.sqlite and survives a restart; SIGTERM
// stops the central cleanly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acknowledge,
  addSite,
  allCentralRecords,
  assetRow,
  getSiteInfo,
  initialise,
  itemLineRow,
  itemRow,
  pullQueue,
  seed,
  startCentral,
  storeOf,
  transactRow,
  transLineRow,
  unitRow,
  v5,
  v6PullAll,
  v6Pull,
  v6,
  pullBody,
  v6SiteStatusBody,
  type Central,
  ADMIN_HEAVY,
} from './harness';

let central: Central;

beforeAll(async () => {
  central = await startCentral();
}, ADMIN_HEAVY.timeout);

afterAll(async () => {
  await central?.dispose();
});

describe('restart on the same data directory', ADMIN_HEAVY, () => {
  it('keeps sites, hardware-ID binding, initialisation, queue, acknowledgements and both change logs', async () => {
    const site = await addSite(central);
    const store = storeOf(site);
    const unit = unitRow();
    const item = itemRow(unit.ID as string);
    const invoice = transactRow(store.ID, store.name_ID);
    await seed(central.dataDir, {
      unit: [unit],
      item: [item],
      transact: [invoice],
      trans_line: [transLineRow(invoice.ID as string, item.ID as string)],
      item_line: [itemLineRow(store.ID, item.ID as string)],
      asset: [assetRow(store.ID)],
    });
    expect(await initialise(central.legacyUrl, site)).toEqual({ queueLength: 3 });
    const head = await pullQueue(central.legacyUrl, site, 1);
    await acknowledge(
      central.legacyUrl,
      site,
      head.data.map((record) => record.syncOutId),
    );
    const queueBefore = await pullQueue(central.legacyUrl, site, 100);
    expect(queueBefore.queueLength).toBe(2);
    const centralBefore = await allCentralRecords(central.legacyUrl, site);
    const v6Before = await v6PullAll(central, site, false);
    const infoBefore = await getSiteInfo(central.legacyUrl, site);
    const oldUrl = central.legacyUrl;

    const exit = await central.stop();
    expect(exit).toEqual({ code: 0, signal: null });
    await expect(v5(oldUrl, 'GET', '/sync/v5/site', site)).rejects.toThrow();

    await central.restart();

    const infoAfter = await getSiteInfo(central.legacyUrl, site);
    expect(infoAfter).toEqual({ ...infoBefore, omSupplyCentralServerUrl: central.omsUrl });
    expect(infoAfter.initialisationStatus).toBe('completed');
    const otherMachine = await v5(central.legacyUrl, 'GET', '/sync/v5/site', {
      ...site,
      hardwareId: `${site.hardwareId}-other`,
    });
    expect(otherMachine.status).toBe(401);
    expect(otherMachine.json).toMatchObject({ error: { code: 'site_incorrect_hardware_id' } });

    expect(await pullQueue(central.legacyUrl, site, 100)).toEqual(queueBefore);
    expect(await allCentralRecords(central.legacyUrl, site)).toEqual(centralBefore);
    expect(await v6PullAll(central, site, false)).toEqual(v6Before);

    // And the central keeps working: new central rows continue the log after the old end.
    const lastId = centralBefore.at(-1)?.ID ?? 0;
    const later = unitRow();
    await seed(central.dataDir, { unit: [later] });
    const added = await allCentralRecords(central.legacyUrl, site, lastId);
    expect(added.map((record) => record.recordId)).toEqual([later.ID]);
    expect(added[0]?.ID).toBeGreaterThan(lastId);
  });
  it('serves v6 on its own listener with --oms-port and announces it in /site', async () => {
    const site = await addSite(central);
    await central.restart({ omsPort: 0 });
    expect(central.omsUrl).not.toBe(central.legacyUrl);
    expect(new URL(central.omsUrl).port).not.toBe(new URL(central.legacyUrl).port);
    expect((await getSiteInfo(central.legacyUrl, site)).omSupplyCentralServerUrl).toBe(central.omsUrl);
    const batch = await v6Pull(central, site, { cursor: 0, batchSize: 10, isInitialised: true });
    expect(batch.is_last_batch).toBeTypeOf('boolean');
  });

  it('answers every v6 route with HTTP 405 plain text when started with --v6-off', async () => {
    const site = await addSite(central);
    await central.restart({ omsPort: undefined, v6Off: true });
    expect((await v5(central.legacyUrl, 'GET', '/sync/v5/site', site)).status).toBe(200);
    const bodies: [string, unknown][] = [
      ['pull', pullBody(central, site, { cursor: 0, batchSize: 10, isInitialised: true })],
      ['site_status', v6SiteStatusBody(central, site)],
      [
        'push',
        {
          ...v6SiteStatusBody(central, site),
          batch: { end_cursor: 0, total_records: 0, records: [], is_last_batch: true },
        },
      ],
    ];
    for (const [route, body] of bodies) {
      const result = await v6(central.omsUrl, route, body);
      expect(result.status).toBe(405);
      expect(result.text).toBe('Method only allowed on central server.');
    }
    await central.restart({ v6Off: false });
    expect(
      (await v6Pull(central, site, { cursor: 0, batchSize: 10, isInitialised: true })).is_last_batch,
    ).toBeTypeOf('boolean');
  });
});
