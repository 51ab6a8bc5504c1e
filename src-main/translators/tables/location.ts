// `Location` (v5, store-owned): places within a store where stock is kept (reference §10.10).
import { EntitySchema } from 'typeorm';
import { boolean, id, number, requiredOptionalText, text } from '../fields';
import type { SyncedRow, TableTranslator } from '../types';
import { syncedColumns } from '../synced-columns';

export interface Location extends SyncedRow {
  name: string;
  code: string;
  isOnHold: boolean;
  storeId: string;
  locationTypeId: string | null;
  volume: number;
}

export const LocationEntity = new EntitySchema<Location>({
  name: 'Location',
  tableName: 'location',
  columns: {
    ...syncedColumns,
    name: { type: 'text' },
    code: { type: 'text' },
    isOnHold: { name: 'is_on_hold', type: 'boolean' },
    storeId: { name: 'store_id', type: 'text' },
    locationTypeId: { name: 'location_type_id', type: 'text', nullable: true },
    volume: { type: 'real' },
  },
});

export const locationTranslator: TableTranslator<Location> = {
  table: 'Location',
  api: 'v5',
  entity: LocationEntity,
  pullDependencies: ['store', 'Location_type'],
  references: [
    { field: 'storeId', table: 'store', required: true },
    { field: 'locationTypeId', table: 'Location_type', required: false },
  ],
  pushable: true,
  fromWire: (record) => ({
    id: id(record, 'ID'),
    name: text(record, 'Description'),
    code: text(record, 'code'),
    isOnHold: boolean(record, 'hold'),
    storeId: id(record, 'store_ID'),
    locationTypeId: requiredOptionalText(record, 'type_ID'),
    volume: number(record, 'Volume'),
  }),
  toWire: (row) => ({
    ID: row.id,
    Description: row.name,
    code: row.code,
    hold: row.isOnHold,
    store_ID: row.storeId,
    type_ID: row.locationTypeId,
    Volume: row.volume,
  }),
  storeIdOf: (row) => row.storeId,
};
