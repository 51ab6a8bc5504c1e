// Builders for the legacy rows both the demo and the volume data make: names, stock lines, invoices.
import type { LegacyRow } from './types';
import {
  BLANK_ITEM_LINE,
  BLANK_NAME,
  BLANK_NAME_STORE_JOIN,
  BLANK_TRANS_LINE,
  BLANK_TRANSACT,
} from './templates';
import { legacyDate, unixSeconds } from './random';

const round2 = (value: number): number => Math.round(value * 100) / 100;

export interface FacilityName {
  id: string;
  name: string;
  code: string;
  customer: boolean;
  supplier: boolean;
  currencyId: string;
  address: string;
  createdDay: number;
  type?: 'facility' | 'store';
}

export function nameRow(facility: FacilityName): LegacyRow {
  return {
    ...BLANK_NAME,
    ID: facility.id,
    name: facility.name,
    code: facility.code,
    'charge code': facility.code,
    type: facility.type ?? 'facility',
    customer: facility.customer,
    supplier: facility.supplier,
    currency_ID: facility.currencyId,
    bill_address1: facility.address,
    freightfac: 1,
    created_date: legacyDate(facility.createdDay),
  };
}

export function nameStoreJoinRow(
  id: string,
  storeId: string,
  nameId: string,
  role: { customer: boolean; supplier: boolean },
): LegacyRow {
  return {
    ...BLANK_NAME_STORE_JOIN,
    ID: id,
    store_ID: storeId,
    name_ID: nameId,
    om_name_is_customer: role.customer,
    om_name_is_supplier: role.supplier,
  };
}

/** What an invoice line needs to know about the stock it moves. */
export interface Stock {
  id: string;
  storeId: string;
  itemId: string;
  itemName: string;
  batch: string;
  expiryDay: number;
  packSize: number;
  costPrice: number;
  sellPrice: number;
  locationId: string;
  supplierId: string;
}

export function stockLineRow(
  stock: Stock,
  packs: { received: number; quantity: number; available: number },
): LegacyRow {
  return {
    ...BLANK_ITEM_LINE,
    ID: stock.id,
    store_ID: stock.storeId,
    item_ID: stock.itemId,
    batch: stock.batch,
    expiry_date: legacyDate(stock.expiryDay),
    location_ID: stock.locationId,
    name_ID: stock.supplierId,
    pack_size: stock.packSize,
    cost_price: stock.costPrice,
    sell_price: stock.sellPrice,
    initial_quan: packs.received,
    quantity: packs.quantity,
    available: packs.available,
    stock_on_hand_tot: packs.quantity,
    total_cost: round2(packs.quantity * stock.costPrice),
  };
}

export type InvoiceType = 'si' | 'ci';
export type InvoiceStatus = 'nw' | 'cn' | 'fn';

export interface Invoice {
  id: string;
  storeId: string;
  nameId: string;
  type: InvoiceType;
  status: InvoiceStatus;
  number: number;
  currencyId: string;
  /** Day number (days since 1970-01-01) and seconds after midnight the invoice was entered. */
  day: number;
  time: number;
  theirRef?: string;
  comment?: string;
  requisitionId?: string;
}

/** Seconds an invoice waits between entry, confirmation and finalisation. */
const CONFIRM_DELAY = 2 * 3600;
const FINALISE_DELAY = 26 * 3600;

function legacyMoment(day: number, seconds: number): { date: string; time: number; unix: number } {
  const whole = day + Math.floor(seconds / 86_400);
  const time = seconds % 86_400;
  return { date: legacyDate(whole), time, unix: unixSeconds(whole, time) };
}

export function invoiceRow(invoice: Invoice, total: number): LegacyRow {
  const entry = legacyMoment(invoice.day, invoice.time);
  const confirmed =
    invoice.status !== 'nw' ? legacyMoment(invoice.day, invoice.time + CONFIRM_DELAY) : undefined;
  const finalised =
    invoice.status === 'fn' ? legacyMoment(invoice.day, invoice.time + FINALISE_DELAY) : undefined;
  return {
    ...BLANK_TRANSACT,
    ID: invoice.id,
    name_ID: invoice.nameId,
    store_ID: invoice.storeId,
    invoice_num: invoice.number,
    type: invoice.type,
    status: invoice.status,
    currency_ID: invoice.currencyId,
    their_ref: invoice.theirRef ?? '',
    comment: invoice.comment ?? '',
    requisition_ID: invoice.requisitionId ?? '',
    entry_date: entry.date,
    entry_time: entry.time,
    Date_order_written: entry.date,
    confirm_date: confirmed?.date ?? '0000-00-00',
    confirm_time: confirmed?.time ?? 0,
    finalised_date: finalised?.date ?? '0000-00-00',
    finalised_time: finalised?.time ?? 0,
    ship_date: invoice.type === 'ci' && finalised ? finalised.date : '0000-00-00',
    lastModifiedAt: (finalised ?? confirmed ?? entry).unix,
    subtotal: round2(total),
    total: round2(total),
  };
}

/**
 * An invoice line: `stock_in` on a supplier invoice, `stock_out` on a customer invoice. `stock.id` is the
 * stock line moved, `''` for a line of a new supplier invoice (its stock line exists once received).
 */
export function invoiceLineRow(
  id: string,
  invoice: Pick<Invoice, 'id' | 'type'>,
  lineNumber: number,
  stock: Stock,
  packs: number,
): LegacyRow {
  const inbound = invoice.type === 'si';
  const price = inbound ? stock.costPrice : stock.sellPrice;
  return {
    ...BLANK_TRANS_LINE,
    ID: id,
    transaction_ID: invoice.id,
    line_number: lineNumber,
    type: inbound ? 'stock_in' : 'stock_out',
    item_ID: stock.itemId,
    item_name: stock.itemName,
    item_line_ID: stock.id,
    location_ID: stock.locationId,
    batch: stock.batch,
    expiry_date: legacyDate(stock.expiryDay),
    pack_size: stock.packSize,
    cost_price: stock.costPrice,
    sell_price: stock.sellPrice,
    quantity: packs,
    price_extension: round2(packs * price),
  };
}

/** The invoice total: the sum of its lines' extensions. */
export function invoiceTotal(lines: readonly LegacyRow[]): number {
  let total = 0;
  for (const line of lines) total += typeof line.price_extension === 'number' ? line.price_extension : 0;
  return total;
}
