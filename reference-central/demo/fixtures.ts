// Reads the central tables' rows from ../shared/fixtures/legacy-records.json (real legacy records).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LegacyRow, RecordsByTable } from './types';

/** Fixture entries (keyed by the fixture's own name) that hold central data, and their wire table names. */
const CENTRAL_FIXTURE_TABLES: Readonly<Record<string, string>> = {
  currency: 'currency',
  unit: 'unit',
  name: 'name',
  item: 'item',
  master_list: 'list_master',
  store: 'store',
  master_list_line: 'list_master_line',
  master_list_name_join: 'list_master_name_join',
};

/** The project root: the nearest folder above this module that holds package.json. */
function projectRoot(): string {
  let folder = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(folder, 'package.json'))) {
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error('demo data: cannot find the project root (package.json)');
    folder = parent;
  }
  return folder;
}

export function fixtureFile(): string {
  return path.resolve(projectRoot(), '../shared/fixtures/legacy-records.json');
}

function isRow(value: unknown): value is LegacyRow {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The fixture rows of the central tables, unchanged, per wire table name. Rows without an `ID` cannot
 * travel (the fixture's `name` list holds one such stray object) and are left out.
 */
export function readCentralFixtureRows(): RecordsByTable {
  const fixture: unknown = JSON.parse(readFileSync(fixtureFile(), 'utf8'));
  if (!isRow(fixture)) throw new Error(`demo data: ${fixtureFile()} is not a JSON object`);
  const rows: RecordsByTable = {};
  for (const [fixtureName, tableName] of Object.entries(CENTRAL_FIXTURE_TABLES)) {
    const entry = fixture[fixtureName];
    const records = isRow(entry) && Array.isArray(entry.records) ? (entry.records as unknown[]) : [];
    rows[tableName] = records.filter(
      (record): record is LegacyRow => isRow(record) && typeof record.ID === 'string' && record.ID !== '',
    );
  }
  return rows;
}
