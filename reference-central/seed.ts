// Loads records into the central: `{"<table>": [rows]}` or the fixture file's
// `{"<source file>": {"legacyTable": "<table>", "records": [rows]}}` shape.
import type { Database } from './database';
import { isRecordData, upsertRecords, type RecordData } from './records';
import { legacyId } from './sites';
import { FIXTURE_TABLE_NAMES, layerOf, recordIdOf } from './table-routing';

export type RecordsByTable = Record<string, RecordData[]>;

/** Normalises either accepted shape into rows per wire table name; throws a clear error otherwise. */
export function normaliseSeedInput(input: unknown): RecordsByTable {
  if (!isRecordData(input)) throw new Error('Seed input must be a JSON object keyed by table name');
  const byTable: RecordsByTable = {};
  for (const [key, value] of Object.entries(input)) {
    let tableName = key;
    let rows: unknown = value;
    if (isRecordData(value) && 'records' in value) {
      const declared = value.legacyTable;
      tableName =
        typeof declared === 'string' && declared !== '' ? declared : (FIXTURE_TABLE_NAMES[key] ?? key);
      rows = value.records;
    }
    if (!Array.isArray(rows))
      throw new Error(`Seed entry "${key}" must be an array of rows or {legacyTable, records}`);
    for (const [index, row] of rows.entries()) {
      if (!isRecordData(row)) throw new Error(`Seed entry "${key}" row ${index} is not an object`);
    }
    (byTable[tableName] ??= []).push(...(rows as RecordData[]));
  }
  return byTable;
}

/**
 * Real legacy data holds rows without an id (the fixtures have some). The central keeps them under
 * a key derived from their content, unchanged, so a client meets them as they are.
 */
function seedKeyOf(table: string, row: RecordData): string {
  return recordIdOf(row) ?? legacyId(`keyless:${table}:${JSON.stringify(row)}`);
}

/** Upserts every row, parents first, in one transaction. Returns the number of rows per table. */
export async function seedRecords(db: Database, records: RecordsByTable): Promise<Record<string, number>> {
  const tables = Object.keys(records).sort((a, b) => layerOf(a) - layerOf(b));
  return db.transaction(async () => {
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const rows = records[table] ?? [];
      await upsertRecords(
        db,
        table,
        rows.map((row) => ({ recordId: seedKeyOf(table, row), data: row })),
      );
      counts[table] = records[table]?.length ?? 0;
    }
    return counts;
  });
}
