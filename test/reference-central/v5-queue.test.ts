// PROTOCOL.md §2 and §6: initialisation fills the site's FIFO queue with every record of its stores;
// records stay until acknowledged; acknowledgements are idempotent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acknowledge,
  addSite,
  admin,
  assetRow,
  getSiteInfo,
  initialise,
  itemLineRow,
  PULL_ACTIONS,
  pullQueue,
  seed,
  startCentral,
  storeOf,
  transactRow,
  transLineRow,
  v5,
  type Central,
  type QueuedRecord,
  type Row,
  type TestSite,
  ADMIN_HEAVY,
  seedUnitAndItem,
} from './harness';

let central: Central;
let itemId: string;

beforeAll(async () => {
  central = await startCentral();
  itemId = await seedUnitAndItem(central.dataDir);
}, ADMIN_HEAVY.timeout);

afterAll(async () => {
  await central?.dispose();
});

interface StoreData {
  rows: { table: string; row: Row }[];
  seedInput: Record<string, Row[]>;
}

/** Two invoices with two lines each, a stock line and a location for the site's store. */
function storeData(site: TestSite): StoreData {
  const store = storeOf(site);
  const invoices = [
    transactRow(store.ID, store.name_ID),
    transactRow(store.ID, store.name_ID, { type: 'si' }),
  ];
  const lines = invoices.flatMap((invoice) => [
    transLineRow(invoice.ID as string, itemId),
    transLineRow(invoice.ID as string, itemId, { quantity: 3 }),
  ]);
  const stockLine = itemLineRow(store.ID, itemId);
  const location = {
    ID: `LOC-${store.ID}`,
    Description: 'Shelf',
    code: 'S1',
    hold: false,
    store_ID: store.ID,
  };
  const rows = [
    ...invoices.map((row) => ({ table: 'transact', row })),
    ...lines.map((row) => ({ table: 'trans_line', row })),
    { table: 'item_line', row: stockLine },
    { table: 'Location', row: location },
  ];
  return {
    rows,
    seedInput: { transact: invoices, trans_line: lines, item_line: [stockLine], Location: [location] },
  };
}

const key = (tableName: string, recordId: string): string => `${tableName}/${recordId}`;

