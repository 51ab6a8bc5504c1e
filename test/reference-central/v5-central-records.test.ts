// PROTOCOL.md §2 and §6: the global central change log, served with an exclusive cursor, one live
// entry per record (editing moves a record to a new, higher ID and leaves a gap).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addSite,
  allCentralRecords,
  assetClassRow,
  centralRecords,
  itemRow,
  PULL_ACTIONS,
  seed,
  startCentral,
  storeOf,
  transactRow,
  unitRow,
  v5,
  type Central,
  type CentralRecord,
  type CentralRecords,
  type TestSite,
  ADMIN_HEAVY,
} from './harness';

let central: Central;

beforeAll(async () => {
  central = await startCentral();
}, ADMIN_HEAVY.timeout);

afterAll(async () => {
  await central?.dispose();
});

/** The current end of the change log, read from `maxCursor`. */
async function endOfLog(site: TestSite): Promise<number> {
  return (await centralRecords(central.legacyUrl, site, 0, 1)).maxCursor;
}

function expectRecordShape(record: CentralRecord): void {
  for (const key of Object.keys(record)) {
    expect(['ID', 'tableName', 'recordId', 'action', 'recordData']).toContain(key);
  }
  expect(Number.isInteger(record.ID)).toBe(true);
  expect(record.tableName).toBeTypeOf('string');
  expect(record.recordId).toBeTypeOf('string');
  expect(PULL_ACTIONS).toContain(record.action);
}

