// One demo store's own (v5 remote) records: locations, stock, supplier and customer invoices,
// requisitions, a stocktake, a fridge sensor and the names it deals with. The numbers add up: a stock
// line holds what its supplier invoice brought in minus what confirmed customer invoices took out.
import type { LegacyRow, RecordsByTable } from './types';
import { DEMO_FACILITIES, DEMO_STOCK_ITEMS, demoFacility, type CatalogueItem } from './catalogue';
import { demoFacilityId, demoItemId } from './central';
import { DEMO_SITES, type DemoSite } from './sites';
import { DEMO_TODAY, Prng, legacyDate, legacyId, unixSeconds } from './random';
import {
  invoiceLineRow,
  invoiceRow,
  invoiceTotal,
  nameStoreJoinRow,
  stockLineRow,
  type Invoice,
  type InvoiceStatus,
  type InvoiceType,
  type Stock,
} from './rows';
import { BLANK_LOCATION, BLANK_REQUISITION, BLANK_REQUISITION_LINE } from './templates';
import { buildStocktakeRecords } from './stocktake';
import { buildColdChainRecords } from './cold-chain';

const CMS = demoFacilityId(demoFacility('CMS'));
const NVS = demoFacilityId(demoFacility('NVS'));
const MPW = demoFacilityId(demoFacility('MPW'));

interface StockedItem {
  stock: Stock;
  item: CatalogueItem;
  received: number;
  issued: number;
  allocated: number;
}

export const demoLocationId = (storeId: string, slot: 'shelf' | 'fridge'): string =>
  legacyId('demo', 'Location', storeId, slot);

function locationRows(site: DemoSite): LegacyRow[] {
  const { id, code } = site.store;
  return [
    {
      ...BLANK_LOCATION,
      ID: demoLocationId(id, 'shelf'),
      code: `${code}-A1`,
      Description: 'Shelf A1',
      store_ID: id,
    },
    {
      ...BLANK_LOCATION,
      ID: demoLocationId(id, 'fridge'),
      code: `${code}-FR1`,
      Description: 'Vaccine refrigerator 1',
      store_ID: id,
      Volume: 0.24,
    },
  ];
}

function shuffled<T>(items: readonly T[], prng: Prng): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = prng.int(0, index);
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

function stockFor(
  site: DemoSite,
  item: CatalogueItem,
  prng: Prng,
  stockLineId: string,
  supplierId: string,
): Stock {
  const vaccine = item.doses !== undefined;
  return {
    id: stockLineId,
    storeId: site.store.id,
    itemId: demoItemId(item),
    itemName: item.name,
    batch: `${item.code.slice(0, 3)}${prng.int(10_000, 99_999)}`,
    expiryDay: DEMO_TODAY + prng.int(120, 900),
    packSize: item.pack,
    costPrice: item.price,
    sellPrice: Math.round(item.price * 125) / 100,
    locationId: demoLocationId(site.store.id, vaccine ? 'fridge' : 'shelf'),
    supplierId,
  };
}

/** Builds invoices with their lines, numbering each type per store. */
class InvoiceBook {
  readonly invoices: LegacyRow[] = [];
  readonly lines: LegacyRow[] = [];
  private readonly numbers: Record<InvoiceType, number> = { si: 0, ci: 0 };

  constructor(
    private readonly site: DemoSite,
    private readonly currencyId: string,
    private readonly prng: Prng,
  ) {}

  add(
    type: InvoiceType,
    status: InvoiceStatus,
    nameId: string,
    daysAgo: number,
    moves: readonly { stock: Stock; packs: number }[],
    extra: Pick<Invoice, 'theirRef' | 'comment' | 'requisitionId'> = {},
  ): void {
    this.numbers[type] += 1;
    const invoice: Invoice = {
      id: legacyId('demo', 'transact', this.site.store.id, type, this.numbers[type]),
      storeId: this.site.store.id,
      nameId,
      type,
      status,
      number: this.numbers[type],
      currencyId: this.currencyId,
      day: DEMO_TODAY - daysAgo,
      time: this.prng.int(8 * 3600, 15 * 3600),
      ...extra,
    };
    const lines = moves.map(({ stock, packs }, index) =>
      invoiceLineRow(legacyId('demo', 'trans_line', invoice.id, index + 1), invoice, index + 1, stock, packs),
    );
    this.invoices.push(invoiceRow(invoice, invoiceTotal(lines)));
    this.lines.push(...lines);
  }
}

function requisitionRows(
  site: DemoSite,
  serial: number,
  status: 'sg' | 'fn',
  daysAgo: number,
  items: readonly CatalogueItem[],
  prng: Prng,
): { requisition: LegacyRow; lines: LegacyRow[] } {
  const id = legacyId('demo', 'requisition', site.store.id, serial);
  const day = DEMO_TODAY - daysAgo;
  const requisition = {
    ...BLANK_REQUISITION,
    ID: id,
    serial_number: serial,
    name_ID: CMS,
    store_ID: site.store.id,
    type: 'request',
    status,
    date_entered: legacyDate(day),
    date_stock_take: legacyDate(day),
    lastModifiedAt: unixSeconds(day, 11 * 3600),
    requester_reference: `${site.store.code}-REQ-${serial}`,
    comment: status === 'fn' ? 'Quarterly order' : 'Top-up order (draft)',
    thresholdMOS: 3,
    daysToSupply: 90,
  };
  const lines = items.map((item, index) => {
    const dailyUsage = prng.int(2, 40);
    const stockOnHand = prng.int(0, 60) * dailyUsage;
    const suggested = Math.max(0, dailyUsage * 90 - stockOnHand);
    return {
      ...BLANK_REQUISITION_LINE,
      ID: legacyId('demo', 'requisition_line', id, index + 1),
      requisition_ID: id,
      item_ID: demoItemId(item),
      itemName: item.name,
      line_number: index + 1,
      stock_on_hand: stockOnHand,
      daily_usage: dailyUsage,
      suggested_quantity: suggested,
      Cust_stock_order: Math.ceil(suggested / item.pack) * item.pack,
      Cust_prev_stock_balance: stockOnHand + dailyUsage * 30,
      Cust_stock_issued: dailyUsage * 30,
    };
  });
  return { requisition, lines };
}

