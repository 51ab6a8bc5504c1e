// `asset_category` (v6 central data): a category within an asset class.
import { EntitySchema } from 'typeorm';
import { id, text } from '../fields';
import type { SyncedRow, TableTranslator } from '../types';
import { syncedColumns } from '../synced-columns';

export interface AssetCategory extends SyncedRow {
  name: string;
  assetClassId: string;
}

export const AssetCategoryEntity = new EntitySchema<AssetCategory>({
  name: 'AssetCategory',
  tableName: 'asset_category',
  columns: {
    ...syncedColumns,
    name: { type: 'text' },
    assetClassId: { name: 'asset_class_id', type: 'text' },
  },
});

export const assetCategoryTranslator: TableTranslator<AssetCategory> = {
  table: 'asset_category',
  api: 'v6',
  entity: AssetCategoryEntity,
  pullDependencies: ['asset_class'],
  // Not nullable on the wire, so it cannot be blanked: a missing class fails the record.
  references: [{ field: 'assetClassId', table: 'asset_class', required: true }],
  pushable: false,
  fromWire: (record) => ({
    id: id(record, 'id'),
    name: text(record, 'name'),
    assetClassId: id(record, 'class_id'),
  }),
  toWire: (row) => ({ id: row.id, name: row.name, class_id: row.assetClassId }),
  storeIdOf: () => null,
};
