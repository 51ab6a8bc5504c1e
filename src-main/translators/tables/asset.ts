// `asset` (v6, store-owned): a piece of cold-chain equipment (v6 reference §12.1). Pulled and pushed.
import { EntitySchema } from 'typeorm';
import { dateTime, optionalBoolean, optionalDate, optionalDateTime, optionalText, id } from '../fields';
import type { SyncedRow, TableTranslator } from '../types';
import { syncedColumns } from '../synced-columns';

export interface Asset extends SyncedRow {
  notes: string | null;
  assetNumber: string | null;
  assetCategoryId: string | null;
  assetClassId: string | null;
  assetCatalogueTypeId: string | null;
  storeId: string | null;
  serialNumber: string | null;
  assetCatalogueItemId: string | null;
  installationDate: string | null;
  replacementDate: string | null;
  createdDatetime: string;
  modifiedDatetime: string;
  /** Assets are soft-deleted. */
  deletedDatetime: string | null;
  /** JSON text of the asset's property values. */
  properties: string | null;
  donorNameId: string | null;
  warrantyStart: string | null;
  warrantyEnd: string | null;
  needsReplacement: boolean | null;
  lockedFieldsJson: string | null;
}

export const AssetEntity = new EntitySchema<Asset>({
  name: 'Asset',
  tableName: 'asset',
  columns: {
    ...syncedColumns,
    notes: { type: 'text', nullable: true },
    assetNumber: { name: 'asset_number', type: 'text', nullable: true },
    assetCategoryId: { name: 'asset_category_id', type: 'text', nullable: true },
    assetClassId: { name: 'asset_class_id', type: 'text', nullable: true },
    assetCatalogueTypeId: { name: 'asset_catalogue_type_id', type: 'text', nullable: true },
    storeId: { name: 'store_id', type: 'text', nullable: true },
    serialNumber: { name: 'serial_number', type: 'text', nullable: true },
    assetCatalogueItemId: { name: 'asset_catalogue_item_id', type: 'text', nullable: true },
    installationDate: { name: 'installation_date', type: 'text', nullable: true },
    replacementDate: { name: 'replacement_date', type: 'text', nullable: true },
    createdDatetime: { name: 'created_datetime', type: 'text' },
    modifiedDatetime: { name: 'modified_datetime', type: 'text' },
    deletedDatetime: { name: 'deleted_datetime', type: 'text', nullable: true },
    properties: { type: 'text', nullable: true },
    donorNameId: { name: 'donor_name_id', type: 'text', nullable: true },
    warrantyStart: { name: 'warranty_start', type: 'text', nullable: true },
    warrantyEnd: { name: 'warranty_end', type: 'text', nullable: true },
    needsReplacement: { name: 'needs_replacement', type: 'boolean', nullable: true },
    lockedFieldsJson: { name: 'locked_fields_json', type: 'text', nullable: true },
  },
});

export const assetTranslator: TableTranslator<Asset> = {
  table: 'asset',
  api: 'v6',
  entity: AssetEntity,
  pullDependencies: [
    'store',
    'asset_catalogue_item',
    'asset_category',
    'asset_class',
    'asset_catalogue_type',
  ],
  references: [
    { field: 'storeId', table: 'store', required: false },
    { field: 'assetCatalogueItemId', table: 'asset_catalogue_item', required: false },
    { field: 'assetCategoryId', table: 'asset_category', required: false },
    { field: 'assetClassId', table: 'asset_class', required: false },
    { field: 'assetCatalogueTypeId', table: 'asset_catalogue_type', required: false },
  ],
  pushable: true,
  // Wire keys are the Rust field names: asset_type_id and catalogue_item_id name the columns
  // asset_catalogue_type_id and asset_catalogue_item_id (v6 reference §11.2).
  fromWire: (record) => ({
    id: id(record, 'id'),
    notes: optionalText(record, 'notes'),
    assetNumber: optionalText(record, 'asset_number'),
    assetCategoryId: optionalText(record, 'asset_category_id'),
    assetClassId: optionalText(record, 'asset_class_id'),
    assetCatalogueTypeId: optionalText(record, 'asset_type_id'),
    storeId: optionalText(record, 'store_id'),
    serialNumber: optionalText(record, 'serial_number'),
    assetCatalogueItemId: optionalText(record, 'catalogue_item_id'),
    installationDate: optionalDate(record, 'installation_date'),
    replacementDate: optionalDate(record, 'replacement_date'),
    createdDatetime: dateTime(record, 'created_datetime'),
    modifiedDatetime: dateTime(record, 'modified_datetime'),
    deletedDatetime: optionalDateTime(record, 'deleted_datetime'),
    properties: optionalText(record, 'properties'),
    donorNameId: optionalText(record, 'donor_name_id'),
    warrantyStart: optionalDate(record, 'warranty_start'),
    warrantyEnd: optionalDate(record, 'warranty_end'),
    needsReplacement: optionalBoolean(record, 'needs_replacement'),
    lockedFieldsJson: optionalText(record, 'locked_fields_json'),
  }),
  // v6 sends every key (null when absent) and plain `YYYY-MM-DD` dates.
  toWire: (row) => ({
    id: row.id,
    notes: row.notes,
    asset_number: row.assetNumber,
    asset_category_id: row.assetCategoryId,
    asset_class_id: row.assetClassId,
    asset_type_id: row.assetCatalogueTypeId,
    store_id: row.storeId,
    serial_number: row.serialNumber,
    catalogue_item_id: row.assetCatalogueItemId,
    installation_date: row.installationDate,
    replacement_date: row.replacementDate,
    created_datetime: row.createdDatetime,
    modified_datetime: row.modifiedDatetime,
    deleted_datetime: row.deletedDatetime,
    properties: row.properties,
    donor_name_id: row.donorNameId,
    warranty_start: row.warrantyStart,
    warranty_end: row.warrantyEnd,
    needs_replacement: row.needsReplacement,
    locked_fields_json: row.lockedFieldsJson,
  }),
  storeIdOf: (row) => row.storeId,
};