describe('POST /sync/v5/initialise', ADMIN_HEAVY, () => {
  it('answers {queueLength} and completes the site', async () => {
    const site = await addSite(central);
    const data = storeData(site);
    await seed(central.dataDir, data.seedInput);
    expect((await getSiteInfo(central.legacyUrl, site)).initialisationStatus).toBe('new');

    const result = await v5(central.legacyUrl, 'POST', '/sync/v5/initialise', { ...site, body: {} });
    expect(result.status).toBe(200);
    expect(result.json).toEqual({ queueLength: data.rows.length });

    expect((await getSiteInfo(central.legacyUrl, site)).initialisationStatus).toBe('completed');
  });

  it("queues every record of the site's stores (children through their parent) and none of another store", async () => {
    const site = await addSite(central);
    const other = await addSite(central);
    const mine = storeData(site);
    const theirs = storeData(other);
    await seed(central.dataDir, mine.seedInput);
    await seed(central.dataDir, theirs.seedInput);
    await seed(central.dataDir, { asset: [assetRow(storeOf(site).ID)] });

    expect(await initialise(central.legacyUrl, site)).toEqual({ queueLength: mine.rows.length });
    const queue = await pullQueue(central.legacyUrl, site, 1000);
    expect(queue.queueLength).toBe(mine.rows.length);
    expect(queue.data).toHaveLength(mine.rows.length);

    const expected = new Map(mine.rows.map(({ table, row }) => [key(table, row.ID as string), row]));
    const received = new Map(queue.data.map((record) => [key(record.tableName, record.recordId), record]));
    expect([...received.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [recordKey, row] of expected) {
      const record = received.get(recordKey) as QueuedRecord;
      expect(PULL_ACTIONS).toContain(record.action);
      expect(record.recordData).toEqual(row);
    }
    const theirIds = new Set(theirs.rows.map(({ row }) => row.ID as string));
    expect(queue.data.some((record) => theirIds.has(record.recordId))).toBe(false);

    // The other site, not yet initialised, has nothing queued; after its initialise, only its own rows.
    expect((await pullQueue(central.legacyUrl, other, 1000)).data).toEqual([]);
    await initialise(central.legacyUrl, other);
    const otherQueue = await pullQueue(central.legacyUrl, other, 1000);
    expect(otherQueue.data.map((record) => record.recordId).sort()).toEqual([...theirIds].sort());
  });
});

describe('GET /sync/v5/queued_records and POST /sync/v5/acknowledged_records', ADMIN_HEAVY, () => {
  it('has string syncOutIds and keeps records until acknowledged (FIFO)', async () => {
    const site = await addSite(central);
    const data = storeData(site);
    await seed(central.dataDir, data.seedInput);
    await initialise(central.legacyUrl, site);
    const total = data.rows.length;

    const result = await v5(central.legacyUrl, 'GET', '/sync/v5/queued_records?limit=3', site);
    expect(result.status).toBe(200);
    expect(Object.keys(result.json as object).sort()).toEqual(['data', 'queueLength']);
    const head = result.json as { queueLength: number; data: QueuedRecord[] };
    expect(head.queueLength).toBe(total);
    expect(head.data).toHaveLength(3);
    for (const record of head.data) {
      expect(record.syncOutId).toBeTypeOf('string');
      for (const field of Object.keys(record)) {
        expect(['syncOutId', 'tableName', 'recordId', 'action', 'recordData']).toContain(field);
      }
    }
    expect(new Set(head.data.map((record) => record.syncOutId)).size).toBe(3);

    // Not acknowledged: the same head again.
    expect(await pullQueue(central.legacyUrl, site, 3)).toEqual(head);

    // The full queue starts with the same head (FIFO).
    const full = await pullQueue(central.legacyUrl, site, 1000);
    expect(full.data.slice(0, 3)).toEqual(head.data);

    const ack = await acknowledge(
      central.legacyUrl,
      site,
      head.data.map((record) => record.syncOutId),
    );
    expect(ack.status).toBeGreaterThanOrEqual(200);
    expect(ack.status).toBeLessThan(300);

    const next = await pullQueue(central.legacyUrl, site, 3);
    expect(next.queueLength).toBe(total - 3);
    expect(next.data).toEqual(full.data.slice(3, 6));
  });

  it('treats repeated acknowledgements and unknown ids as harmless', async () => {
    const site = await addSite(central);
    const data = storeData(site);
    await seed(central.dataDir, data.seedInput);
    await initialise(central.legacyUrl, site);
    const full = await pullQueue(central.legacyUrl, site, 1000);
    const firstTwo = full.data.slice(0, 2).map((record) => record.syncOutId);

    await acknowledge(central.legacyUrl, site, firstTwo);
    const again = await v5(central.legacyUrl, 'POST', '/sync/v5/acknowledged_records', {
      ...site,
      body: { syncIDs: firstTwo },
    });
    expect(again.status).toBeGreaterThanOrEqual(200);
    expect(again.status).toBeLessThan(300);
    const unknown = await v5(central.legacyUrl, 'POST', '/sync/v5/acknowledged_records', {
      ...site,
      body: { syncIDs: ['NO-SUCH-ID', '999999999'] },
    });
    expect(unknown.status).toBeGreaterThanOrEqual(200);
    expect(unknown.status).toBeLessThan(300);
    const empty = await v5(central.legacyUrl, 'POST', '/sync/v5/acknowledged_records', {
      ...site,
      body: { syncIDs: [] },
    });
    expect(empty.status).toBeGreaterThanOrEqual(200);
    expect(empty.status).toBeLessThan(300);

    const rest = await pullQueue(central.legacyUrl, site, 1000);
    expect(rest.queueLength).toBe(full.queueLength - 2);
    expect(rest.data).toEqual(full.data.slice(2));
  });

  it("cannot acknowledge another site's queue entries", async () => {
    const site = await addSite(central);
    const other = await addSite(central);
    await seed(central.dataDir, storeData(site).seedInput);
    await initialise(central.legacyUrl, site);
    await initialise(central.legacyUrl, other);
    const queue = await pullQueue(central.legacyUrl, site, 1000);
    await acknowledge(
      central.legacyUrl,
      other,
      queue.data.map((record) => record.syncOutId),
    );
    expect(await pullQueue(central.legacyUrl, site, 1000)).toEqual(queue);
  });

  it('ends with {queueLength: 0, data: []} once everything is acknowledged', async () => {
    const site = await addSite(central);
    const data = storeData(site);
    await seed(central.dataDir, data.seedInput);
    await initialise(central.legacyUrl, site);
    const seen: string[] = [];
    for (;;) {
      const batch = await pullQueue(central.legacyUrl, site, 4);
      expect(batch.queueLength).toBe(data.rows.length - seen.length);
      if (batch.data.length === 0) break;
      expect(batch.data.length).toBeLessThanOrEqual(4);
      seen.push(...batch.data.map((record) => record.recordId));
      await acknowledge(
        central.legacyUrl,
        site,
        batch.data.map((record) => record.syncOutId),
      );
    }
    expect(seen.sort()).toEqual(data.rows.map(({ row }) => row.ID as string).sort());
    const result = await v5(central.legacyUrl, 'GET', '/sync/v5/queued_records?limit=10', site);
    expect(result.json).toEqual({ queueLength: 0, data: [] });
  });

  it('admin queue prints the same unacknowledged queue, FIFO', async () => {
    const site = await addSite(central);
    await seed(central.dataDir, storeData(site).seedInput);
    await initialise(central.legacyUrl, site);
    const head = await pullQueue(central.legacyUrl, site, 2);
    await acknowledge(
      central.legacyUrl,
      site,
      head.data.map((record) => record.syncOutId),
    );
    const queue = await pullQueue(central.legacyUrl, site, 1000);
    expect(queue.data.length).toBeGreaterThan(0);
    const printed = await admin<QueuedRecord[] | { data: QueuedRecord[] }>(
      central.dataDir,
      'queue',
      '--site',
      site.site,
    );
    expect(Array.isArray(printed) ? printed : printed.data).toEqual(queue.data);
  });

  it('accepts POST bodies without a Content-Type header', async () => {
    const site = await addSite(central);
    const result = await v5(central.legacyUrl, 'POST', '/sync/v5/initialise', { ...site, body: {} });
    expect(result.status).toBe(200);
    const ack = await v5(central.legacyUrl, 'POST', '/sync/v5/acknowledged_records', {
      ...site,
      body: { syncIDs: [] },
    });
    expect(ack.status).toBeLessThan(300);
  });
});
