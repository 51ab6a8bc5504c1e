// `trans_line` (v5, store-owned through its invoice): invoice lines (reference §10.7).
import { EntitySchema } from 'typeorm';
import {
  dateToLegacy,
  id,
  number,
  omsFields,
  optionalNumber,
  optionalText,
  requiredOptionalDate,
  requiredOptionalText,
  text,
} from '../fields';
import { IgnoredRecord, type SyncedRow, type TableTranslator } from '../types';
import { syncedColumns } from '../synced-columns';

/** Line types the client handles; the field has a catch-all (`non_stock`, …), so others are ignored. */
const SUPPORTED_TYPES = ['stock_in', 'stock_out', 'placeholder', 'service'];

export interface InvoiceLine extends SyncedRow {
  invoiceId: string;
  itemId: string;
  itemName: string;
  stockLineId: string | null;
  locationId: string | null;
  batch: string | null;
  expiryDate: string | null;
  packSize: number;
  costPricePerPack: number;
  sellPricePerPack: number;
  /** Legacy line type, kept as received (one of the supported ones). */
  type: string;
  numberOfPacks: number;
  note: string | null;
  reasonId: string | null;
  linkedInvoiceId: string | null;
  donorId: string | null;
  vvmStatusId: string | null;
  volumePerPack: number;
  prescribedQuantity: number | null;
  itemCode: string | null;
  taxPercentage: number | null;
  totalBeforeTax: number | null;
  totalAfterTax: number | null;
  foreignCurrencyPrice: number | null;
  itemVariantId: string | null;
  campaignId: string | null;
  programId: string | null;
}

export const InvoiceLineEntity = new EntitySchema<InvoiceLine>({
  name: 'InvoiceLine',
  tableName: 'invoice_line',
  columns: {
    ...syncedColumns,
    invoiceId: { name: 'invoice_id', type: 'text' },
    itemId: { name: 'item_id', type: 'text' },
    itemName: { name: 'item_name', type: 'text' },
    stockLineId: { name: 'stock_line_id', type: 'text', nullable: true },
    locationId: { name: 'location_id', type: 'text', nullable: true },
    batch: { type: 'text', nullable: true },
    expiryDate: { name: 'expiry_date', type: 'text', nullable: true },
    packSize: { name: 'pack_size', type: 'real' },
    costPricePerPack: { name: 'cost_price_per_pack', type: 'real' },
    sellPricePerPack: { name: 'sell_price_per_pack', type: 'real' },
    type: { type: 'text' },
    numberOfPacks: { name: 'number_of_packs', type: 'real' },
    note: { type: 'text', nullable: true },
    reasonId: { name: 'reason_id', type: 'text', nullable: true },
    linkedInvoiceId: { name: 'linked_invoice_id', type: 'text', nullable: true },
    donorId: { name: 'donor_id', type: 'text', nullable: true },
    vvmStatusId: { name: 'vvm_status_id', type: 'text', nullable: true },
    volumePerPack: { name: 'volume_per_pack', type: 'real' },
    prescribedQuantity: { name: 'prescribed_quantity', type: 'real', nullable: true },
    itemCode: { name: 'item_code', type: 'text', nullable: true },
    taxPercentage: { name: 'tax_percentage', type: 'real', nullable: true },
    totalBeforeTax: { name: 'total_before_tax', type: 'real', nullable: true },
    totalAfterTax: { name: 'total_after_tax', type: 'real', nullable: true },
    foreignCurrencyPrice: { name: 'foreign_currency_price', type: 'real', nullable: true },
    itemVariantId: { name: 'item_variant_id', type: 'text', nullable: true },
    campaignId: { name: 'campaign_id', type: 'text', nullable: true },
    programId: { name: 'program_id', type: 'text', nullable: true },
  },
  // Lines carry no store: invoice screens reach them through their invoice.
  indices: [{ name: 'invoice_line_by_invoice', columns: ['invoiceId'] }],
});

