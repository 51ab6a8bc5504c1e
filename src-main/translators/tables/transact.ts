// `transact` (v5, store-owned): invoices — shipments, prescriptions, returns, inventory adjustments
// and repacks (reference §10.6).
import { EntitySchema } from 'typeorm';
import {
  boolean,
  date,
  dateToLegacy,
  id,
  integer,
  number,
  omsFields,
  oneOf,
  optionalDateTime,
  optionalNumber,
  optionalText,
  requiredOptionalDate,
  requiredOptionalText,
  secondsAfterMidnight,
  text,
  timeToLegacy,
} from '../fields';
import { IgnoredRecord, type SyncedRow, type TableTranslator, type WireRecord } from '../types';
import { syncedColumns } from '../synced-columns';
import { STORE_MODES, type StoreMode } from './store';

/** Legacy types and statuses the client handles; the fields have a catch-all, so others are ignored. */
const SUPPORTED_TYPES = ['si', 'ci', 'sc', 'cc', 'sr'];
const SUPPORTED_STATUSES = ['nw', 'sg', 'cn', 'fn'];

export interface Invoice extends SyncedRow {
  /** The other party. */
  nameId: string;
  storeId: string;
  invoiceNumber: number;
  /** Legacy `type` and `status`, kept as received (Open mSupply's own view is omType/omStatus). */
  type: string;
  status: string;
  userId: string | null;
  isOnHold: boolean;
  comment: string | null;
  theirReference: string | null;
  clinicianId: string | null;
  currencyId: string | null;
  currencyRate: number;
  goodsReceivedId: string | null;
  purchaseOrderId: string | null;
  requisitionId: string | null;
  linkedInvoiceId: string | null;
  nameInsuranceJoinId: string | null;
  defaultDonorId: string | null;
  /** 0 means no insurance discount. */
  insuranceDiscountAmount: number;
  insuranceDiscountRate: number;
  entryDate: string;
  /** Seconds after midnight, as legacy stores times. */
  entryTime: number;
  confirmDate: string | null;
  confirmTime: number;
  finalisedDate: string | null;
  finalisedTime: number;
  mode: StoreMode;
  taxPercentage: number | null;
  transportReference: string | null;
  createdDatetime: string | null;
  allocatedDatetime: string | null;
  pickedDatetime: string | null;
  shippedDatetime: string | null;
  deliveredDatetime: string | null;
  verifiedDatetime: string | null;
  cancelledDatetime: string | null;
  omStatus: string | null;
  omType: string | null;
  colour: string | null;
  chargesLocalCurrency: number | null;
  chargesForeignCurrency: number | null;
}

export const InvoiceEntity = new EntitySchema<Invoice>({
  name: 'Invoice',
  tableName: 'invoice',
  columns: {
    ...syncedColumns,
    nameId: { name: 'name_id', type: 'text' },
    storeId: { name: 'store_id', type: 'text' },
    invoiceNumber: { name: 'invoice_number', type: 'integer' },
    type: { type: 'text' },
    status: { type: 'text' },
    userId: { name: 'user_id', type: 'text', nullable: true },
    isOnHold: { name: 'is_on_hold', type: 'boolean' },
    comment: { type: 'text', nullable: true },
    theirReference: { name: 'their_reference', type: 'text', nullable: true },
    clinicianId: { name: 'clinician_id', type: 'text', nullable: true },
    currencyId: { name: 'currency_id', type: 'text', nullable: true },
    currencyRate: { name: 'currency_rate', type: 'real' },
    goodsReceivedId: { name: 'goods_received_id', type: 'text', nullable: true },
    purchaseOrderId: { name: 'purchase_order_id', type: 'text', nullable: true },
    requisitionId: { name: 'requisition_id', type: 'text', nullable: true },
    linkedInvoiceId: { name: 'linked_invoice_id', type: 'text', nullable: true },
    nameInsuranceJoinId: { name: 'name_insurance_join_id', type: 'text', nullable: true },
    defaultDonorId: { name: 'default_donor_id', type: 'text', nullable: true },
    insuranceDiscountAmount: { name: 'insurance_discount_amount', type: 'real' },
    insuranceDiscountRate: { name: 'insurance_discount_rate', type: 'real' },
    entryDate: { name: 'entry_date', type: 'text' },
    entryTime: { name: 'entry_time', type: 'integer' },
    confirmDate: { name: 'confirm_date', type: 'text', nullable: true },
    confirmTime: { name: 'confirm_time', type: 'integer' },
    finalisedDate: { name: 'finalised_date', type: 'text', nullable: true },
    finalisedTime: { name: 'finalised_time', type: 'integer' },
    mode: { type: 'text' },
    taxPercentage: { name: 'tax_percentage', type: 'real', nullable: true },
    transportReference: { name: 'transport_reference', type: 'text', nullable: true },
    createdDatetime: { name: 'created_datetime', type: 'text', nullable: true },
    allocatedDatetime: { name: 'allocated_datetime', type: 'text', nullable: true },
    pickedDatetime: { name: 'picked_datetime', type: 'text', nullable: true },
    shippedDatetime: { name: 'shipped_datetime', type: 'text', nullable: true },
    deliveredDatetime: { name: 'delivered_datetime', type: 'text', nullable: true },
    verifiedDatetime: { name: 'verified_datetime', type: 'text', nullable: true },
    cancelledDatetime: { name: 'cancelled_datetime', type: 'text', nullable: true },
    omStatus: { name: 'om_status', type: 'text', nullable: true },
    omType: { name: 'om_type', type: 'text', nullable: true },
    colour: { type: 'text', nullable: true },
    chargesLocalCurrency: { name: 'charges_local_currency', type: 'real', nullable: true },
    chargesForeignCurrency: { name: 'charges_foreign_currency', type: 'real', nullable: true },
  },
  indices: [{ name: 'invoice_by_store', columns: ['storeId'] }],
});

