// `sensor` (v5, store-owned): cold-chain temperature sensors, written here by mSupply Cold Chain and
// pushed to the legacy central (cold-chain notes §3.6). The keys the local table needs are required.
import { EntitySchema } from 'typeorm';
import {
  boolean,
  dateToLegacy,
  id,
  optionalDate,
  optionalDateTime,
  optionalInteger,
  optionalText,
  secondsAfterMidnight,
  text,
  timeToLegacy,
} from '../fields';
import type { SyncedRow, TableTranslator } from '../types';
import { syncedColumns } from '../synced-columns';

export interface Sensor extends SyncedRow {
  name: string;
  /** `macAddress` as sent: the serial and its ` | TYPE` suffix (the type is read from it when needed). */
  serial: string;
  locationId: string | null;
  storeId: string;
  batteryLevel: number | null;
  /** Minutes between logs. */
  logInterval: number | null;
  isActive: boolean;
  lastConnectionDate: string | null;
  /** Seconds after midnight, as legacy stores times. */
  lastConnectionTime: number;
  lastConnectionDatetime: string | null;
}

export const SensorEntity = new EntitySchema<Sensor>({
  name: 'Sensor',
  tableName: 'sensor',
  columns: {
    ...syncedColumns,
    name: { type: 'text' },
    serial: { type: 'text' },
    locationId: { name: 'location_id', type: 'text', nullable: true },
    storeId: { name: 'store_id', type: 'text' },
    batteryLevel: { name: 'battery_level', type: 'integer', nullable: true },
    logInterval: { name: 'log_interval', type: 'integer', nullable: true },
    isActive: { name: 'is_active', type: 'boolean' },
    lastConnectionDate: { name: 'last_connection_date', type: 'text', nullable: true },
    lastConnectionTime: { name: 'last_connection_time', type: 'integer' },
    lastConnectionDatetime: { name: 'last_connection_datetime', type: 'text', nullable: true },
  },
});

export const sensorTranslator: TableTranslator<Sensor> = {
  table: 'sensor',
  api: 'v5',
  entity: SensorEntity,
  pullDependencies: ['Location', 'store'],
  references: [
    { field: 'storeId', table: 'store', required: true },
    { field: 'locationId', table: 'Location', required: false },
  ],
  pushable: true,
  // Sensor keys are camelCase (`storeID`, `locationID`), unlike the other cold-chain tables.
  fromWire: (record) => ({
    id: id(record, 'ID'),
    name: text(record, 'name'),
    serial: text(record, 'macAddress'),
    locationId: optionalText(record, 'locationID'),
    storeId: id(record, 'storeID'),
    batteryLevel: optionalInteger(record, 'batteryLevel'),
    logInterval: optionalInteger(record, 'logInterval'),
    isActive: boolean(record, 'is_active'),
    lastConnectionDate: optionalDate(record, 'lastConnectionDate'),
    lastConnectionTime: secondsAfterMidnight(record, 'lastConnectionTime'),
    lastConnectionDatetime: optionalDateTime(record, 'om_last_connection_datetime'),
  }),
  toWire: (row) => ({
    ID: row.id,
    name: row.name,
    macAddress: row.serial,
    locationID: row.locationId,
    storeID: row.storeId,
    batteryLevel: row.batteryLevel,
    logInterval: row.logInterval,
    is_active: row.isActive,
    lastConnectionDate: dateToLegacy(row.lastConnectionDate),
    lastConnectionTime: timeToLegacy(row.lastConnectionTime),
    om_last_connection_datetime: row.lastConnectionDatetime,
  }),
  storeIdOf: (row) => row.storeId,
};
