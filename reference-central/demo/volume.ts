// buildVolumeRecords: bulk data for benchmarks, referring only to its own rows and to buildDemoRecords().
import type { LegacyRow, RecordsByTable } from './types';
import type { CatalogueItem, DemoUnit } from './catalogue';
import { buildDemoRecords } from './build';
import { homeCurrencyId, itemRow } from './central';
import { DEMO_TODAY, Prng, idSeries } from './random';
import {
  invoiceLineRow,
  invoiceRow,
  invoiceTotal,
  nameRow,
  nameStoreJoinRow,
  stockLineRow,
  type Invoice,
  type InvoiceStatus,
  type InvoiceType,
  type Stock,
} from './rows';

/**
 * The mix, as shares of `count` (rounded down, the rest go to invoice lines so the total is exact):
 *   item             4 %  new stock items (`general`)
 *   name             1 %  health posts, four in five customers, one in five suppliers
 *   name_store_join  1 %  each new name joined to one of the stores
 * and of what remains (~94 %):
 *   item_line       45 %  stock lines, spread evenly over the stores
 *   transact         9 %  invoices: 60 % customer (`ci`), 40 % supplier (`si`); 60 % fn, 25 % cn, 15 % nw
 *   trans_line      46 %  about five lines per invoice, each moving a stock line of the invoice's store
 * For 100 000 rows: 4 000 items, 1 000 names, 1 000 joins, 42 300 stock lines, 8 460 invoices and
 * 43 240 invoice lines.
 */
export function planVolume(count: number) {
  const items = Math.floor(count * 0.04);
  const names = Math.floor(count * 0.01);
  const joins = names;
  const rest = count - items - names - joins;
  let invoices = Math.floor(rest * 0.09);
  const stockLines = Math.floor(rest * 0.45);
  let lines = rest - invoices - stockLines;
  if (lines > 0 && invoices === 0) {
    invoices = 1;
    lines -= 1;
  }
  return { items, names, joins, stockLines, invoices, lines };
}

const DRUGS = `
  Acetylsalicylic acid, Albendazole, Allopurinol, Atenolol, Azithromycin, Captopril, Carbamazepine,
  Cefalexin, Chloramphenicol, Chlorphenamine, Clotrimazole, Dexamethasone, Diazepam, Diclofenac,
  Enalapril, Erythromycin, Fluconazole, Furosemide, Glibenclamide, Haloperidol, Hydrocortisone,
  Loperamide, Loratadine, Mebendazole, Nifedipine, Nystatin, Prednisolone, Propranolol, Ranitidine,
  Simvastatin, Spironolactone, Tramadol
`
  .split(/,\s*/)
  .map((word) => word.trim());
const FORMS: readonly [form: string, unit: DemoUnit, pack: number][] = [
  ['tablets', 'Tablet', 100],
  ['capsules', 'Capsule', 100],
  ['injection', 'Vial', 10],
  ['oral suspension', 'Bottle 100ml', 1],
  ['cream', 'Tube', 1],
];
const STRENGTHS = ['5mg', '10mg', '25mg', '50mg', '100mg', '250mg', '500mg'];
const MAKERS = ['', ' (Cipla)', ' (Sandoz)', ' (Teva)', ' (Aurobindo)', ' (Mylan)'];
const PLACES = `
  Akuse, Bawku, Chamba, Dodowa, Ejura, Foso, Gambaga, Ho, Imbali, Jirapa, Kpandu, Lawra, Mampong,
  Nalerigu, Obuasi, Prang, Salaga, Tamale, Wenchi, Yendi, Zabzugu
`
  .split(/,\s*/)
  .map((word) => word.trim());

/** The n-th volume item: every drug in every form, then every strength, then every maker. */
function volumeItem(index: number): CatalogueItem {
  let rest = index;
  const next = <T>(list: readonly T[]): T => {
    const value = list[rest % list.length] as T;
    rest = Math.floor(rest / list.length);
    return value;
  };
  const drug = next(DRUGS);
  const [form, unit, pack] = next(FORMS);
  const strength = next(STRENGTHS);
  const maker = next(MAKERS);
  return {
    name: `${drug} ${strength} ${form}${maker}`,
    code: `V${String(index + 1).padStart(6, '0')}`,
    unit,
    pack,
    strength,
    ven: 'N',
    price: 1 + (index % 97) / 4,
  };
}

