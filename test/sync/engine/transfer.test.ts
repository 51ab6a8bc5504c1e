// A transfer between the demo satellites: satellite-1 finalises an outbound shipment (`ci`, `fn`)
// to satellite-2's store and syncs; satellite-2 then holds the matching inbound shipment (`si`),
// whether it was initialised before (it arrives through its queue) or initialises afterwards.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { saveLocalRecord } from '../../../src-main/local-records';
import type { SyncEngine } from '../../../src-main/sync-engine';
import { StockLineEntity } from '../../../src-main/translators/tables/item-line';
import { InvoiceLineEntity, type InvoiceLine } from '../../../src-main/translators/tables/trans-line';
import { InvoiceEntity, type Invoice } from '../../../src-main/translators/tables/transact';
import { startCentral, type Central } from '../../reference-central/harness';
import { SATELLITE_1, SATELLITE_2, centralRecord, cleanUp, initialisedEngine, stepTotals } from './helpers';

let central: Central;

beforeAll(async () => {
  central = await startCentral({ demo: true });
});
afterAll(async () => {
  await central?.dispose();
});
afterEach(cleanUp);

const legacyId = (): string => randomUUID().replaceAll('-', '').toUpperCase();

function outboundShipment(id: string): Invoice {
  return {
    id,
    receivedJson: null,
    nameId: SATELLITE_2.nameId,
    storeId: SATELLITE_1.storeId,
    invoiceNumber: 9001,
    type: 'ci',
    status: 'fn',
    userId: null,
    isOnHold: false,
    comment: 'Transfer test',
    theirReference: 'REF-TRANSFER',
    clinicianId: null,
    currencyId: null,
    currencyRate: 1,
    goodsReceivedId: null,
    purchaseOrderId: null,
    requisitionId: null,
    linkedInvoiceId: null,
    nameInsuranceJoinId: null,
    defaultDonorId: null,
    insuranceDiscountAmount: 0,
    insuranceDiscountRate: 0,
    entryDate: '2025-05-01',
    entryTime: 36_000,
    confirmDate: '2025-05-01',
    confirmTime: 37_800,
    finalisedDate: '2025-05-02',
    finalisedTime: 39_600,
    mode: 'store',
    taxPercentage: null,
    transportReference: null,
    createdDatetime: '2025-05-01T10:00:00',
    allocatedDatetime: null,
    pickedDatetime: '2025-05-01T10:30:00',
    shippedDatetime: '2025-05-02T11:00:00',
    deliveredDatetime: null,
    verifiedDatetime: null,
    cancelledDatetime: null,
    omStatus: null,
    omType: null,
    colour: null,
    chargesLocalCurrency: null,
    chargesForeignCurrency: null,
  };
}

/** Lines of the shipment, each taking packs from one of satellite-1's stock lines. */
async function shipmentLines(engine: SyncEngine, invoiceId: string): Promise<InvoiceLine[]> {
  const stockLines = await engine.db.dataSource
    .getRepository(StockLineEntity)
    .find({ where: { storeId: SATELLITE_1.storeId }, order: { id: 'ASC' } });
  const distinctItems = stockLines.filter(
    (line, index) => stockLines.findIndex((other) => other.itemId === line.itemId) === index,
  );
  expect(distinctItems.length).toBeGreaterThanOrEqual(2);
  return distinctItems.slice(0, 2).map((stockLine, index) => ({
    id: legacyId(),
    receivedJson: null,
    invoiceId,
    itemId: stockLine.itemId,
    itemName: `Shipped item ${index + 1}`,
    stockLineId: stockLine.id,
    locationId: null,
    batch: stockLine.batch ?? `BATCH-${index + 1}`,
    expiryDate: stockLine.expiryDate ?? '2027-12-31',
    packSize: stockLine.packSize,
    costPricePerPack: 2.5 + index,
    sellPricePerPack: 4 + index,
    type: 'stock_out',
    numberOfPacks: 10 + index * 5,
    note: null,
    reasonId: null,
    linkedInvoiceId: null,
    donorId: null,
    vvmStatusId: null,
    volumePerPack: 0,
    prescribedQuantity: null,
    itemCode: null,
    taxPercentage: null,
    totalBeforeTax: null,
    totalAfterTax: null,
    foreignCurrencyPrice: null,
    itemVariantId: null,
    campaignId: null,
    programId: null,
  }));
}

