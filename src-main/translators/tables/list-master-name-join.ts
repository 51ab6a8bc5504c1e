// `list_master_name_join` (v5 central data): which names (stores, customers) see which master list.
import { EntitySchema } from 'typeorm';
import { id } from '../fields';
import type { SyncedRow, TableTranslator } from '../types';
import { syncedColumns } from '../synced-columns';

export interface MasterListNameJoin extends SyncedRow {
  masterListId: string;
  nameId: string;
}

export const MasterListNameJoinEntity = new EntitySchema<MasterListNameJoin>({
  name: 'MasterListNameJoin',
  tableName: 'master_list_name_join',
  columns: {
    ...syncedColumns,
    masterListId: { name: 'master_list_id', type: 'text' },
    nameId: { name: 'name_id', type: 'text' },
  },
});

export const masterListNameJoinTranslator: TableTranslator<MasterListNameJoin> = {
  table: 'list_master_name_join',
  api: 'v5',
  entity: MasterListNameJoinEntity,
  pullDependencies: ['name', 'list_master'],
  // A join with a blanked side means nothing, so both sides are required.
  references: [
    { field: 'masterListId', table: 'list_master', required: true },
    { field: 'nameId', table: 'name', required: true },
  ],
  pushable: false,
  fromWire: (record) => ({
    id: id(record, 'ID'),
    masterListId: id(record, 'list_master_ID'),
    nameId: id(record, 'name_ID'),
  }),
  toWire: (row) => ({ ID: row.id, list_master_ID: row.masterListId, name_ID: row.nameId }),
  storeIdOf: () => null,
};
