// `item_line` (v5, store-owned): stock lines — one batch of an item in a store (reference §10.8).
import { EntitySchema } from 'typeorm';
import {
  boolean,
  dateToLegacy,
  id,
  number,
  omsFields,
  optionalDate,
  optionalText,
  requiredOptionalDate,
  requiredOptionalText,
} from '../fields';
import type { SyncedRow, TableTranslator } from '../types';
import { syncedColumns } from '../synced-columns';

export interface StockLine extends SyncedRow {
  storeId: string;
  itemId: string;
  batch: string | null;
  expiryDate: string | null;
  isOnHold: boolean;
  locationId: string | null;
  packSize: number;
  availableNumberOfPacks: number;
  totalNumberOfPacks: number;
  costPricePerPack: number;
  sellPricePerPack: number;
  note: string | null;
  supplierId: string | null;
  barcodeId: string | null;
  vvmStatusId: string | null;
  totalVolume: number;
  volumePerPack: number;
  itemVariantId: string | null;
  donorId: string | null;
  manufacturerId: string | null;
  campaignId: string | null;
  programId: string | null;
  manufactureDate: string | null;
}

export const StockLineEntity = new EntitySchema<StockLine>({
  name: 'StockLine',
  tableName: 'stock_line',
  columns: {
    ...syncedColumns,
    storeId: { name: 'store_id', type: 'text' },
    itemId: { name: 'item_id', type: 'text' },
    batch: { type: 'text', nullable: true },
    expiryDate: { name: 'expiry_date', type: 'text', nullable: true },
    isOnHold: { name: 'is_on_hold', type: 'boolean' },
    locationId: { name: 'location_id', type: 'text', nullable: true },
    packSize: { name: 'pack_size', type: 'real' },
    availableNumberOfPacks: { name: 'available_number_of_packs', type: 'real' },
    totalNumberOfPacks: { name: 'total_number_of_packs', type: 'real' },
    costPricePerPack: { name: 'cost_price_per_pack', type: 'real' },
    sellPricePerPack: { name: 'sell_price_per_pack', type: 'real' },
    note: { type: 'text', nullable: true },
    supplierId: { name: 'supplier_id', type: 'text', nullable: true },
    barcodeId: { name: 'barcode_id', type: 'text', nullable: true },
    vvmStatusId: { name: 'vvm_status_id', type: 'text', nullable: true },
    totalVolume: { name: 'total_volume', type: 'real' },
    volumePerPack: { name: 'volume_per_pack', type: 'real' },
    itemVariantId: { name: 'item_variant_id', type: 'text', nullable: true },
    donorId: { name: 'donor_id', type: 'text', nullable: true },
    manufacturerId: { name: 'manufacturer_id', type: 'text', nullable: true },
    campaignId: { name: 'campaign_id', type: 'text', nullable: true },
    programId: { name: 'program_id', type: 'text', nullable: true },
    manufactureDate: { name: 'manufacture_date', type: 'text', nullable: true },
  },
});

export const stockLineTranslator: TableTranslator<StockLine> = {
  table: 'item_line',
  api: 'v5',
  entity: StockLineEntity,
  pullDependencies: [
    'item',
    'item_variant',
    'name',
    'store',
    'Location',
    'barcode',
    'vaccine_vial_monitor_status',
    'campaign',
  ],
  references: [
    { field: 'itemId', table: 'item', required: true },
    { field: 'storeId', table: 'store', required: true },
    { field: 'locationId', table: 'Location', required: false },
    { field: 'supplierId', table: 'name', required: false },
    { field: 'donorId', table: 'name', required: false },
    { field: 'manufacturerId', table: 'name', required: false },
  ],
  pushable: true,
  fromWire: (record) => {
    const oms = omsFields(record);
    return {
      id: id(record, 'ID'),
      storeId: id(record, 'store_ID'),
      itemId: id(record, 'item_ID'),
      batch: requiredOptionalText(record, 'batch'),
      expiryDate: requiredOptionalDate(record, 'expiry_date'),
      isOnHold: boolean(record, 'hold'),
      locationId: requiredOptionalText(record, 'location_ID'),
      packSize: number(record, 'pack_size'),
      availableNumberOfPacks: number(record, 'available'),
      totalNumberOfPacks: number(record, 'quantity'),
      costPricePerPack: number(record, 'cost_price'),
      sellPricePerPack: number(record, 'sell_price'),
      note: requiredOptionalText(record, 'note'),
      supplierId: requiredOptionalText(record, 'name_ID'),
      barcodeId: requiredOptionalText(record, 'barcodeID'),
      vvmStatusId: requiredOptionalText(record, 'vvm_status_id'),
      totalVolume: number(record, 'total_volume'),
      volumePerPack: number(record, 'volume_per_pack'),
      itemVariantId: optionalText(record, 'om_item_variant_id'),
      donorId: optionalText(record, 'donor_id'),
      manufacturerId: optionalText(record, 'manufacturer_ID'),
      campaignId: optionalText(oms, 'campaign_id'),
      programId: optionalText(oms, 'program_id'),
      manufactureDate: optionalDate(oms, 'manufacture_date'),
    };
  },
  toWire: (row) => ({
    ID: row.id,
    store_ID: row.storeId,
    item_ID: row.itemId,
    batch: row.batch,
    expiry_date: dateToLegacy(row.expiryDate),
    hold: row.isOnHold,
    location_ID: row.locationId,
    pack_size: row.packSize,
    available: row.availableNumberOfPacks,
    quantity: row.totalNumberOfPacks,
    cost_price: row.costPricePerPack,
    sell_price: row.sellPricePerPack,
    note: row.note,
    name_ID: row.supplierId,
    barcodeID: row.barcodeId,
    vvm_status_id: row.vvmStatusId,
    total_volume: row.totalVolume,
    volume_per_pack: row.volumePerPack,
    om_item_variant_id: row.itemVariantId,
    donor_id: row.donorId,
    manufacturer_ID: row.manufacturerId,
    // oms_fields is Open mSupply's own JSON: its dates are plain `YYYY-MM-DD`.
    oms_fields: {
      campaign_id: row.campaignId,
      program_id: row.programId,
      manufacture_date: row.manufactureDate,
    },
  }),
  storeIdOf: (row) => row.storeId,
};
