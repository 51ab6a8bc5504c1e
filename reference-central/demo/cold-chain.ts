// One demo store's cold chain: a sensor in its vaccine refrigerator, a day of readings every four
// hours, and the cold breach two of them belong to (as mSupply Cold Chain would have sent them).
import type { LegacyRow, RecordsByTable } from './types';
import type { DemoSite } from './sites';
import { DEMO_TODAY, legacyDate, legacyId, type Prng } from './random';
import { BLANK_SENSOR, BLANK_TEMPERATURE_BREACH, BLANK_TEMPERATURE_LOG } from './templates';

const HOURS = [0, 4, 8, 12, 16, 20];
/** The readings (by index into HOURS) below the refrigerator's 2 °C minimum. */
const COLD = [2, 3];

function macAddress(prng: Prng): string {
  const bytes = Array.from({ length: 6 }, () => prng.int(0, 255).toString(16).toUpperCase().padStart(2, '0'));
  return `${bytes.join(':')} | BLUE_MAESTRO`;
}

export function buildColdChainRecords(site: DemoSite, fridgeId: string, prng: Prng): RecordsByTable {
  const storeId = site.store.id;
  const sensorId = legacyId('demo', 'sensor', storeId, 1);
  const day = DEMO_TODAY - 1;
  const sensor: LegacyRow = {
    ...BLANK_SENSOR,
    ID: sensorId,
    macAddress: macAddress(prng),
    name: `${site.store.code} fridge sensor`,
    locationID: fridgeId,
    storeID: storeId,
    batteryLevel: prng.int(60, 100),
    logInterval: 240,
    is_active: true,
    lastConnectionDate: legacyDate(DEMO_TODAY),
    lastConnectionTime: 7 * 3600,
  };
  const breachId = legacyId('demo', 'temperature_breach', storeId, 1);
  const [first = 0, last = 0] = COLD.map((index) => (HOURS[index] ?? 0) * 3600);
  const breach: LegacyRow = {
    ...BLANK_TEMPERATURE_BREACH,
    ID: breachId,
    sensor_ID: sensorId,
    location_ID: fridgeId,
    store_ID: storeId,
    type: 'COLD_CONSECUTIVE',
    threshold_minimum_temperature: 2,
    threshold_maximum_temperature: 8,
    threshold_duration: 3600,
    duration: last - first,
    start_date: legacyDate(day),
    start_time: first,
    end_date: legacyDate(day),
    end_time: last,
  };
  const logs = HOURS.map((hour, index) => {
    const cold = COLD.includes(index);
    return {
      ...BLANK_TEMPERATURE_LOG,
      ID: legacyId('demo', 'temperature_log', storeId, index + 1),
      sensor_ID: sensorId,
      location_ID: fridgeId,
      store_ID: storeId,
      temperature: cold ? prng.int(-15, 15) / 10 : prng.int(30, 70) / 10,
      date: legacyDate(day),
      time: hour * 3600,
      temperature_breach_ID: cold ? breachId : '',
    };
  });
  return { sensor: [sensor], temperature_breach: [breach], temperature_log: logs };
}
