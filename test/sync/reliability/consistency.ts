// Whether a satellite's local database equals the reference central's records for its site: every
// translated table holds the same ids with the same modelled field values, nothing is left in a
// queue or buffer on either side, and the local SQLite file passes its integrity check.
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { routeOf } from '../../../reference-central/table-routing';
import { readRecordsInPushShape } from '../../../src-main/cli/records';
import { DATABASE_FILE, openLocalDatabase } from '../../../src-main/db/data-source';
import { SyncBufferEntity } from '../../../src-main/db/entities/internal';
import { KEY, readSetting } from '../../../src-main/settings/key-value';
import { countRecordsWaitingToPush } from '../../../src-main/sync/status';
import { TRANSLATORS } from '../../../src-main/translators/registry';
import type { SyncedRow, TableTranslator, WireRecord } from '../../../src-main/translators/types';

type SqlParam = string | number | null;

function openSqlite(file: string, mode: number): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, mode, (error) => (error ? reject(error) : resolve(db)));
  });
}

function all<T>(db: sqlite3.Database, sql: string, params: SqlParam[] = []): Promise<T[]> {
  return new Promise((resolve, reject) => {
    db.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows as T[])));
  });
}

function closeSqlite(db: sqlite3.Database): Promise<void> {
  return new Promise((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())));
}

/** `PRAGMA integrity_check` of the local database file, opened raw (as after a crash: WAL recovery). */
export async function localIntegrity(dataDir: string): Promise<string> {
  const db = await openSqlite(path.join(dataDir, DATABASE_FILE), sqlite3.OPEN_READWRITE);
  try {
    const rows = await all<{ integrity_check: string }>(db, 'PRAGMA integrity_check');
    return rows.map((row) => row.integrity_check).join('; ');
  } finally {
    await closeSqlite(db);
  }
}

export interface CentralView {
  /** Per wire table: record id → the central's JSON, only the records this site receives. */
  records: Map<string, Map<string, WireRecord>>;
  /** Entries of the site's v5 queue not yet acknowledged. */
  queueLength: number;
  /** Pushed records of the site still in the central's push buffer (not integrated). */
  pushBuffer: number;
  /** (table, id) pairs that occur more than once in the central's change logs (must be none). */
  duplicateChanges: number;
}

/** Whether the central sends records of `table` in `storeId` (null: no store) to a site with `stores`. */
function reachesSite(table: string, storeId: string | null, stores: ReadonlySet<string>): boolean {
  const route = routeOf(table);
  if (route.api === 'v5') return route.kind === 'central' || (storeId !== null && stores.has(storeId));
  if (route.style === 'central') return true;
  if (route.style === 'remote-and-central') return storeId === null || stores.has(storeId);
  return storeId !== null && stores.has(storeId);
}

/** Reads the central's database file (read-only, beside the running server). */
export async function readCentral(centralDataDir: string, siteId: number): Promise<CentralView> {
  const db = await openSqlite(path.join(centralDataDir, 'central.sqlite'), sqlite3.OPEN_READONLY);
  try {
    await all(db, 'PRAGMA busy_timeout = 10000');
    const storeRows = await all<{ record_id: string }>(
      db,
      "SELECT record_id FROM record WHERE table_name = 'store' AND json_extract(data, '$.sync_id_remote_site') = ?",
      [siteId],
    );
    const stores = new Set(storeRows.map((row) => row.record_id));
    const records = new Map<string, Map<string, WireRecord>>();
    for (const translator of TRANSLATORS) {
      const rows = await all<{ record_id: string; data: string; store_id: string | null }>(
        db,
        'SELECT record_id, data, store_id FROM record WHERE table_name = ?',
        [translator.table],
      );
      const byId = new Map<string, WireRecord>();
      for (const row of rows) {
        if (reachesSite(translator.table, row.store_id, stores))
          byId.set(row.record_id, JSON.parse(row.data) as WireRecord);
      }
      records.set(translator.table, byId);
    }
    const count = async (sql: string, params: SqlParam[]): Promise<number> =>
      Number((await all<{ n: number }>(db, sql, params))[0]?.n ?? 0);
    return {
      records,
      queueLength: await count('SELECT COUNT(*) AS n FROM site_queue WHERE site_id = ?', [siteId]),
      pushBuffer: await count('SELECT COUNT(*) AS n FROM push_buffer WHERE site_id = ?', [siteId]),
      duplicateChanges:
        (await count(
          `SELECT COUNT(*) AS n FROM (SELECT 1 FROM central_change GROUP BY table_name, record_id HAVING COUNT(*) > 1)`,
          [],
        )) +
        (await count(
          `SELECT COUNT(*) AS n FROM (SELECT 1 FROM site_queue WHERE site_id = ?
             GROUP BY table_name, record_id HAVING COUNT(*) > 1)`,
          [siteId],
        )),
    };
  } finally {
    await closeSqlite(db);
  }
}

export interface LocalView {
  /** Per wire table: record id → the row in the push shape (`records <table> --json`). */
  records: Map<string, Map<string, WireRecord>>;
  /** `table:id` of buffered records deliberately not integrated ("Ignored: …"). */
  ignored: Set<string>;
  /** Buffered records of translated tables that failed to integrate (must be none). */
  failures: string[];
  recordsWaitingToPush: number;
  initialised: boolean;
}

