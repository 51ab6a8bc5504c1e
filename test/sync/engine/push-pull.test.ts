// After initialisation: local edits are counted once, pushed once over the API their table travels
// on (v5 for stock lines, v6 for assets) and kept; central changes are pulled and integrated.
// A recording proxy in front of central (v6 routed through it too) shows exactly what was pushed.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readLocalRecord, saveLocalRecord } from '../../../src-main/local-records';
import type { SyncEngine } from '../../../src-main/sync-engine';
import type { StepProgress } from '../../../src-main/sync/run-log';
import { AssetEntity, type Asset } from '../../../src-main/translators/tables/asset';
import { ItemEntity } from '../../../src-main/translators/tables/item';
import { StockLineEntity, type StockLine } from '../../../src-main/translators/tables/item-line';
import { UnitEntity } from '../../../src-main/translators/tables/unit';
import { addFault, clearFaults, seed, startCentral, type Central } from '../../reference-central/harness';
import {
  SATELLITE_1,
  centralQuery,
  centralRecord,
  cleanUp,
  initialisedEngine,
  pushedOverV5,
  pushedOverV6,
  startProxy,
  stepTotals,
  type CentralProxy,
} from './helpers';

const HARDWARE_ID = 'HW-PUSH-PULL';

let central: Central;
let proxy: CentralProxy;

beforeAll(async () => {
  central = await startCentral({ demo: true });
});
afterAll(async () => {
  await central?.dispose();
});
beforeEach(async () => {
  proxy = await startProxy(central.legacyUrl, { proxyV6: true });
});
afterEach(async () => {
  await cleanUp();
  await proxy.close();
});

/** satellite-1 initialised through the proxy; the proxy's record starts after initialisation. */
async function initialisedSatellite(): Promise<SyncEngine> {
  const engine = await initialisedEngine(proxy.url, SATELLITE_1, HARDWARE_ID);
  proxy.requests.length = 0;
  return engine;
}

async function aStockLine(engine: SyncEngine): Promise<StockLine> {
  const [line] = await engine.db.dataSource
    .getRepository(StockLineEntity)
    .find({ where: { storeId: SATELLITE_1.storeId }, order: { id: 'ASC' }, take: 1 });
  if (!line) throw new Error('satellite-1 has no stock line');
  return line;
}

async function anAsset(engine: SyncEngine): Promise<Asset> {
  const [asset] = await engine.db.dataSource
    .getRepository(AssetEntity)
    .find({ where: { storeId: SATELLITE_1.storeId }, order: { id: 'ASC' }, take: 1 });
  if (!asset) throw new Error('satellite-1 has no asset');
  return asset;
}

async function sync(engine: SyncEngine): Promise<void> {
  proxy.requests.length = 0;
  expect(await engine.syncOnce()).toEqual({ status: 'succeeded' });
}