const VOLUME_IDS = {
  item: idSeries('volume', 'item'),
  name: idSeries('volume', 'name'),
  name_store_join: idSeries('volume', 'name_store_join'),
  item_line: idSeries('volume', 'item_line'),
  transact: idSeries('volume', 'transact'),
  trans_line: idSeries('volume', 'trans_line'),
};

interface ItemRef {
  id: string;
  name: string;
  pack: number;
  price: number;
}

type VolumeStore = { id: string; nameId: string };

/** What the generators share: the plan, the stores, the PRNG and the rows they may refer to. */
interface VolumeContext {
  plan: ReturnType<typeof planVolume>;
  stores: readonly VolumeStore[];
  prng: Prng;
  currencyId: string;
  items: ItemRef[];
  suppliers: string[];
  customers: string[];
  locationsByStore: Map<string, string[]>;
}

function contextFrom(demo: RecordsByTable, count: number, stores: readonly VolumeStore[]): VolumeContext {
  const items: ItemRef[] = (demo.item ?? [])
    .filter((row) => row.type_of === 'general')
    .map((row) => ({
      id: String(row.ID),
      name: String(row.item_name),
      pack: Number(row.default_pack_size) || 1,
      price: Number(row.buy_price) || 1,
    }));
  const facilities = (demo.name ?? []).filter((row) => row.type === 'facility');
  const locationsByStore = new Map<string, string[]>();
  for (const row of demo.Location ?? []) {
    const storeId = String(row.store_ID);
    locationsByStore.set(storeId, [...(locationsByStore.get(storeId) ?? []), String(row.ID)]);
  }
  return {
    plan: planVolume(count),
    stores,
    prng: new Prng(0x7a1e5),
    currencyId: homeCurrencyId(demo),
    items,
    suppliers: facilities.filter((row) => row.supplier === true).map((row) => String(row.ID)),
    customers: facilities.filter((row) => row.customer === true).map((row) => String(row.ID)),
    locationsByStore,
  };
}

/** New stock items; they join the pool stock lines are drawn from. */
function itemRows(context: VolumeContext): LegacyRow[] {
  const rows: LegacyRow[] = [];
  for (let index = 0; index < context.plan.items; index += 1) {
    const spec = volumeItem(index);
    const id = VOLUME_IDS.item(index);
    rows.push(itemRow(id, spec));
    context.items.push({ id, name: spec.name, pack: spec.pack, price: spec.price });
  }
  return rows;
}

/** Health posts, each joined to one store; they join the supplier or customer pool. */
function nameRows(context: VolumeContext): { name: LegacyRow[]; name_store_join: LegacyRow[] } {
  const name: LegacyRow[] = [];
  const joins: LegacyRow[] = [];
  for (let index = 0; index < context.plan.names; index += 1) {
    const id = VOLUME_IDS.name(index);
    const role = { customer: index % 5 !== 0, supplier: index % 5 === 0 };
    const place = PLACES[index % PLACES.length] ?? 'Central';
    name.push(
      nameRow({
        id,
        name: `${place} Health Post ${Math.floor(index / PLACES.length) + 1}`,
        code: `HP${String(index + 1).padStart(5, '0')}`,
        ...role,
        currencyId: context.currencyId,
        address: `${place} district`,
        createdDay: DEMO_TODAY - 400,
      }),
    );
    (role.supplier ? context.suppliers : context.customers).push(id);
    const store = context.stores[index % context.stores.length];
    if (store) joins.push(nameStoreJoinRow(VOLUME_IDS.name_store_join(index), store.id, id, role));
  }
  return { name, name_store_join: joins };
}

/** Stock lines spread evenly over the stores; returns the rows and each store's stock. */
function stockLineRows(context: VolumeContext): { rows: LegacyRow[]; byStore: Stock[][] } {
  const { prng, stores } = context;
  const rows: LegacyRow[] = [];
  const byStore: Stock[][] = stores.map(() => []);
  for (let index = 0; index < context.plan.stockLines; index += 1) {
    const store = stores[index % stores.length];
    if (!store) break;
    const item = prng.pick(context.items);
    const locations = context.locationsByStore.get(store.id) ?? [];
    const stock: Stock = {
      id: VOLUME_IDS.item_line(index),
      storeId: store.id,
      itemId: item.id,
      itemName: item.name,
      batch: `B${prng.int(100_000, 999_999)}`,
      expiryDay: DEMO_TODAY + prng.int(-30, 1000),
      packSize: item.pack,
      costPrice: item.price,
      sellPrice: Math.round(item.price * 125) / 100,
      locationId: locations.length > 0 && prng.chance(0.7) ? prng.pick(locations) : '',
      supplierId: prng.pick(context.suppliers),
    };
    const received = prng.int(1, 100) * 5;
    const quantity = received - prng.int(0, Math.floor(received / 2));
    const available = quantity - prng.int(0, Math.floor(quantity / 10));
    rows.push(stockLineRow(stock, { received, quantity, available }));
    byStore[index % stores.length]?.push(stock);
  }
  return { rows, byStore };
}

