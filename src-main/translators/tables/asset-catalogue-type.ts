// `asset_catalogue_type` (v6 central data): an asset type within a category (e.g. a fridge model
// family).
import { EntitySchema } from 'typeorm';
import { id, text } from '../fields';
import type { SyncedRow, TableTranslator } from '../types';
import { syncedColumns } from '../synced-columns';

export interface AssetCatalogueType extends SyncedRow {
  name: string;
  assetCategoryId: string;
}

export const AssetCatalogueTypeEntity = new EntitySchema<AssetCatalogueType>({
  name: 'AssetCatalogueType',
  tableName: 'asset_catalogue_type',
  columns: {
    ...syncedColumns,
    name: { type: 'text' },
    assetCategoryId: { name: 'asset_category_id', type: 'text' },
  },
});

export const assetCatalogueTypeTranslator: TableTranslator<AssetCatalogueType> = {
  table: 'asset_catalogue_type',
  api: 'v6',
  entity: AssetCatalogueTypeEntity,
  pullDependencies: ['asset_category'],
  // Not nullable on the wire, so it cannot be blanked: a missing category fails the record.
  references: [{ field: 'assetCategoryId', table: 'asset_category', required: true }],
  pushable: false,
  fromWire: (record) => ({
    id: id(record, 'id'),
    name: text(record, 'name'),
    assetCategoryId: id(record, 'category_id'),
  }),
  toWire: (row) => ({ id: row.id, name: row.name, category_id: row.assetCategoryId }),
  storeIdOf: () => null,
};