describe('push and pull after initialisation', () => {
  it('counts a local stock-line edit once, pushes it once over v5, and keeps it', async () => {
    const engine = await initialisedSatellite();
    const line = await aStockLine(engine);
    const note = `edited ${randomUUID()}`;
    await saveLocalRecord(engine.db, 'item_line', { ...line, note: 'first edit' } as StockLine);
    await saveLocalRecord(engine.db, 'item_line', {
      ...line,
      note,
      availableNumberOfPacks: line.availableNumberOfPacks - 1,
    } as StockLine);
    expect((await engine.status()).recordsWaitingToPush).toBe(1);

    await sync(engine);

    expect(pushedOverV5(proxy).map((record) => [record.tableName, record.recordId, record.action])).toEqual([
      ['item_line', line.id, 'Update'],
    ]);
    expect(pushedOverV6(proxy)).toEqual([]);
    expect(await stepTotals(engine, 'push')).toEqual({ done: 1, total: 1 });
    expect(await stepTotals(engine, 'pushV6')).toEqual({ done: 0, total: 0 });
    const onCentral = await centralRecord(central, 'item_line', line.id);
    expect(onCentral).toMatchObject({ ID: line.id, note, available: line.availableNumberOfPacks - 1 });
    expect(await centralQuery(central, 'SELECT * FROM push_buffer')).toEqual([]);
    expect((await engine.status()).recordsWaitingToPush).toBe(0);
    expect(await readLocalRecord(engine.db, 'item_line', line.id)).toMatchObject({ note });

    // A second run sends nothing new, and neither side changes.
    await sync(engine);
    expect(pushedOverV5(proxy)).toEqual([]);
    expect(pushedOverV6(proxy)).toEqual([]);
    expect(await stepTotals(engine, 'push')).toEqual({ done: 0, total: 0 });
    expect(await centralRecord(central, 'item_line', line.id)).toEqual(onCentral);
    expect(await readLocalRecord(engine.db, 'item_line', line.id)).toMatchObject({ note });
  });

  it('shows the push total from the start, before central has answered the first batch', async () => {
    const engine = await initialisedSatellite();
    const line = await aStockLine(engine);
    await saveLocalRecord(engine.db, 'item_line', { ...line, note: `slow ${randomUUID()}` } as StockLine);
    await addFault(central, { route: '/sync/v5/queued_records', method: 'POST', kind: 'latency', ms: 1500 });
    try {
      const run = engine.syncOnce();
      let push: StepProgress | undefined;
      while (!push?.startedAt) {
        push = (await engine.status()).current?.steps.find((step) => step.step === 'push');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // Central is still sitting on the first batch here.
      expect(push).toMatchObject({ done: 0, total: 1, finishedAt: null });
      expect(await run).toEqual({ status: 'succeeded' });
    } finally {
      await clearFaults(central);
    }
  });

  it('pulls and integrates central changes of a unit and an item, without pushing them back', async () => {
    const engine = await initialisedSatellite();
    const [unitRow] = await centralQuery<{ data: string }>(
      central,
      "SELECT data FROM record WHERE table_name = 'unit' ORDER BY record_id LIMIT 1",
    );
    const [itemRow] = await centralQuery<{ data: string }>(
      central,
      "SELECT data FROM record WHERE table_name = 'item' ORDER BY record_id LIMIT 1",
    );
    if (!unitRow || !itemRow) throw new Error('the demo central has no unit or item');
    const unit: Record<string, unknown> = {
      ...(JSON.parse(unitRow.data) as Record<string, unknown>),
      units: `Unit ${randomUUID()}`,
    };
    const item: Record<string, unknown> = {
      ...(JSON.parse(itemRow.data) as Record<string, unknown>),
      item_name: `Item ${randomUUID()}`,
    };
    await seed(central.dataDir, { unit: [unit], item: [item] });

    await sync(engine);

    expect(await stepTotals(engine, 'pullCentral')).toEqual({ done: 2, total: 2 });
    const units = engine.db.dataSource.getRepository(UnitEntity);
    const items = engine.db.dataSource.getRepository(ItemEntity);
    expect(await units.findOneBy({ id: String(unit.ID) })).toMatchObject({ name: unit.units });
    expect(await items.findOneBy({ id: String(item.ID) })).toMatchObject({ name: item.item_name });
    const status = await engine.status();
    expect(status.integrationProblems).toBe(0);
    expect(status.recordsWaitingToPush).toBe(0);

    await sync(engine);
    expect(pushedOverV5(proxy)).toEqual([]);
    expect(pushedOverV6(proxy)).toEqual([]);
    expect(await stepTotals(engine, 'pullCentral')).toEqual({ done: 0, total: 0 });
  });

  it('pushes a local asset edit over v6 only, and keeps it', async () => {
    const engine = await initialisedSatellite();
    const asset = await anAsset(engine);
    const notes = `asset edited ${randomUUID()}`;
    await saveLocalRecord(engine.db, 'asset', {
      ...asset,
      notes,
      modifiedDatetime: '2025-06-01T12:00:00',
    } as Asset);
    expect((await engine.status()).recordsWaitingToPush).toBe(1);

    await sync(engine);

    expect(pushedOverV6(proxy).map((record) => [record.tableName, record.recordId, record.action])).toEqual([
      ['asset', asset.id, 'Update'],
    ]);
    expect(pushedOverV5(proxy)).toEqual([]);
    expect(await stepTotals(engine, 'pushV6')).toEqual({ done: 1, total: 1 });
    expect(await stepTotals(engine, 'push')).toEqual({ done: 0, total: 0 });
    expect(await centralRecord(central, 'asset', asset.id)).toMatchObject({
      id: asset.id,
      notes,
      modified_datetime: '2025-06-01T12:00:00',
    });
    // Central logged the change in its v6 change log as coming from satellite-1's push.
    expect(
      await centralQuery(
        central,
        "SELECT source_site_id FROM oms_change WHERE table_name = 'asset' AND record_id = ?",
        [asset.id],
      ),
    ).toEqual([{ source_site_id: SATELLITE_1.syncId }]);
    expect((await engine.status()).recordsWaitingToPush).toBe(0);

    await sync(engine);
    expect(pushedOverV6(proxy)).toEqual([]);
    expect(pushedOverV5(proxy)).toEqual([]);
    expect(await readLocalRecord(engine.db, 'asset', asset.id)).toMatchObject({ notes });
  });

  it('counts one v5 and one v6 change as 2 and pushes one under each of Push and Push V6', async () => {
    const engine = await initialisedSatellite();
    const line = await aStockLine(engine);
    const asset = await anAsset(engine);
    await saveLocalRecord(engine.db, 'item_line', { ...line, note: 'both APIs' } as StockLine);
    await saveLocalRecord(engine.db, 'asset', { ...asset, notes: 'both APIs' } as Asset);
    expect((await engine.status()).recordsWaitingToPush).toBe(2);

    await sync(engine);

    expect(await stepTotals(engine, 'push')).toEqual({ done: 1, total: 1 });
    expect(await stepTotals(engine, 'pushV6')).toEqual({ done: 1, total: 1 });
    expect(pushedOverV5(proxy).map((record) => record.recordId)).toEqual([line.id]);
    expect(pushedOverV6(proxy).map((record) => record.recordId)).toEqual([asset.id]);
    expect((await engine.status()).recordsWaitingToPush).toBe(0);
  });
});