function pickStatus(prng: Prng): InvoiceStatus {
  const roll = prng.next();
  return roll < 0.6 ? 'fn' : roll < 0.85 ? 'cn' : 'nw';
}

/** Stands in for stock a store does not hold yet (a line of a supplier invoice on its way). */
function incomingStock(storeId: string, item: ItemRef): Stock {
  return {
    id: '',
    storeId,
    itemId: item.id,
    itemName: item.name,
    batch: '',
    expiryDay: DEMO_TODAY + 365,
    packSize: item.pack,
    costPrice: item.price,
    sellPrice: item.price,
    locationId: '',
    supplierId: '',
  };
}

/** Invoices over the past year, round-robin over the stores, with their lines. */
function invoiceRows(
  context: VolumeContext,
  stockByStore: Stock[][],
): { transact: LegacyRow[]; trans_line: LegacyRow[] } {
  const { prng, stores, plan } = context;
  const transact: LegacyRow[] = [];
  const transLine: LegacyRow[] = [];
  const numbers = stores.map(() => ({ si: 1000, ci: 1000 }));
  let lineIndex = 0;
  for (let index = 0; index < plan.invoices; index += 1) {
    const store = stores[index % stores.length];
    const counter = numbers[index % stores.length];
    if (!store || !counter) break;
    const stock = stockByStore[index % stores.length] ?? [];
    // A store without stock lines can only have supplier invoices still on their way.
    const type: InvoiceType = stock.length > 0 && prng.chance(0.6) ? 'ci' : 'si';
    const status: InvoiceStatus = stock.length > 0 ? pickStatus(prng) : 'nw';
    counter[type] += 1;
    const invoice: Invoice = {
      id: VOLUME_IDS.transact(index),
      storeId: store.id,
      nameId: prng.pick(type === 'si' ? context.suppliers : context.customers),
      type,
      status,
      number: counter[type],
      currencyId: context.currencyId,
      day: DEMO_TODAY - prng.int(1, 365),
      time: prng.int(7 * 3600, 18 * 3600),
    };
    const lineCount = Math.floor(plan.lines / plan.invoices) + (index < plan.lines % plan.invoices ? 1 : 0);
    const lines: LegacyRow[] = [];
    for (let lineNumber = 1; lineNumber <= lineCount; lineNumber += 1) {
      const moved = stock.length > 0 ? prng.pick(stock) : incomingStock(store.id, prng.pick(context.items));
      // Lines of a supplier invoice not yet received have no stock line.
      const line = type === 'si' && status === 'nw' ? { ...moved, id: '' } : moved;
      const packs = type === 'si' ? prng.int(1, 20) * 5 : prng.int(1, 20);
      lines.push(invoiceLineRow(VOLUME_IDS.trans_line(lineIndex), invoice, lineNumber, line, packs));
      lineIndex += 1;
    }
    transact.push(invoiceRow(invoice, invoiceTotal(lines)));
    transLine.push(...lines);
  }
  return { transact, trans_line: transLine };
}

/**
 * Exactly `count` generated rows for the given stores (which must exist on the central), mixed as
 * described at planVolume, referring only to each other and to buildDemoRecords(). Deterministic for
 * the same arguments.
 */
export function buildVolumeRecords(count: number, stores: readonly VolumeStore[]): RecordsByTable {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`volume count must be a whole number ≥ 0: ${count}`);
  if (count > 0 && stores.length === 0) throw new RangeError('volume data needs at least one store');
  const context = contextFrom(buildDemoRecords(), count, stores);
  const item = itemRows(context);
  const names = nameRows(context);
  const stock = stockLineRows(context);
  const invoices = invoiceRows(context, stock.byStore);
  return { item, ...names, item_line: stock.rows, ...invoices };
}