export async function readLocal(dataDir: string): Promise<LocalView> {
  const db = await openLocalDatabase(dataDir);
  try {
    const records = new Map<string, Map<string, WireRecord>>();
    for (const translator of TRANSLATORS) {
      const rows = await readRecordsInPushShape(db, translator.table);
      records.set(translator.table, new Map(rows.map((row) => [idOf(translator, row), row])));
    }
    const problems = await db.dataSource
      .getRepository(SyncBufferEntity)
      .createQueryBuilder('buffer')
      .select(['buffer.tableName', 'buffer.recordId', 'buffer.integrationError', 'buffer.integratedAt'])
      .where('buffer.integrationError IS NOT NULL')
      .getMany();
    const ignored = new Set<string>();
    const failures: string[] = [];
    for (const row of problems) {
      if (row.integrationError?.startsWith('Ignored:')) ignored.add(`${row.tableName}:${row.recordId}`);
      else if (row.integratedAt === null && !row.integrationError?.startsWith('no translator'))
        failures.push(`${row.tableName}:${row.recordId}: ${row.integrationError}`);
    }
    return {
      records,
      ignored,
      failures,
      recordsWaitingToPush: await countRecordsWaitingToPush(db),
      initialised: (await readSetting(db.dataSource.manager, KEY.initialised)) === 'true',
    };
  } finally {
    await db.close();
  }
}

function idOf(translator: TableTranslator, row: WireRecord): string {
  const id = translator.api === 'v5' ? row.ID : row.id;
  return String(id);
}

/**
 * The central's JSON reduced to the fields the table models, in the push shape: read the way the
 * engine reads it, written back the way it writes it.
 */
export function modelled<Row extends SyncedRow>(
  translator: TableTranslator<Row>,
  record: WireRecord,
): WireRecord {
  return translator.toWire({ ...translator.fromWire(record), receivedJson: null } as Row);
}

function isObject(value: unknown): value is WireRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The modelled fields (the keys of `want`, nested objects such as `oms_fields` key by key) whose
 * value differs in the local row, as `key: local ≠ central`. Unmodelled keys are not compared.
 */
export function differingFields(row: WireRecord, want: WireRecord, prefix = ''): string[] {
  return Object.entries(want).flatMap(([key, value]) => {
    const got = row[key];
    if (isObject(value) && isObject(got)) return differingFields(got, value, `${prefix}${key}.`);
    return JSON.stringify(got) === JSON.stringify(value)
      ? []
      : [`${prefix}${key}: ${JSON.stringify(got)} ≠ ${JSON.stringify(value)}`];
  });
}

export interface Comparison {
  /** Human-readable differences; empty when local equals central. */
  differences: string[];
  /** Records compared (central records the site holds, ignored ones left out). */
  compared: number;
}

const MAX_LISTED = 5;

/** Local equals central for every translated table (the ignored records aside). */
export function compareRecords(local: LocalView, central: CentralView): Comparison {
  const differences: string[] = [];
  let compared = 0;
  for (const translator of TRANSLATORS) {
    const table = translator.table;
    const expected = central.records.get(table) ?? new Map<string, WireRecord>();
    const actual = local.records.get(table) ?? new Map<string, WireRecord>();
    const missing: string[] = [];
    const unexpected: string[] = [];
    const changed: string[] = [];
    for (const [id, record] of expected) {
      if (local.ignored.has(`${table}:${id}`)) continue;
      compared += 1;
      const row = actual.get(id);
      if (!row) {
        missing.push(id);
        continue;
      }
      const fields = differingFields(row, modelled(translator, record));
      if (fields.length > 0) changed.push(`${id} (${fields.join(', ')})`);
    }
    for (const id of actual.keys()) if (!expected.has(id)) unexpected.push(id);
    const list = (ids: string[]): string =>
      `${ids.slice(0, MAX_LISTED).join(', ')}${ids.length > MAX_LISTED ? ', …' : ''}`;
    if (missing.length > 0) differences.push(`${table}: ${missing.length} missing locally: ${list(missing)}`);
    if (unexpected.length > 0)
      differences.push(`${table}: ${unexpected.length} locally but not on central: ${list(unexpected)}`);
    if (changed.length > 0) differences.push(`${table}: ${changed.length} differ: ${list(changed)}`);
  }
  return { differences, compared };
}

export interface ConsistencyReport extends Comparison {
  integrity: string;
  local: Omit<LocalView, 'records'>;
  central: Omit<CentralView, 'records'>;
  /** Everything that is wrong, one line each; empty when all is well. */
  problems: string[];
}

/** The whole check after a successful sync: records equal, queues empty, file intact. */
export async function checkConsistency(
  localDataDir: string,
  centralDataDir: string,
  siteId: number,
): Promise<ConsistencyReport> {
  const integrity = await localIntegrity(localDataDir);
  const local = await readLocal(localDataDir);
  const central = await readCentral(centralDataDir, siteId);
  const comparison = compareRecords(local, central);
  const problems = [...comparison.differences];
  if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`);
  if (!local.initialised) problems.push('local database is not initialised');
  if (local.failures.length > 0) problems.push(`integration failures: ${local.failures.join('; ')}`);
  if (local.recordsWaitingToPush !== 0)
    problems.push(`${local.recordsWaitingToPush} records waiting to push`);
  if (central.queueLength !== 0)
    problems.push(`central queue of site ${siteId}: ${central.queueLength} left`);
  if (central.pushBuffer !== 0)
    problems.push(`central push buffer of site ${siteId}: ${central.pushBuffer} left`);
  if (central.duplicateChanges !== 0)
    problems.push(`central change logs: ${central.duplicateChanges} duplicates`);
  const { records: _localRecords, ...localSummary } = local;
  const { records: _centralRecords, ...centralSummary } = central;
  return { ...comparison, integrity, local: localSummary, central: centralSummary, problems };
}