describe('GET /sync/v5/central_records', ADMIN_HEAVY, () => {
  it('serves seeded central rows after the cursor, ascending, with numeric IDs and maxCursor', async () => {
    const site = await addSite(central);
    const before = await endOfLog(site);
    const units = [unitRow({ units: 'Tab' }), unitRow({ units: 'Cap' })];
    const items = [
      itemRow(units[0]?.ID as string),
      itemRow(units[1]?.ID as string),
      itemRow(units[0]?.ID as string),
    ];
    await seed(central.dataDir, { unit: units, item: items });

    const result = await v5(
      central.legacyUrl,
      'GET',
      `/sync/v5/central_records?cursor=${before}&limit=100`,
      site,
    );
    expect(result.status).toBe(200);
    expect(Object.keys(result.json as object).sort()).toEqual(['data', 'maxCursor']);
    const body = result.json as CentralRecords;
    expect(body.data).toHaveLength(5);
    for (const record of body.data) expectRecordShape(record);
    const ids = body.data.map((record) => record.ID);
    expect(ids[0]).toBeGreaterThan(before);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(body.maxCursor).toBe(ids.at(-1));

    const byId = new Map(body.data.map((record) => [record.recordId, record]));
    for (const unit of units) {
      expect(byId.get(unit.ID as string)).toMatchObject({ tableName: 'unit', recordData: unit });
    }
    for (const item of items) {
      expect(byId.get(item.ID as string)).toMatchObject({ tableName: 'item', recordData: item });
    }
  });

  it('uses an exclusive cursor and returns at most `limit` records', async () => {
    const site = await addSite(central);
    const before = await endOfLog(site);
    const units = Array.from({ length: 5 }, (_, index) => unitRow({ order_number: index }));
    await seed(central.dataDir, { unit: units });
    const all = (await centralRecords(central.legacyUrl, site, before, 100)).data;
    expect(all.map((record) => record.recordId).sort()).toEqual(
      units.map((unit) => unit.ID as string).sort(),
    );

    const firstTwo = await centralRecords(central.legacyUrl, site, before, 2);
    expect(firstTwo.data).toEqual(all.slice(0, 2));
    expect(firstTwo.maxCursor).toBe(all.at(-1)?.ID);

    const afterSecond = all[1]?.ID as number;
    const rest = await centralRecords(central.legacyUrl, site, afterSecond, 2);
    expect(rest.data).toEqual(all.slice(2, 4));
    expect(rest.data.every((record) => record.ID > afterSecond)).toBe(true);

    const last = await centralRecords(central.legacyUrl, site, all[3]?.ID as number, 2);
    expect(last.data).toEqual(all.slice(4));

    // A cursor equal to a record's ID never returns that record again.
    const fromLast = await centralRecords(central.legacyUrl, site, all[4]?.ID as number, 10);
    expect(fromLast.data).toEqual([]);
  });

  it('gives an edited record a new, higher ID and removes its old entry', async () => {
    const site = await addSite(central);
    const before = await endOfLog(site);
    const edited = unitRow({ units: 'Bottle' });
    const untouched = unitRow({ units: 'Vial' });
    await seed(central.dataDir, { unit: [edited, untouched] });
    const firstPass = (await centralRecords(central.legacyUrl, site, before, 100)).data;
    const oldId = firstPass.find((record) => record.recordId === edited.ID)?.ID as number;
    const untouchedId = firstPass.find((record) => record.recordId === untouched.ID)?.ID as number;
    expect(oldId).toBeGreaterThan(before);

    const changed = { ...edited, units: 'Bottle 500 ml', comment: 'edited' };
    await seed(central.dataDir, { unit: [changed] });

    const secondPass = (await centralRecords(central.legacyUrl, site, before, 100)).data;
    const entries = secondPass.filter((record) => record.recordId === edited.ID);
    expect(entries).toHaveLength(1);
    const newEntry = entries[0] as CentralRecord;
    expect(newEntry.ID).toBeGreaterThan(Math.max(oldId, untouchedId));
    expect(newEntry.recordData).toEqual(changed);
    expect(secondPass.some((record) => record.ID === oldId)).toBe(false);
    expect(secondPass.find((record) => record.recordId === untouched.ID)?.ID).toBe(untouchedId);
    expect((await centralRecords(central.legacyUrl, site, before, 100)).maxCursor).toBe(newEntry.ID);

    // A site that already had the old version gets only the new entry after its cursor.
    const since = await centralRecords(central.legacyUrl, site, Math.max(oldId, untouchedId), 100);
    expect(since.data.map((record) => record.recordId)).toEqual([edited.ID]);
  });

  it('returns empty data for a cursor at or past the end, with maxCursor unchanged', async () => {
    const site = await addSite(central);
    await seed(central.dataDir, { unit: [unitRow()] });
    const end = await endOfLog(site);
    expect(end).toBeGreaterThan(0);
    const atEnd = await centralRecords(central.legacyUrl, site, end, 100);
    expect(atEnd).toEqual({ maxCursor: end, data: [] });
    const pastEnd = await centralRecords(central.legacyUrl, site, end + 1000, 100);
    expect(pastEnd).toEqual({ maxCursor: end, data: [] });
  });

  it('is the same global log for every site', async () => {
    const first = await addSite(central);
    const second = await addSite(central);
    await seed(central.dataDir, { unit: [unitRow()] });
    const a = await allCentralRecords(central.legacyUrl, first);
    const b = await allCentralRecords(central.legacyUrl, second);
    expect(a.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
  });

  it('keeps store-owned (remote) rows and v6 rows out of the central change log', async () => {
    const site = await addSite(central);
    const before = await endOfLog(site);
    const store = storeOf(site);
    const invoice = transactRow(store.ID, store.name_ID);
    const assetClass = assetClassRow();
    const unit = unitRow();
    await seed(central.dataDir, { transact: [invoice], asset_class: [assetClass], unit: [unit] });
    const records = await allCentralRecords(central.legacyUrl, site, before);
    expect(records.map((record) => record.recordId)).toEqual([unit.ID]);
  });

  it('reads the whole log page by page without repeats or gaps in the records', async () => {
    const site = await addSite(central);
    const before = await endOfLog(site);
    const units = Array.from({ length: 7 }, () => unitRow());
    await seed(central.dataDir, { unit: units });
    const paged = await allCentralRecords(central.legacyUrl, site, before, 3);
    expect(paged.map((record) => record.recordId).sort()).toEqual(
      units.map((unit) => unit.ID as string).sort(),
    );
  });
});