/**
 * Central's copy of a transfer (`si` carrying `OUTBOUND_SHIPMENT`, `cc` carrying `SUPPLIER_RETURN`)
 * still holds the sender's om_* fields: they describe the other side, so they are dropped.
 */
function withoutForeignOmFields(record: WireRecord): WireRecord {
  const isTransferCopy =
    (record.type === 'si' && record.om_type === 'OUTBOUND_SHIPMENT') ||
    (record.type === 'cc' && record.om_type === 'SUPPLIER_RETURN');
  if (!isTransferCopy) return record;
  return Object.fromEntries(Object.entries(record).filter(([key]) => !key.startsWith('om_')));
}

/** Open mSupply's type for a legacy invoice without `om_type` (the pull mapping of §10.6). */
function omTypeOf(row: Invoice): string | null {
  if (row.type === 'ci') return row.mode === 'dispensary' ? 'PRESCRIPTION' : 'OUTBOUND_SHIPMENT';
  const byType: Record<string, string> = {
    si: 'INBOUND_SHIPMENT',
    sr: 'REPACK',
    cc: 'CUSTOMER_RETURN',
    sc: 'SUPPLIER_RETURN',
  };
  return byType[row.type] ?? null;
}

/** Open mSupply's status for a legacy status, by invoice type: [nw, sg, cn, fn]. */
const OM_STATUS_BY_TYPE: Record<string, readonly [string, string, string, string]> = {
  OUTBOUND_SHIPMENT: ['NEW', 'NEW', 'PICKED', 'SHIPPED'],
  SUPPLIER_RETURN: ['NEW', 'NEW', 'PICKED', 'SHIPPED'],
  PRESCRIPTION: ['NEW', 'NEW', 'PICKED', 'VERIFIED'],
  INBOUND_SHIPMENT: ['NEW', 'NEW', 'DELIVERED', 'VERIFIED'],
  CUSTOMER_RETURN: ['NEW', 'NEW', 'DELIVERED', 'VERIFIED'],
  INVENTORY_ADDITION: ['NEW', 'NEW', 'VERIFIED', 'VERIFIED'],
  INVENTORY_REDUCTION: ['NEW', 'NEW', 'VERIFIED', 'VERIFIED'],
  REPACK: ['NEW', 'NEW', 'NEW', 'VERIFIED'],
};

function omStatusOf(row: Invoice, omType: string | null): string | null {
  const index = SUPPORTED_STATUSES.indexOf(row.status);
  return (omType !== null && index >= 0 && OM_STATUS_BY_TYPE[omType]?.[index]) || null;
}

