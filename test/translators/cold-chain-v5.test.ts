// v5 store-owned cold-chain tables: sensor, temperature_breach, temperature_log against the real
// legacy records (legacy field names of the cold-chain notes §3.6).
import { describe, expect, it } from 'vitest';
import { sensorTranslator } from '../../src-main/translators/tables/sensor';
import { temperatureBreachTranslator } from '../../src-main/translators/tables/temperature-breach';
import { temperatureLogTranslator } from '../../src-main/translators/tables/temperature-log';
import {
  expectFieldErrors,
  fixtureRecord,
  itHandlesEveryFixtureRecord,
  itRoundTrips,
  withFields,
} from './helpers';

describe('sensor', () => {
  itHandlesEveryFixtureRecord(sensorTranslator, [
    {
      translates: {
        id: 'cf5812e0c33911eb9757779d39ae2dbd',
        name: 'NameRed.02',
        serial: 'SerialRed.02 | BLUE_MAESTRO',
        locationId: null,
        storeId: 'store_a',
        batteryLevel: 100,
        logInterval: 1,
        isActive: true,
        lastConnectionDate: '2023-07-01',
        lastConnectionTime: 47046,
        lastConnectionDatetime: null,
      },
    },
  ]);
  itRoundTrips(sensorTranslator);

  const sensor = fixtureRecord('sensor', 0);
  it('rejects malformed fields, naming them', () => {
    expectFieldErrors(sensorTranslator, sensor, [
      [{ storeID: undefined }, 'storeID'],
      [{ batteryLevel: 99.5 }, 'batteryLevel'],
      [{ logInterval: '1' }, 'logInterval'],
      [{ is_active: null }, 'is_active'],
      [{ lastConnectionDate: '2023-02-29' }, 'lastConnectionDate'],
      [{ om_last_connection_datetime: '2023-07-01' }, 'om_last_connection_datetime'],
    ]);
  });

  it('pushes its camelCase keys back and is owned by its store', () => {
    const row = { ...sensorTranslator.fromWire(sensor), receivedJson: null };
    expect(sensorTranslator.toWire(row)).toMatchObject({
      storeID: 'store_a',
      locationID: null,
      lastConnectionDate: '2023-07-01T00:00:00',
      lastConnectionTime: '13:04:06',
    });
    expect(sensorTranslator.storeIdOf(row)).toBe('store_a');
  });
});

describe('temperature_breach', () => {
  itHandlesEveryFixtureRecord(temperatureBreachTranslator, [
    {
      translates: {
        id: '996812e0c33911eb9757779d39ae2dbd',
        sensorId: 'cf5812e0c33911eb9757779d39ae2dbd',
        locationId: null,
        storeId: 'store_a',
        type: 'COLD_CONSECUTIVE',
        thresholdMinimum: -273,
        thresholdMaximum: 2,
        thresholdDuration: 3600,
        duration: 86400,
        isAcknowledged: false,
        startDate: '2023-07-01',
        startTime: 47046,
        endDate: '2023-07-02',
        endTime: 47046,
        startDatetime: null,
        endDatetime: null,
        comment: null,
      },
    },
  ]);
  itRoundTrips(temperatureBreachTranslator);

  const breach = fixtureRecord('temperature_breach', 0);
  it('rejects malformed fields, naming them (the type has no catch-all)', () => {
    expectFieldErrors(temperatureBreachTranslator, breach, [
      [{ type: 'WARM' }, 'type'],
      [{ type: 'cold_consecutive' }, 'type'],
      [{ threshold_duration: 1.5 }, 'threshold_duration'],
      [{ threshold_minimum_temperature: '-273' }, 'threshold_minimum_temperature'],
      [{ start_date: '0000-00-00' }, 'start_date'],
      [{ end_date: '2023-07-32' }, 'end_date'],
      [{ acknowledged: undefined }, 'acknowledged'],
      [{ sensor_ID: '' }, 'sensor_ID'],
    ]);
  });

  it('reads an open breach (no end date)', () => {
    const row = temperatureBreachTranslator.fromWire(withFields(breach, { end_date: '0000-00-00' }));
    expect(row.endDate).toBeNull();
    expect(temperatureBreachTranslator.toWire({ ...row, receivedJson: null }).end_date).toBeNull();
  });
});

describe('temperature_log', () => {
  itHandlesEveryFixtureRecord(temperatureLogTranslator, [
    {
      translates: {
        id: '995812e0c33911eb9757779d39ae2dbd',
        sensorId: 'cf5812e0c33911eb9757779d39ae2dbd',
        locationId: null,
        storeId: 'store_a',
        temperature: 10.6,
        date: '2023-07-01',
        time: 47046,
        temperatureBreachId: null,
        datetime: null,
      },
    },
  ]);
  itRoundTrips(temperatureLogTranslator);

  const log = fixtureRecord('temperature_log', 0);
  it('rejects malformed fields, naming them', () => {
    expectFieldErrors(temperatureLogTranslator, log, [
      [{ temperature: '10.6' }, 'temperature'],
      [{ temperature: undefined }, 'temperature'],
      [{ date: '' }, 'date'],
      [{ time: undefined }, 'time'],
      [{ temperature_breach_ID: 12 }, 'temperature_breach_ID'],
      [{ om_datetime: 'now' }, 'om_datetime'],
    ]);
  });

  it('reads a time sent back in the push format', () => {
    expect(temperatureLogTranslator.fromWire(withFields(log, { time: '13:04:06' })).time).toBe(47046);
    expect(temperatureLogTranslator.fromWire(withFields(log, { time: '25:00:00' })).time).toBe(0);
  });
});
