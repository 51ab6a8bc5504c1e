// PROTOCOL.md §2 and §6: push batches, integration (with site_status), idempotency, integration into
// the central's own tables and transfer forwarding (a finalised `ci` arrives as an `si` elsewhere).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  addFault,
  addSite,
  admin,
  allCentralRecords,
  centralRecords,
  clearFaults,
  drainQueue,
  getSiteStatus,
  initialise,
  patientRow,
  pullQueue,
  push,
  pushRecord,
  seed,
  startCentral,
  storeOf,
  transactRow,
  transLineRow,
  v5,
  waitFor,
  waitForV5Idle,
  type Central,
  type PushRecord,
  type QueuedRecord,
  type Row,
  type SiteStatus,
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

afterEach(async () => {
  await clearFaults(central);
});

afterAll(async () => {
  await central?.dispose();
});

let syncOutIds = 0;
const nextSyncOutId = (): string => String((syncOutIds += 1));

const record = (tableName: string, row: Row): PushRecord => pushRecord(tableName, row, nextSyncOutId());

async function endOfLog(site: TestSite): Promise<number> {
  return (await centralRecords(central.legacyUrl, site, 0, 1)).maxCursor;
}

/** Pushes `records` in batches of `batchSize`, then the final empty batch, and waits for idle. */
async function pushAll(site: TestSite, records: PushRecord[], batchSize = 100): Promise<void> {
  for (let start = 0; start < records.length; start += batchSize) {
    const answer = await push(
      central.legacyUrl,
      site,
      records.length - start,
      records.slice(start, start + batchSize),
    );
    expect(answer).toEqual({ integrationStarted: false });
  }
  expect(await push(central.legacyUrl, site, 0, [])).toEqual({ integrationStarted: true });
  await waitForV5Idle(central.legacyUrl, site);
}

