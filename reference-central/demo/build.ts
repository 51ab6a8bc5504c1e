// buildDemoRecords: the central's whole demo data set, fixtures included.
import type { LegacyRow, RecordsByTable } from './types';
import { buildAssetRecords } from './assets';
import { buildCentralRecords, homeCurrencyId } from './central';
import { readCentralFixtureRows } from './fixtures';
import { findDanglingReferences } from './foreign-keys';
import { buildStoreRecords } from './remote';
import { DEMO_SITES } from './sites';

/** Concatenates the rows of each table; tables keep the order they first appear in. */
export function mergeRecords(parts: readonly RecordsByTable[]): RecordsByTable {
  const merged: RecordsByTable = {};
  for (const part of parts) {
    for (const [table, rows] of Object.entries(part)) (merged[table] ??= []).push(...rows);
  }
  return merged;
}

/**
 * Leaves out fixture rows that point at records the demo does not have (the fixtures come from Open
 * mSupply's tests and refer to their mocks, e.g. `item_a`, `name_store_a`), repeating until nothing
 * dangles, so that a client can integrate every demo record.
 */
function withoutDanglingFixtureRows(
  records: RecordsByTable,
  fixtureRows: ReadonlySet<LegacyRow>,
): RecordsByTable {
  let current = records;
  for (;;) {
    const broken = new Set(
      findDanglingReferences(current)
        .map((reference) => reference.row)
        .filter((row) => fixtureRows.has(row)),
    );
    if (broken.size === 0) return current;
    const next: RecordsByTable = {};
    for (const [table, rows] of Object.entries(current)) next[table] = rows.filter((row) => !broken.has(row));
    current = next;
  }
}

/**
 * Central data (fixture rows of the central tables plus generated units, items, names, a master list
 * and the two demo stores), remote data for both demo stores, and the v6 asset data, keyed by wire
 * table name, parents before children. Deterministic: every call returns equal records.
 */
export function buildDemoRecords(): RecordsByTable {
  const fixture = readCentralFixtureRows();
  const central = buildCentralRecords(fixture);
  const currencyId = homeCurrencyId(central);
  const stores = DEMO_SITES.map((site, index) => buildStoreRecords(site, index, currencyId));
  const records = mergeRecords([central, ...stores, buildAssetRecords()]);
  return withoutDanglingFixtureRows(records, new Set(Object.values(fixture).flat()));
}