/** What must match between an outbound line and the inbound line made from it. */
function shipped(line: InvoiceLine) {
  return {
    itemId: line.itemId,
    itemName: line.itemName,
    batch: line.batch,
    expiryDate: line.expiryDate,
    packSize: line.packSize,
    numberOfPacks: line.numberOfPacks,
    costPricePerPack: line.costPricePerPack,
    sellPricePerPack: line.sellPricePerPack,
  };
}

async function inboundShipmentsOf(engine: SyncEngine, outboundId: string): Promise<Invoice[]> {
  return engine.db.dataSource
    .getRepository(InvoiceEntity)
    .findBy({ storeId: SATELLITE_2.storeId, linkedInvoiceId: outboundId });
}

async function expectInboundShipment(engine: SyncEngine, outboundId: string, lines: InvoiceLine[]) {
  const inbound = await inboundShipmentsOf(engine, outboundId);
  expect(inbound).toHaveLength(1);
  const [shipment] = inbound as [Invoice];
  expect(shipment).toMatchObject({
    type: 'si',
    status: 'nw',
    storeId: SATELLITE_2.storeId,
    nameId: SATELLITE_1.nameId,
    linkedInvoiceId: outboundId,
    theirReference: 'REF-TRANSFER',
  });
  const received = await engine.db.dataSource
    .getRepository(InvoiceLineEntity)
    .findBy({ invoiceId: shipment.id });
  expect(received.map((line) => line.type)).toEqual(['stock_in', 'stock_in']);
  const byItem = (a: { itemId: string }, b: { itemId: string }): number => a.itemId.localeCompare(b.itemId);
  expect(received.map(shipped).sort(byItem)).toEqual(lines.map(shipped).sort(byItem));
  const status = await engine.status();
  expect(status.integrationProblems).toBe(0);
  expect(status.recordsWaitingToPush).toBe(0);
}

describe('a transfer from satellite-1 to satellite-2', () => {
  it('arrives at satellite-2 as an inbound shipment with the same lines', async () => {
    const satellite2 = await initialisedEngine(central, SATELLITE_2, 'HW-TRANSFER-SAT2');
    const satellite1 = await initialisedEngine(central, SATELLITE_1, 'HW-TRANSFER-SAT1');

    const outboundId = legacyId();
    const lines = await shipmentLines(satellite1, outboundId);
    await saveLocalRecord(satellite1.db, 'transact', outboundShipment(outboundId));
    for (const line of lines) await saveLocalRecord(satellite1.db, 'trans_line', line);
    expect((await satellite1.status()).recordsWaitingToPush).toBe(3);

    expect(await satellite1.syncOnce()).toEqual({ status: 'succeeded' });
    expect(await stepTotals(satellite1, 'push')).toEqual({ done: 3, total: 3 });
    expect(await centralRecord(central, 'transact', outboundId)).toMatchObject({
      type: 'ci',
      status: 'fn',
      name_ID: SATELLITE_2.nameId,
      store_ID: SATELLITE_1.storeId,
    });
    expect(await inboundShipmentsOf(satellite2, outboundId)).toEqual([]);

    // Already initialised: the shipment comes through satellite-2's queue.
    expect(await satellite2.syncOnce()).toEqual({ status: 'succeeded' });
    expect(await stepTotals(satellite2, 'pullRemote')).toEqual({ done: 3, total: 3 });
    await expectInboundShipment(satellite2, outboundId, lines);

    // A satellite-2 initialised afterwards (same machine, new data directory) gets it too.
    const fresh = await initialisedEngine(central, SATELLITE_2, 'HW-TRANSFER-SAT2');
    await expectInboundShipment(fresh, outboundId, lines);
  });
});
