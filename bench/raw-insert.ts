// Our physical limit: the rows an initialisation wrote to the synced tables, inserted again with
// plain SQL (one prepared INSERT per table, one transaction, the same sqlite3 driver, WAL) into a
// scratch SQLite file with the same schema, best of three. No TypeORM, no HTTP, no change log, no buffer.
// Run as a child process (`tsx bench/raw-insert.ts <dataDir> <scratchFile>`, one JSON line out) so its
// memory and event loop stay out of the engine's figures.
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sqlite3 from 'sqlite3';
import { DATABASE_FILE } from '../src-main/db/data-source';
import { TRANSLATORS } from '../src-main/translators/registry';

type Value = string | number | null;

function open(file: string, mode?: number): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, mode ?? sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE, (error) =>
      error ? reject(error) : resolve(db),
    );
  });
}

function all<T>(db: sqlite3.Database, sql: string, params: Value[] = []): Promise<T[]> {
  return new Promise((resolve, reject) =>
    db.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows as T[]))),
  );
}

function exec(db: sqlite3.Database, sql: string): Promise<void> {
  return new Promise((resolve, reject) => db.exec(sql, (error) => (error ? reject(error) : resolve())));
}

function close(db: sqlite3.Database): Promise<void> {
  return new Promise((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())));
}

interface TableRows {
  table: string;
  columns: string[];
  rows: Value[][];
}

/** The synced tables' schema (tables and indexes) and rows of a satellite database. */
async function readSyncedTables(dataDir: string): Promise<{ schema: string[]; tables: TableRows[] }> {
  const db = await open(path.join(dataDir, DATABASE_FILE), sqlite3.OPEN_READONLY);
  try {
    // Tables of translators this database has (a newer registry may know tables it was not migrated to).
    const present = new Set(
      (await all<{ name: string }>(db, "SELECT name FROM sqlite_master WHERE type = 'table'")).map(
        (row) => row.name,
      ),
    );
    const names = TRANSLATORS.map((translator) => String(translator.entity.options.tableName)).filter(
      (name) => present.has(name),
    );
    const marks = names.map(() => '?').join(', ');
    const schema = await all<{ sql: string }>(
      db,
      `SELECT sql FROM sqlite_master WHERE tbl_name IN (${marks}) AND sql IS NOT NULL ORDER BY type DESC`,
      names,
    );
    const tables: TableRows[] = [];
    for (const table of names) {
      const rows = await all<Record<string, Value>>(db, `SELECT * FROM "${table}"`);
      const columns = Object.keys(rows[0] ?? {});
      tables.push({ table, columns, rows: rows.map((row) => columns.map((column) => row[column] ?? null)) });
    }
    return { schema: schema.map((row) => row.sql), tables };
  } finally {
    await close(db);
  }
}

/** Inserts every row in one transaction; resolves once COMMIT has returned. */
function insertAll(db: sqlite3.Database, tables: readonly TableRows[]): Promise<void> {
  return new Promise((resolve, reject) => {
    db.once('error', reject);
    db.serialize(() => {
      db.run('BEGIN');
      for (const { table, columns, rows } of tables) {
        if (rows.length === 0) continue;
        const list = columns.map((column) => `"${column}"`).join(', ');
        const statement = db.prepare(
          `INSERT INTO "${table}" (${list}) VALUES (${columns.map(() => '?').join(', ')})`,
        );
        for (const row of rows) statement.run(row);
        statement.finalize();
      }
      db.run('COMMIT', (error: Error | null) => (error ? reject(error) : resolve()));
    });
  });
}

export interface RawInsertResult {
  rows: number;
  /** The fastest of the repetitions: a limit is the best the machine does. */
  ms: number;
  /** Every repetition, in order. */
  repetitions: number[];
}

/**
 * Reads the synced rows of `dataDir` (not timed), then times inserting them into a fresh scratch file
 * `scratchFile` (replaced each time), `repetitions` times.
 */
export async function measureRawInsert(
  dataDir: string,
  scratchFile: string,
  repetitions = 3,
): Promise<RawInsertResult> {
  const { schema, tables } = await readSyncedTables(dataDir);
  const times: number[] = [];
  for (let repetition = 0; repetition < repetitions; repetition += 1) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${scratchFile}${suffix}`, { force: true });
    const scratch = await open(scratchFile);
    try {
      await exec(scratch, 'PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;');
      for (const sql of schema) await exec(scratch, sql);
      const started = performance.now();
      await insertAll(scratch, tables);
      times.push(performance.now() - started);
    } finally {
      await close(scratch);
    }
  }
  return {
    rows: tables.reduce((sum, table) => sum + table.rows.length, 0),
    ms: Math.min(...times),
    repetitions: times,
  };
}

/** measureRawInsert in a child process of its own. */
export function measureRawInsertInChild(dataDir: string, scratchFile: string): Promise<RawInsertResult> {
  const script = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', script, dataDir, scratchFile],
      { maxBuffer: 1024 * 1024 },
      (error, stdout, stderr) =>
        error
          ? reject(new Error(`raw insert failed: ${stderr}`))
          : resolve(JSON.parse(stdout) as RawInsertResult),
    );
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dataDir, scratchFile] = process.argv.slice(2);
  if (!dataDir || !scratchFile) throw new Error('usage: raw-insert.ts <dataDir> <scratchFile>');
  process.stdout.write(`${JSON.stringify(await measureRawInsert(dataDir, scratchFile))}\n`);
}