describe('POST /sync/v5/queued_records', ADMIN_HEAVY, () => {
  it('answers {integrationStarted:false} while batches remain and true for the final {queueLength:0,data:[]}', async () => {
    const site = await addSite(central);
    const patients = [patientRow(), patientRow(), patientRow()];
    const batch1 = {
      queueLength: 3,
      data: [record('name', patients[0] as Row), record('name', patients[1] as Row)],
    };
    const first = await v5(central.legacyUrl, 'POST', '/sync/v5/queued_records', { ...site, body: batch1 });
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ integrationStarted: false });
    const second = await v5(central.legacyUrl, 'POST', '/sync/v5/queued_records', {
      ...site,
      body: { queueLength: 1, data: [record('name', patients[2] as Row)] },
    });
    expect(second.json).toEqual({ integrationStarted: false });
    const last = await v5(central.legacyUrl, 'POST', '/sync/v5/queued_records', {
      ...site,
      body: { queueLength: 0, data: [] },
    });
    expect(last.status).toBe(200);
    expect(last.json).toEqual({ integrationStarted: true });
    await waitForV5Idle(central.legacyUrl, site);
  });

  it('refuses a batch whose recordData is not an object (HTTP 400 naming it), buffering nothing', async () => {
    const site = await addSite(central);
    for (const recordData of [['a list'], 'text']) {
      const answer = await v5(central.legacyUrl, 'POST', '/sync/v5/queued_records', {
        ...site,
        body: {
          queueLength: 1,
          data: [{ syncOutId: 'S1', tableName: 'name', recordId: 'R1', action: 'Update', recordData }],
        },
      });
      expect(answer.status).toBe(400);
      expect(answer.text).toContain('recordData');
    }
    // Nothing of it was kept: the final batch integrates nothing.
    expect(await push(central.legacyUrl, site, 0, [])).toEqual({ integrationStarted: true });
    await waitForV5Idle(central.legacyUrl, site);
    const names = await allCentralRecords(central.legacyUrl, site);
    expect(names.some((record) => record.recordId === 'R1')).toBe(false);
  });

  it('answers true for an empty push (nothing to send still ends with queueLength 0)', async () => {
    const site = await addSite(central);
    expect(await push(central.legacyUrl, site, 0, [])).toEqual({ integrationStarted: true });
    await waitForV5Idle(central.legacyUrl, site);
  });

  it('reports integration_in_progress during integration, then idle', async () => {
    const site = await addSite(central);
    await addFault(central, { route: '*', kind: 'slow-integration', count: 1, ms: 1500 });
    expect(await push(central.legacyUrl, site, 1, [record('name', patientRow())])).toEqual({
      integrationStarted: false,
    });
    const started = Date.now();
    expect(await push(central.legacyUrl, site, 0, [])).toEqual({ integrationStarted: true });

    const busy = await v5(central.legacyUrl, 'GET', '/sync/v5/site_status', site);
    expect(busy.status).toBe(200);
    const status = busy.json as SiteStatus;
    expect(Object.keys(status).sort()).toEqual(['code', 'data', 'message']);
    expect(status.code).toBe('integration_in_progress');
    expect(status.message).toBeTypeOf('string');
    expect(status.data === null || typeof status.data === 'string').toBe(true);

    await waitFor(
      'idle',
      async () => (await getSiteStatus(central.legacyUrl, site)).code === 'idle',
      10_000,
      100,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    const idle = await getSiteStatus(central.legacyUrl, site);
    expect(idle.data === null || typeof idle.data === 'string').toBe(true);
  });

  it('integrates pushed central-table records: a patient pushed by one site reaches the others', async () => {
    const pusher = await addSite(central);
    const reader = await addSite(central);
    const before = await endOfLog(reader);
    const statusBefore = await admin<{ records: Record<string, number> }>(central.dataDir, 'status');
    const patient = patientRow();

    await pushAll(pusher, [record('name', patient)]);

    const records = await allCentralRecords(central.legacyUrl, reader, before);
    const entries = records.filter((entry) => entry.recordId === patient.ID);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ tableName: 'name', recordData: patient });
    const statusAfter = await admin<{ records: Record<string, number> }>(central.dataDir, 'status');
    expect(statusAfter.records.name).toBe((statusBefore.records.name ?? 0) + 1);
  });

  it('does not integrate before the final batch', async () => {
    const site = await addSite(central);
    const before = await endOfLog(site);
    const patient = patientRow();
    expect(await push(central.legacyUrl, site, 2, [record('name', patient)])).toEqual({
      integrationStarted: false,
    });
    await waitForV5Idle(central.legacyUrl, site);
    expect(
      (await allCentralRecords(central.legacyUrl, site, before)).map((entry) => entry.recordId),
    ).not.toContain(patient.ID);
    expect(await push(central.legacyUrl, site, 0, [])).toEqual({ integrationStarted: true });
    await waitForV5Idle(central.legacyUrl, site);
    expect(
      (await allCentralRecords(central.legacyUrl, site, before)).map((entry) => entry.recordId),
    ).toContain(patient.ID);
  });

  it('is idempotent: a repeated batch and a repeated final batch integrate once', async () => {
    const site = await addSite(central);
    const before = await endOfLog(site);
    const patient = patientRow();
    const batch = [record('name', patient)];
    expect(await push(central.legacyUrl, site, 1, batch)).toEqual({ integrationStarted: false });
    expect(await push(central.legacyUrl, site, 1, batch)).toEqual({ integrationStarted: false });
    expect(await push(central.legacyUrl, site, 0, [])).toEqual({ integrationStarted: true });
    await waitForV5Idle(central.legacyUrl, site);
    expect(await push(central.legacyUrl, site, 0, [])).toEqual({ integrationStarted: true });
    await waitForV5Idle(central.legacyUrl, site);
    const entries = (await allCentralRecords(central.legacyUrl, site, before)).filter(
      (entry) => entry.recordId === patient.ID,
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]?.recordData).toEqual(patient);
  });

  it('integrates a pushed Delete (recordData null)', async () => {
    const site = await addSite(central);
    const patient = patientRow();
    await pushAll(site, [record('name', patient)]);
    const before = await endOfLog(site);
    await pushAll(site, [
      {
        syncOutId: nextSyncOutId(),
        tableName: 'name',
        recordId: patient.ID as string,
        action: 'Delete',
        recordData: null,
      },
    ]);
    const after = await allCentralRecords(central.legacyUrl, site, before);
    const entries = after.filter((entry) => entry.recordId === patient.ID);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.action.toLowerCase()).toBe('delete');
    expect(entries[0]?.tableName).toBe('name');
  });
});

