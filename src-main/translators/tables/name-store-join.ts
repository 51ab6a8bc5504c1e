// `name_store_join` (v5, store-owned): which names a store trades with (reference §10.10).
import { EntitySchema } from 'typeorm';
import { id, optionalBoolean } from '../fields';
import type { SyncedRow, TableTranslator } from '../types';
import { syncedColumns } from '../synced-columns';

export interface NameStoreJoin extends SyncedRow {
  nameId: string;
  storeId: string;
  isInactive: boolean | null;
  /** Open mSupply's own customer/supplier flags for this store; absent on older records. */
  nameIsCustomer: boolean | null;
  nameIsSupplier: boolean | null;
}

export const NameStoreJoinEntity = new EntitySchema<NameStoreJoin>({
  name: 'NameStoreJoin',
  tableName: 'name_store_join',
  columns: {
    ...syncedColumns,
    nameId: { name: 'name_id', type: 'text' },
    storeId: { name: 'store_id', type: 'text' },
    isInactive: { name: 'is_inactive', type: 'boolean', nullable: true },
    nameIsCustomer: { name: 'name_is_customer', type: 'boolean', nullable: true },
    nameIsSupplier: { name: 'name_is_supplier', type: 'boolean', nullable: true },
  },
});

export const nameStoreJoinTranslator: TableTranslator<NameStoreJoin> = {
  table: 'name_store_join',
  api: 'v5',
  entity: NameStoreJoinEntity,
  pullDependencies: ['name', 'store'],
  references: [
    { field: 'nameId', table: 'name', required: true },
    { field: 'storeId', table: 'store', required: true },
  ],
  pushable: true,
  fromWire: (record) => ({
    id: id(record, 'ID'),
    storeId: id(record, 'store_ID'),
    nameId: id(record, 'name_ID'),
    isInactive: optionalBoolean(record, 'inactive'),
    nameIsCustomer: optionalBoolean(record, 'om_name_is_customer'),
    nameIsSupplier: optionalBoolean(record, 'om_name_is_supplier'),
  }),
  toWire: (row) => ({
    ID: row.id,
    name_ID: row.nameId,
    store_ID: row.storeId,
    inactive: row.isInactive,
    om_name_is_customer: row.nameIsCustomer,
    om_name_is_supplier: row.nameIsSupplier,
  }),
  storeIdOf: (row) => row.storeId,
};
