// `asset_catalogue_item` (v6 central data): a catalogued equipment model (PQS or not).
import { EntitySchema } from 'typeorm';
import { id, optionalText, text } from '../fields';
import type { SyncedRow, TableTranslator } from '../types';
import { syncedColumns } from '../synced-columns';

export interface AssetCatalogueItem extends SyncedRow {
  subCatalogue: string;
  code: string;
  manufacturer: string | null;
  model: string;
  assetClassId: string;
  assetCategoryId: string;
  assetCatalogueTypeId: string;
}

export const AssetCatalogueItemEntity = new EntitySchema<AssetCatalogueItem>({
  name: 'AssetCatalogueItem',
  tableName: 'asset_catalogue_item',
  columns: {
    ...syncedColumns,
    subCatalogue: { name: 'sub_catalogue', type: 'text' },
    code: { type: 'text' },
    manufacturer: { type: 'text', nullable: true },
    model: { type: 'text' },
    assetClassId: { name: 'asset_class_id', type: 'text' },
    assetCategoryId: { name: 'asset_category_id', type: 'text' },
    assetCatalogueTypeId: { name: 'asset_catalogue_type_id', type: 'text' },
  },
});

export const assetCatalogueItemTranslator: TableTranslator<AssetCatalogueItem> = {
  table: 'asset_catalogue_item',
  api: 'v6',
  entity: AssetCatalogueItemEntity,
  pullDependencies: ['asset_category', 'asset_catalogue_type', 'asset_class'],
  // Not nullable on the wire, so they cannot be blanked: a missing parent fails the record.
  references: [
    { field: 'assetClassId', table: 'asset_class', required: true },
    { field: 'assetCategoryId', table: 'asset_category', required: true },
    { field: 'assetCatalogueTypeId', table: 'asset_catalogue_type', required: true },
  ],
  pushable: false,
  // The row's Rust field names travel: class_id, category_id, type_id (columns asset_*_id).
  fromWire: (record) => ({
    id: id(record, 'id'),
    subCatalogue: text(record, 'sub_catalogue'),
    code: text(record, 'code'),
    manufacturer: optionalText(record, 'manufacturer'),
    model: text(record, 'model'),
    assetClassId: id(record, 'class_id'),
    assetCategoryId: id(record, 'category_id'),
    assetCatalogueTypeId: id(record, 'type_id'),
  }),
  toWire: (row) => ({
    id: row.id,
    sub_catalogue: row.subCatalogue,
    code: row.code,
    manufacturer: row.manufacturer,
    model: row.model,
    class_id: row.assetClassId,
    category_id: row.assetCategoryId,
    type_id: row.assetCatalogueTypeId,
  }),
  storeIdOf: () => null,
};
