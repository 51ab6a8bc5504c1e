// `Stock_take_lines` (v5, store-owned through its stocktake): one counted batch of a stocktake. No
// R marks in the reference: the keys the local table needs are required, the rest may be left out.
import { EntitySchema } from 'typeorm';
import {
  boolean,
  dateToLegacy,
  id,
  number,
  omsFields,
  optionalDate,
  optionalNumber,
  optionalText,
  text,
} from '../fields';
import type { SyncedRow, TableTranslator } from '../types';
import { syncedColumns } from '../synced-columns';

export interface StocktakeLine extends SyncedRow {
  stocktakeId: string;
  stockLineId: string | null;
  itemId: string;
  itemName: string;
  locationId: string | null;
  batch: string | null;
  expiryDate: string | null;
  snapshotNumberOfPacks: number;
  snapshotPackSize: number;
  /** What was counted; meaningful once `isEdited` (legacy sends 0 for an uncounted line). */
  countedNumberOfPacks: number;
  isEdited: boolean;
  costPricePerPack: number;
  sellPricePerPack: number;
  comment: string | null;
  reasonId: string | null;
  vvmStatusId: string | null;
  donorId: string | null;
  volumePerPack: number | null;
  itemVariantId: string | null;
  programId: string | null;
  campaignId: string | null;
}

export const StocktakeLineEntity = new EntitySchema<StocktakeLine>({
  name: 'StocktakeLine',
  tableName: 'stocktake_line',
  columns: {
    ...syncedColumns,
    stocktakeId: { name: 'stocktake_id', type: 'text' },
    stockLineId: { name: 'stock_line_id', type: 'text', nullable: true },
    itemId: { name: 'item_id', type: 'text' },
    itemName: { name: 'item_name', type: 'text' },
    locationId: { name: 'location_id', type: 'text', nullable: true },
    batch: { type: 'text', nullable: true },
    expiryDate: { name: 'expiry_date', type: 'text', nullable: true },
    snapshotNumberOfPacks: { name: 'snapshot_number_of_packs', type: 'real' },
    snapshotPackSize: { name: 'snapshot_pack_size', type: 'real' },
    countedNumberOfPacks: { name: 'counted_number_of_packs', type: 'real' },
    isEdited: { name: 'is_edited', type: 'boolean' },
    costPricePerPack: { name: 'cost_price_per_pack', type: 'real' },
    sellPricePerPack: { name: 'sell_price_per_pack', type: 'real' },
    comment: { type: 'text', nullable: true },
    reasonId: { name: 'reason_id', type: 'text', nullable: true },
    vvmStatusId: { name: 'vvm_status_id', type: 'text', nullable: true },
    donorId: { name: 'donor_id', type: 'text', nullable: true },
    volumePerPack: { name: 'volume_per_pack', type: 'real', nullable: true },
    itemVariantId: { name: 'item_variant_id', type: 'text', nullable: true },
    programId: { name: 'program_id', type: 'text', nullable: true },
    campaignId: { name: 'campaign_id', type: 'text', nullable: true },
  },
  indices: [{ name: 'stocktake_line_by_stocktake', columns: ['stocktakeId'] }],
});

export const stocktakeLineTranslator: TableTranslator<StocktakeLine> = {
  table: 'Stock_take_lines',
  api: 'v5',
  entity: StocktakeLineEntity,
  pullDependencies: [
    'Stock_take',
    'item_line',
    'item',
    'Location',
    'options',
    'vaccine_vial_monitor_status',
    'campaign',
    'list_master',
  ],
  references: [
    { field: 'stocktakeId', table: 'Stock_take', required: true },
    { field: 'itemId', table: 'item', required: true },
    { field: 'stockLineId', table: 'item_line', required: false },
    { field: 'locationId', table: 'Location', required: false },
    { field: 'reasonId', table: 'options', required: false },
    { field: 'donorId', table: 'name', required: false },
    { field: 'programId', table: 'list_master', required: false },
  ],
  pushable: true,
  fromWire: (record) => {
    const oms = omsFields(record);
    return {
      id: id(record, 'ID'),
      stocktakeId: id(record, 'stock_take_ID'),
      stockLineId: optionalText(record, 'item_line_ID'),
      itemId: id(record, 'item_ID'),
      itemName: text(record, 'item_name'),
      locationId: optionalText(record, 'location_id'),
      batch: optionalText(record, 'Batch'),
      expiryDate: optionalDate(record, 'expiry'),
      snapshotNumberOfPacks: number(record, 'snapshot_qty'),
      snapshotPackSize: number(record, 'snapshot_packsize'),
      countedNumberOfPacks: number(record, 'stock_take_qty'),
      isEdited: boolean(record, 'is_edited'),
      costPricePerPack: number(record, 'cost_price'),
      sellPricePerPack: number(record, 'sell_price'),
      comment: optionalText(record, 'comment'),
      reasonId: optionalText(record, 'optionID'),
      vvmStatusId: optionalText(record, 'vaccine_vial_monitor_status_ID'),
      donorId: optionalText(record, 'donor_ID'),
      volumePerPack: optionalNumber(record, 'volume_per_pack'),
      itemVariantId: optionalText(oms, 'item_variant_id'),
      programId: optionalText(oms, 'program_id'),
      campaignId: optionalText(oms, 'campaign_id'),
    };
  },
  toWire: (row) => ({
    ID: row.id,
    stock_take_ID: row.stocktakeId,
    item_line_ID: row.stockLineId,
    item_ID: row.itemId,
    item_name: row.itemName,
    location_id: row.locationId,
    Batch: row.batch,
    expiry: dateToLegacy(row.expiryDate),
    snapshot_qty: row.snapshotNumberOfPacks,
    snapshot_packsize: row.snapshotPackSize,
    stock_take_qty: row.countedNumberOfPacks,
    is_edited: row.isEdited,
    cost_price: row.costPricePerPack,
    sell_price: row.sellPricePerPack,
    comment: row.comment,
    optionID: row.reasonId,
    vaccine_vial_monitor_status_ID: row.vvmStatusId,
    donor_ID: row.donorId,
    volume_per_pack: row.volumePerPack,
    oms_fields: {
      item_variant_id: row.itemVariantId,
      program_id: row.programId,
      campaign_id: row.campaignId,
    },
  }),
  // Lines have no store column: like invoice lines they are logged store-less.
  storeIdOf: () => null,
};
