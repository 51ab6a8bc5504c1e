// `temperature_log` (v5, store-owned): one reading of a sensor (cold-chain notes §3.6). The keys the
// local table needs are required.
import { EntitySchema } from 'typeorm';
import {
  date,
  dateToLegacy,
  id,
  number,
  optionalDateTime,
  optionalText,
  secondsAfterMidnight,
  timeToLegacy,
} from '../fields';
import type { SyncedRow, TableTranslator } from '../types';
import { syncedColumns } from '../synced-columns';

export interface TemperatureLog extends SyncedRow {
  sensorId: string;
  locationId: string | null;
  storeId: string;
  temperature: number;
  date: string;
  /** Seconds after midnight, as legacy stores times. */
  time: number;
  temperatureBreachId: string | null;
  /** Open mSupply's own timestamp of the reading, when it wrote one. */
  datetime: string | null;
}

export const TemperatureLogEntity = new EntitySchema<TemperatureLog>({
  name: 'TemperatureLog',
  tableName: 'temperature_log',
  columns: {
    ...syncedColumns,
    sensorId: { name: 'sensor_id', type: 'text' },
    locationId: { name: 'location_id', type: 'text', nullable: true },
    storeId: { name: 'store_id', type: 'text' },
    temperature: { type: 'real' },
    date: { type: 'text' },
    time: { type: 'integer' },
    temperatureBreachId: { name: 'temperature_breach_id', type: 'text', nullable: true },
    datetime: { type: 'text', nullable: true },
  },
  // Sensors log every few minutes: the readings of one sensor are what every screen asks for.
  indices: [{ name: 'temperature_log_by_sensor', columns: ['sensorId'] }],
});

export const temperatureLogTranslator: TableTranslator<TemperatureLog> = {
  table: 'temperature_log',
  api: 'v5',
  entity: TemperatureLogEntity,
  pullDependencies: ['store', 'Location', 'sensor', 'temperature_breach'],
  references: [
    { field: 'sensorId', table: 'sensor', required: true },
    { field: 'storeId', table: 'store', required: true },
    { field: 'locationId', table: 'Location', required: false },
    { field: 'temperatureBreachId', table: 'temperature_breach', required: false },
  ],
  pushable: true,
  fromWire: (record) => ({
    id: id(record, 'ID'),
    sensorId: id(record, 'sensor_ID'),
    locationId: optionalText(record, 'location_ID'),
    storeId: id(record, 'store_ID'),
    temperature: number(record, 'temperature'),
    date: date(record, 'date'),
    time: secondsAfterMidnight(record, 'time'),
    temperatureBreachId: optionalText(record, 'temperature_breach_ID'),
    datetime: optionalDateTime(record, 'om_datetime'),
  }),
  toWire: (row) => ({
    ID: row.id,
    sensor_ID: row.sensorId,
    location_ID: row.locationId,
    store_ID: row.storeId,
    temperature: row.temperature,
    date: dateToLegacy(row.date),
    time: timeToLegacy(row.time),
    temperature_breach_ID: row.temperatureBreachId,
    om_datetime: row.datetime,
  }),
  storeIdOf: (row) => row.storeId,
};
