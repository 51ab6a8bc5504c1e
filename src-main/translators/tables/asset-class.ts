// `asset_class` (v6 central data): the top level of the cold-chain asset catalogue.
import { EntitySchema } from 'typeorm';
import { id, text } from '../fields';
import type { SyncedRow, TableTranslator } from '../types';
import { syncedColumns } from '../synced-columns';

export interface AssetClass extends SyncedRow {
  name: string;
}

export const AssetClassEntity = new EntitySchema<AssetClass>({
  name: 'AssetClass',
  tableName: 'asset_class',
  columns: { ...syncedColumns, name: { type: 'text' } },
});

export const assetClassTranslator: TableTranslator<AssetClass> = {
  table: 'asset_class',
  api: 'v6',
  entity: AssetClassEntity,
  pullDependencies: [],
  references: [],
  pushable: false,
  fromWire: (record) => ({ id: id(record, 'id'), name: text(record, 'name') }),
  toWire: (row) => ({ id: row.id, name: row.name }),
  storeIdOf: () => null,
};
