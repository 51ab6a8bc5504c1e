// `temperature_breach` (v5, store-owned): a sensor's temperature outside its thresholds for too long
// (cold-chain notes §3.6). The keys the local table needs are required.
import { EntitySchema } from 'typeorm';
import {
  boolean,
  date,
  dateToLegacy,
  id,
  integer,
  number,
  oneOf,
  optionalDate,
  optionalDateTime,
  optionalText,
  secondsAfterMidnight,
  timeToLegacy,
} from '../fields';
import type { SyncedRow, TableTranslator } from '../types';
import { syncedColumns } from '../synced-columns';

/** A Rust enum on Open mSupply's side: no catch-all, an unknown value fails the record. */
export const BREACH_TYPES = [
  'COLD_CONSECUTIVE',
  'COLD_CUMULATIVE',
  'HOT_CONSECUTIVE',
  'HOT_CUMULATIVE',
  'EXCURSION',
] as const;
export type BreachType = (typeof BREACH_TYPES)[number];

export interface TemperatureBreach extends SyncedRow {
  sensorId: string;
  locationId: string | null;
  storeId: string;
  type: BreachType;
  thresholdMinimum: number;
  thresholdMaximum: number;
  /** Seconds the temperature must stay out of range to count as a breach. */
  thresholdDuration: number;
  duration: number;
  isAcknowledged: boolean;
  startDate: string;
  /** Seconds after midnight, as legacy stores times. */
  startTime: number;
  endDate: string | null;
  endTime: number;
  startDatetime: string | null;
  endDatetime: string | null;
  comment: string | null;
}

export const TemperatureBreachEntity = new EntitySchema<TemperatureBreach>({
  name: 'TemperatureBreach',
  tableName: 'temperature_breach',
  columns: {
    ...syncedColumns,
    sensorId: { name: 'sensor_id', type: 'text' },
    locationId: { name: 'location_id', type: 'text', nullable: true },
    storeId: { name: 'store_id', type: 'text' },
    type: { type: 'text' },
    thresholdMinimum: { name: 'threshold_minimum', type: 'real' },
    thresholdMaximum: { name: 'threshold_maximum', type: 'real' },
    thresholdDuration: { name: 'threshold_duration', type: 'integer' },
    duration: { type: 'integer' },
    isAcknowledged: { name: 'is_acknowledged', type: 'boolean' },
    startDate: { name: 'start_date', type: 'text' },
    startTime: { name: 'start_time', type: 'integer' },
    endDate: { name: 'end_date', type: 'text', nullable: true },
    endTime: { name: 'end_time', type: 'integer' },
    startDatetime: { name: 'start_datetime', type: 'text', nullable: true },
    endDatetime: { name: 'end_datetime', type: 'text', nullable: true },
    comment: { type: 'text', nullable: true },
  },
});

export const temperatureBreachTranslator: TableTranslator<TemperatureBreach> = {
  table: 'temperature_breach',
  api: 'v5',
  entity: TemperatureBreachEntity,
  pullDependencies: ['sensor', 'store', 'Location'],
  references: [
    { field: 'sensorId', table: 'sensor', required: true },
    { field: 'storeId', table: 'store', required: true },
    { field: 'locationId', table: 'Location', required: false },
  ],
  pushable: true,
  fromWire: (record) => ({
    id: id(record, 'ID'),
    sensorId: id(record, 'sensor_ID'),
    locationId: optionalText(record, 'location_ID'),
    storeId: id(record, 'store_ID'),
    type: oneOf(record, 'type', BREACH_TYPES),
    thresholdMinimum: number(record, 'threshold_minimum_temperature'),
    thresholdMaximum: number(record, 'threshold_maximum_temperature'),
    thresholdDuration: integer(record, 'threshold_duration'),
    duration: integer(record, 'duration'),
    isAcknowledged: boolean(record, 'acknowledged'),
    startDate: date(record, 'start_date'),
    startTime: secondsAfterMidnight(record, 'start_time'),
    endDate: optionalDate(record, 'end_date'),
    endTime: secondsAfterMidnight(record, 'end_time'),
    startDatetime: optionalDateTime(record, 'om_start_datetime'),
    endDatetime: optionalDateTime(record, 'om_end_datetime'),
    comment: optionalText(record, 'om_comment'),
  }),
  toWire: (row) => ({
    ID: row.id,
    sensor_ID: row.sensorId,
    location_ID: row.locationId,
    store_ID: row.storeId,
    type: row.type,
    threshold_minimum_temperature: row.thresholdMinimum,
    threshold_maximum_temperature: row.thresholdMaximum,
    threshold_duration: row.thresholdDuration,
    duration: row.duration,
    acknowledged: row.isAcknowledged,
    start_date: dateToLegacy(row.startDate),
    start_time: timeToLegacy(row.startTime),
    end_date: dateToLegacy(row.endDate),
    end_time: timeToLegacy(row.endTime),
    om_start_datetime: row.startDatetime,
    om_end_datetime: row.endDatetime,
    om_comment: row.comment,
  }),
  storeIdOf: (row) => row.storeId,
};
