// `list_master_line` (v5 central data): the items of a master list, with a price for price lists.
import { EntitySchema } from 'typeorm';
import { id, optionalNumber } from '../fields';
import type { SyncedRow, TableTranslator } from '../types';
import { syncedColumns } from '../synced-columns';

export interface MasterListLine extends SyncedRow {
  masterListId: string;
  itemId: string;
  price: number | null;
}

export const MasterListLineEntity = new EntitySchema<MasterListLine>({
  name: 'MasterListLine',
  tableName: 'master_list_line',
  columns: {
    ...syncedColumns,
    masterListId: { name: 'master_list_id', type: 'text' },
    itemId: { name: 'item_id', type: 'text' },
    price: { type: 'real', nullable: true },
  },
});

export const masterListLineTranslator: TableTranslator<MasterListLine> = {
  table: 'list_master_line',
  api: 'v5',
  entity: MasterListLineEntity,
  pullDependencies: ['list_master', 'item'],
  references: [
    { field: 'masterListId', table: 'list_master', required: true },
    { field: 'itemId', table: 'item', required: true },
  ],
  pushable: false,
  fromWire: (record) => ({
    id: id(record, 'ID'),
    // Legacy names the list column `item_master_ID`.
    masterListId: id(record, 'item_master_ID'),
    itemId: id(record, 'item_ID'),
    price: optionalNumber(record, 'price'),
  }),
  toWire: (row) => ({ ID: row.id, item_master_ID: row.masterListId, item_ID: row.itemId, price: row.price }),
  storeIdOf: () => null,
};