function nameStoreJoinRows(site: DemoSite): LegacyRow[] {
  const joinId = (nameId: string): string => legacyId('demo', 'name_store_join', site.store.id, nameId);
  const facilities = DEMO_FACILITIES.map((facility) => {
    const nameId = demoFacilityId(facility);
    const role = { customer: facility.role === 'customer', supplier: facility.role === 'supplier' };
    return nameStoreJoinRow(joinId(nameId), site.store.id, nameId, role);
  });
  const otherStores = DEMO_SITES.filter((other) => other.store.id !== site.store.id).map(({ store }) =>
    nameStoreJoinRow(joinId(store.nameId), site.store.id, store.nameId, { customer: true, supplier: true }),
  );
  return [...facilities, ...otherStores];
}

/** One demo store's remote records, parents before children. */
export function buildStoreRecords(site: DemoSite, storeIndex: number, currencyId: string): RecordsByTable {
  const prng = new Prng(0x5a7e11 + storeIndex);
  const store = site.store;
  const shuffledItems = shuffled(DEMO_STOCK_ITEMS, prng);
  const stockedItems = shuffledItems.slice(0, 10);
  const orderedItems = shuffledItems.slice(10, 12);
  const stocked: StockedItem[] = stockedItems.map((item, index) => {
    const supplierId = item.doses !== undefined ? NVS : index % 2 === 0 ? CMS : MPW;
    const stock = stockFor(site, item, prng, legacyId('demo', 'item_line', store.id, item.code), supplierId);
    return { stock, item, received: prng.int(4, 40) * 5, issued: 0, allocated: 0 };
  });

  const requested = requisitionRows(site, 1, 'fn', 75, stockedItems.slice(0, 3), prng);
  const draft = requisitionRows(site, 2, 'sg', 2, stockedItems.slice(3, 5), prng);

  const book = new InvoiceBook(site, currencyId, prng);
  const receipts: [string, InvoiceStatus, number][] = [
    [CMS, 'fn', 60],
    [NVS, 'fn', 55],
    [MPW, 'cn', 50],
  ];
  for (const [supplierId, status, daysAgo] of receipts) {
    const moves = stocked
      .filter(({ stock }) => stock.supplierId === supplierId)
      .map(({ stock, received }) => ({ stock, packs: received }));
    if (moves.length === 0) continue;
    const reference = { theirRef: `INV-${prng.int(10_000, 99_999)}`, comment: 'Routine supply' };
    const link = supplierId === CMS ? { requisitionId: String(requested.requisition.ID) } : {};
    book.add('si', status, supplierId, daysAgo, moves, { ...reference, ...link });
  }

  const issues: [string, InvoiceStatus, number, number[], number][] = [
    [demoFacilityId(demoFacility('RHC')), 'fn', 40, [0, 1], 0.3],
    [demoFacilityId(demoFacility('HVC')), 'cn', 10, [2, 5], 0.2],
    [demoFacilityId(demoFacility(storeIndex % 2 === 0 ? 'SMH' : 'LKD')), 'nw', 1, [6], 0.1],
  ];
  for (const [customerId, status, daysAgo, lineIndexes, share] of issues) {
    const moves = lineIndexes.flatMap((index) => {
      const line = stocked[index];
      if (!line) return [];
      const packs = Math.max(1, Math.floor(line.received * share));
      if (status === 'nw') line.allocated += packs;
      else line.issued += packs;
      return [{ stock: line.stock, packs }];
    });
    book.add('ci', status, customerId, daysAgo, moves, { theirRef: `Order ${prng.int(100, 999)}` });
  }

  // Ordered but not yet received: the lines have no stock line yet.
  const onOrder = orderedItems.map((item) => ({
    stock: stockFor(site, item, prng, '', CMS),
    packs: prng.int(2, 20) * 5,
  }));
  book.add('si', 'nw', CMS, 3, onOrder, {
    theirRef: `INV-${prng.int(10_000, 99_999)}`,
    comment: 'In transit',
  });

  const counts = buildStocktakeRecords(
    site,
    stocked.slice(0, 4).map(({ stock, received, issued }) => ({ stock, quantity: received - issued })),
  );
  const coldChain = buildColdChainRecords(site, demoLocationId(store.id, 'fridge'), prng);

  return {
    name_store_join: nameStoreJoinRows(site),
    Location: locationRows(site),
    ...coldChain,
    requisition: [requested.requisition, draft.requisition],
    item_line: stocked.map(({ stock, received, issued, allocated }) =>
      stockLineRow(stock, {
        received,
        quantity: received - issued,
        available: received - issued - allocated,
      }),
    ),
    transact: book.invoices,
    requisition_line: [...requested.lines, ...draft.lines],
    trans_line: book.lines,
    ...counts,
  };
}