export const invoiceTranslator: TableTranslator<Invoice> = {
  table: 'transact',
  api: 'v5',
  entity: InvoiceEntity,
  pullDependencies: [
    'name',
    'store',
    'clinician',
    'currency',
    'diagnosis',
    'nameInsuranceJoin',
    'ship_method',
    'purchase_order',
  ],
  references: [
    { field: 'nameId', table: 'name', required: true },
    { field: 'storeId', table: 'store', required: true },
    { field: 'currencyId', table: 'currency', required: false },
    { field: 'clinicianId', table: 'clinician', required: false },
    { field: 'purchaseOrderId', table: 'purchase_order', required: false },
    { field: 'nameInsuranceJoinId', table: 'nameInsuranceJoin', required: false },
    { field: 'defaultDonorId', table: 'name', required: false },
  ],
  pushable: true,
  fromWire: (received) => {
    const record = withoutForeignOmFields(received);
    const oms = omsFields(record);
    const row = {
      id: id(record, 'ID'),
      nameId: id(record, 'name_ID'),
      storeId: id(record, 'store_ID'),
      invoiceNumber: integer(record, 'invoice_num'),
      type: text(record, 'type'),
      status: text(record, 'status'),
      userId: requiredOptionalText(record, 'user_ID'),
      isOnHold: boolean(record, 'hold'),
      comment: requiredOptionalText(record, 'comment'),
      theirReference: requiredOptionalText(record, 'their_ref'),
      clinicianId: requiredOptionalText(record, 'prescriber_ID'),
      currencyId: requiredOptionalText(record, 'currency_ID'),
      currencyRate: number(record, 'currency_rate'),
      goodsReceivedId: requiredOptionalText(record, 'goods_received_ID'),
      purchaseOrderId: requiredOptionalText(record, 'original_PO_ID'),
      requisitionId: requiredOptionalText(record, 'requisition_ID'),
      linkedInvoiceId: requiredOptionalText(record, 'linked_transaction_id'),
      nameInsuranceJoinId: requiredOptionalText(record, 'nameInsuranceJoinID'),
      defaultDonorId: requiredOptionalText(record, 'donor_default_id'),
      insuranceDiscountAmount: number(record, 'insuranceDiscountAmount'),
      insuranceDiscountRate: number(record, 'insuranceDiscountRate'),
      entryDate: date(record, 'entry_date'),
      entryTime: secondsAfterMidnight(record, 'entry_time'),
      confirmDate: requiredOptionalDate(record, 'confirm_date'),
      confirmTime: secondsAfterMidnight(record, 'confirm_time'),
      finalisedDate: requiredOptionalDate(record, 'finalised_date'),
      finalisedTime: secondsAfterMidnight(record, 'finalised_time'),
      mode: oneOf(record, 'mode', STORE_MODES),
      taxPercentage: optionalNumber(record, 'tax_rate'),
      transportReference: optionalText(record, 'om_transport_reference'),
      createdDatetime: optionalDateTime(record, 'om_created_datetime'),
      allocatedDatetime: optionalDateTime(record, 'om_allocated_datetime'),
      pickedDatetime: optionalDateTime(record, 'om_picked_datetime'),
      shippedDatetime: optionalDateTime(record, 'om_shipped_datetime'),
      deliveredDatetime: optionalDateTime(record, 'om_delivered_datetime'),
      verifiedDatetime: optionalDateTime(record, 'om_verified_datetime'),
      cancelledDatetime: optionalDateTime(record, 'om_cancelled_datetime'),
      omStatus: optionalText(record, 'om_status'),
      omType: optionalText(record, 'om_type'),
      colour: optionalText(record, 'om_colour'),
      chargesLocalCurrency: optionalNumber(oms, 'charges_local_currency'),
      chargesForeignCurrency: optionalNumber(oms, 'charges_foreign_currency'),
    };
    if (!SUPPORTED_TYPES.includes(row.type))
      throw new IgnoredRecord(`invoice type "${row.type}" is not handled`);
    if (!SUPPORTED_STATUSES.includes(row.status)) {
      throw new IgnoredRecord(`invoice status "${row.status}" is not handled`);
    }
    return row;
  },
  toWire: (row) => {
    // The push always carries Open mSupply's type and status (§10.6): derived when never received.
    const omType = row.omType ?? omTypeOf(row);
    return {
      ID: row.id,
      name_ID: row.nameId,
      store_ID: row.storeId,
      invoice_num: row.invoiceNumber,
      type: row.type,
      status: row.status,
      user_ID: row.userId,
      hold: row.isOnHold,
      comment: row.comment,
      their_ref: row.theirReference,
      prescriber_ID: row.clinicianId,
      currency_ID: row.currencyId,
      currency_rate: row.currencyRate,
      goods_received_ID: row.goodsReceivedId,
      original_PO_ID: row.purchaseOrderId,
      requisition_ID: row.requisitionId,
      linked_transaction_id: row.linkedInvoiceId,
      nameInsuranceJoinID: row.nameInsuranceJoinId,
      donor_default_id: row.defaultDonorId,
      insuranceDiscountAmount: row.insuranceDiscountAmount,
      insuranceDiscountRate: row.insuranceDiscountRate,
      entry_date: dateToLegacy(row.entryDate),
      entry_time: timeToLegacy(row.entryTime),
      confirm_date: dateToLegacy(row.confirmDate),
      confirm_time: timeToLegacy(row.confirmTime),
      finalised_date: dateToLegacy(row.finalisedDate),
      finalised_time: timeToLegacy(row.finalisedTime),
      mode: row.mode,
      tax_rate: row.taxPercentage,
      om_transport_reference: row.transportReference,
      om_created_datetime: row.createdDatetime,
      om_allocated_datetime: row.allocatedDatetime,
      om_picked_datetime: row.pickedDatetime,
      om_shipped_datetime: row.shippedDatetime,
      om_delivered_datetime: row.deliveredDatetime,
      om_verified_datetime: row.verifiedDatetime,
      om_cancelled_datetime: row.cancelledDatetime,
      om_status: row.omStatus ?? omStatusOf(row, omType),
      om_type: omType,
      om_colour: row.colour,
      oms_fields: {
        charges_local_currency: row.chargesLocalCurrency,
        charges_foreign_currency: row.chargesForeignCurrency,
      },
    };
  },
  storeIdOf: (row) => row.storeId,
};