describe('transfer forwarding', ADMIN_HEAVY, () => {
  async function twoSites(): Promise<{ supplier: TestSite; receiver: TestSite }> {
    const supplier = await addSite(central);
    const receiver = await addSite(central);
    await initialise(central.legacyUrl, supplier);
    await initialise(central.legacyUrl, receiver);
    await drainQueue(central.legacyUrl, supplier);
    await drainQueue(central.legacyUrl, receiver);
    return { supplier, receiver };
  }

  function shipment(supplier: TestSite, receiver: TestSite, status: string): { invoice: Row; lines: Row[] } {
    const invoice = transactRow(storeOf(supplier).ID, storeOf(receiver).name_ID, {
      type: 'ci',
      status,
      confirm_date: '2024-03-02',
      finalised_date: status === 'fn' ? '2024-03-02' : '0000-00-00',
    });
    const lines = [
      transLineRow(invoice.ID as string, itemId, { quantity: 5 }),
      transLineRow(invoice.ID as string, itemId, { quantity: 7, batch: 'B2' }),
    ];
    return { invoice, lines };
  }

  const shipmentRecords = (invoice: Row, lines: Row[]): PushRecord[] => [
    record('transact', invoice),
    ...lines.map((line) => record('trans_line', line)),
  ];

  function expectInboundCopy(
    queue: QueuedRecord[],
    supplier: TestSite,
    receiver: TestSite,
    lines: Row[],
  ): void {
    const invoices = queue.filter((entry) => entry.tableName === 'transact');
    expect(invoices).toHaveLength(1);
    const inbound = invoices[0] as QueuedRecord;
    const data = inbound.recordData as Row;
    expect(data).toMatchObject({
      type: 'si',
      store_ID: storeOf(receiver).ID,
      name_ID: storeOf(supplier).name_ID,
    });
    expect(data.ID).toBe(inbound.recordId);
    const inboundLines = queue.filter((entry) => entry.tableName === 'trans_line');
    expect(inboundLines).toHaveLength(lines.length);
    for (const line of inboundLines) {
      expect((line.recordData as Row).transaction_ID).toBe(inbound.recordId);
      expect(lines.map((original) => original.ID)).not.toContain(line.recordId);
    }
    expect(inboundLines.map((line) => (line.recordData as Row).quantity).sort()).toEqual(
      lines.map((line) => line.quantity).sort(),
    );
  }

  it("forwards a finalised ci to the receiving store's site as an si with its lines", async () => {
    const { supplier, receiver } = await twoSites();
    const { invoice, lines } = shipment(supplier, receiver, 'fn');
    await pushAll(supplier, shipmentRecords(invoice, lines));

    const queue = (await pullQueue(central.legacyUrl, receiver, 1000)).data;
    expectInboundCopy(queue, supplier, receiver, lines);
    const inbound = queue.find((entry) => entry.tableName === 'transact') as QueuedRecord;
    expect(inbound.recordId).not.toBe(invoice.ID);

    // The supplier does not get its own shipment back, nor the copy.
    expect((await pullQueue(central.legacyUrl, supplier, 1000)).data).toEqual([]);
  });

  it('forwards a repeated push of the same shipment only once', async () => {
    const { supplier, receiver } = await twoSites();
    const { invoice, lines } = shipment(supplier, receiver, 'fn');
    const records = shipmentRecords(invoice, lines);
    expect(await push(central.legacyUrl, supplier, records.length, records)).toEqual({
      integrationStarted: false,
    });
    expect(await push(central.legacyUrl, supplier, records.length, records)).toEqual({
      integrationStarted: false,
    });
    expect(await push(central.legacyUrl, supplier, 0, [])).toEqual({ integrationStarted: true });
    await waitForV5Idle(central.legacyUrl, supplier);
    await pushAll(supplier, shipmentRecords(invoice, lines));

    expectInboundCopy((await pullQueue(central.legacyUrl, receiver, 1000)).data, supplier, receiver, lines);
  });

  it('does not forward a ci with status nw, and forwards it once it is finalised', async () => {
    const { supplier, receiver } = await twoSites();
    const { invoice, lines } = shipment(supplier, receiver, 'nw');
    await pushAll(supplier, shipmentRecords(invoice, lines));
    expect(await pullQueue(central.legacyUrl, receiver, 1000)).toEqual({ queueLength: 0, data: [] });

    const finalised = { ...invoice, status: 'fn', finalised_date: '2024-03-03' };
    await pushAll(supplier, [record('transact', finalised)]);
    expectInboundCopy((await pullQueue(central.legacyUrl, receiver, 1000)).data, supplier, receiver, lines);
  });

  it('does not forward a ci whose customer is not a store', async () => {
    const { supplier, receiver } = await twoSites();
    const patient = patientRow();
    await seed(central.dataDir, { name: [patient] });
    const invoice = transactRow(storeOf(supplier).ID, patient.ID as string, { type: 'ci', status: 'fn' });
    await pushAll(supplier, [
      record('transact', invoice),
      record('trans_line', transLineRow(invoice.ID as string, itemId)),
    ]);
    expect((await pullQueue(central.legacyUrl, receiver, 1000)).data).toEqual([]);
    expect((await pullQueue(central.legacyUrl, supplier, 1000)).data).toEqual([]);
  });
});