export const invoiceLineTranslator: TableTranslator<InvoiceLine> = {
  table: 'trans_line',
  api: 'v5',
  entity: InvoiceLineEntity,
  pullDependencies: ['transact', 'item', 'item_variant', 'item_line', 'Location', 'options', 'currency'],
  references: [
    { field: 'invoiceId', table: 'transact', required: true },
    { field: 'itemId', table: 'item', required: true },
    { field: 'stockLineId', table: 'item_line', required: false },
    { field: 'locationId', table: 'Location', required: false },
    { field: 'reasonId', table: 'options', required: false },
    { field: 'donorId', table: 'name', required: false },
  ],
  pushable: true,
  fromWire: (record) => {
    const oms = omsFields(record);
    const row = {
      id: id(record, 'ID'),
      invoiceId: id(record, 'transaction_ID'),
      itemId: id(record, 'item_ID'),
      itemName: text(record, 'item_name'),
      stockLineId: requiredOptionalText(record, 'item_line_ID'),
      locationId: requiredOptionalText(record, 'location_ID'),
      batch: requiredOptionalText(record, 'batch'),
      expiryDate: requiredOptionalDate(record, 'expiry_date'),
      packSize: number(record, 'pack_size'),
      costPricePerPack: number(record, 'cost_price'),
      sellPricePerPack: number(record, 'sell_price'),
      type: text(record, 'type'),
      numberOfPacks: number(record, 'quantity'),
      note: requiredOptionalText(record, 'note'),
      reasonId: requiredOptionalText(record, 'optionID'),
      linkedInvoiceId: requiredOptionalText(record, 'linked_transact_id'),
      donorId: requiredOptionalText(record, 'donor_id'),
      vvmStatusId: requiredOptionalText(record, 'vaccine_vial_monitor_status_ID'),
      volumePerPack: number(record, 'volume_per_pack'),
      prescribedQuantity: optionalNumber(record, 'prescribedQuantity'),
      itemCode: optionalText(record, 'om_item_code'),
      taxPercentage: optionalNumber(record, 'om_tax'),
      totalBeforeTax: optionalNumber(record, 'om_total_before_tax'),
      totalAfterTax: optionalNumber(record, 'om_total_after_tax'),
      foreignCurrencyPrice: optionalNumber(record, 'foreign_currency_price'),
      itemVariantId: optionalText(record, 'om_item_variant_id'),
      campaignId: optionalText(oms, 'campaign_id'),
      programId: optionalText(oms, 'program_id'),
    };
    if (!SUPPORTED_TYPES.includes(row.type))
      throw new IgnoredRecord(`invoice line type "${row.type}" is not handled`);
    return row;
  },
  toWire: (row) => ({
    ID: row.id,
    transaction_ID: row.invoiceId,
    item_ID: row.itemId,
    item_name: row.itemName,
    item_line_ID: row.stockLineId,
    location_ID: row.locationId,
    batch: row.batch,
    expiry_date: dateToLegacy(row.expiryDate),
    pack_size: row.packSize,
    cost_price: row.costPricePerPack,
    sell_price: row.sellPricePerPack,
    type: row.type,
    quantity: row.numberOfPacks,
    note: row.note,
    optionID: row.reasonId,
    linked_transact_id: row.linkedInvoiceId,
    donor_id: row.donorId,
    vaccine_vial_monitor_status_ID: row.vvmStatusId,
    volume_per_pack: row.volumePerPack,
    prescribedQuantity: row.prescribedQuantity,
    om_item_code: row.itemCode,
    om_tax: row.taxPercentage,
    om_total_before_tax: row.totalBeforeTax,
    om_total_after_tax: row.totalAfterTax,
    foreign_currency_price: row.foreignCurrencyPrice,
    om_item_variant_id: row.itemVariantId,
    oms_fields: { campaign_id: row.campaignId, program_id: row.programId },
  }),
  // Lines have no store column: they are logged store-less, and a satellite holds only its own stores' lines.
  storeIdOf: () => null,
};
