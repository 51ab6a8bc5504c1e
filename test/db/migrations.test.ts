// The local database: migrations create every synced table the entities describe, each entity's
// rows survive a save/read, the pragmas are set, and reopening does not migrate again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLocalDatabase, type LocalDatabase } from '../../src-main/db/data-source';
import { MIGRATIONS } from '../../src-main/db/migrations';
import { TRANSLATORS } from '../../src-main/translators/registry';
import type { SyncedRow, TableTranslator, WireRecord } from '../../src-main/translators/types';
import { fixtureRecord, translatableRecords } from '../translators/helpers';

const SYNCED_TABLES = TRANSLATORS.map((translator) => translator.entity.options.tableName ?? '');

/** A row of the translator's table: its first fixture record that translates. */
function sampleRow(translator: TableTranslator): SyncedRow {
  const [record] = translatableRecords(translator) as [WireRecord];
  return { ...translator.fromWire(record), receivedJson: JSON.stringify(record) };
}

async function tableNames(db: LocalDatabase): Promise<string[]> {
  const rows: { name: string }[] = await db.dataSource.query(
    "SELECT name FROM sqlite_master WHERE type = 'table'",
  );
  return rows.map((row) => row.name);
}

describe('local database migrations', () => {
  let dataDir: string;
  let db: LocalDatabase;

  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'satellite-sync-db-'));
    db = await openLocalDatabase(dataDir);
  });

  afterEach(async () => {
    if (db.dataSource.isInitialized) await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates every synced table', async () => {
    expect(await tableNames(db)).toEqual(expect.arrayContaining(SYNCED_TABLES));
  });

  it('creates the tables exactly as the entities describe them (no pending schema change)', async () => {
    const pending = await db.dataSource.driver.createSchemaBuilder().log();
    /** The tables a query of the schema builder works on (it rebuilds through `temporary_<table>`). */
    const tablesOf = (sql: string): string[] =>
      [...sql.matchAll(/\b(?:TABLE|INTO|ON|FROM)\s+"(?:temporary_)?(\w+)"/g)].map((match) => match[1] ?? '');
    const touchingSyncedTables = pending.upQueries
      .map((query) => query.query)
      .filter((sql) => tablesOf(sql).some((table) => SYNCED_TABLES.includes(table)));
    expect(touchingSyncedTables).toEqual([]);
  });

  it.each(TRANSLATORS.map((translator) => [translator.table, translator] as const))(
    'saves and reads back a %s row',
    async (_table, translator) => {
      const row = sampleRow(translator);
      const repository = db.dataSource.getRepository(translator.entity);
      await repository.save(row as never);
      expect(await repository.findOneBy({ id: row.id } as never)).toEqual(row);
    },
  );

  it('keeps nulls, booleans and reals as they were', async () => {
    const stockLine = TRANSLATORS.find((translator) => translator.table === 'item_line');
    if (!stockLine) throw new Error('item_line is not registered');
    const record = fixtureRecord('item_line', 1);
    const row = { ...stockLine.fromWire({ ...record, hold: true, sell_price: 0.125 }), receivedJson: null };
    await db.dataSource.getRepository(stockLine.entity).save(row as never);
    const read = await db.dataSource.getRepository(stockLine.entity).findOneBy({ id: row.id } as never);
    expect(read).toMatchObject({
      isOnHold: true,
      sellPricePerPack: 0.125,
      expiryDate: null,
      receivedJson: null,
    });
  });

  it('runs in WAL mode with foreign keys on', async () => {
    expect(await db.dataSource.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(await db.dataSource.query('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
  });

  it('does not run a migration twice when reopened, and keeps the data', async () => {
    const unit = TRANSLATORS.find((translator) => translator.table === 'unit');
    if (!unit) throw new Error('unit is not registered');
    const row = sampleRow(unit);
    await db.dataSource.getRepository(unit.entity).save(row as never);
    await db.close();

    db = await openLocalDatabase(dataDir);
    const applied: { name: string }[] = await db.dataSource.query('SELECT name FROM migrations ORDER BY id');
    expect(applied.map((migration) => migration.name)).toEqual(MIGRATIONS.map((migration) => migration.name));
    expect(await db.dataSource.showMigrations()).toBe(false);
    expect(await db.dataSource.getRepository(unit.entity).findOneBy({ id: row.id } as never)).toEqual(row);
  });

  it('drops every synced table when the synced-table migrations are undone', async () => {
    // Undoing every migration but the first (the engine's own tables) leaves no synced table.
    for (let undone = 1; undone < MIGRATIONS.length; undone += 1) await db.dataSource.undoLastMigration();
    const remaining = await tableNames(db);
    for (const table of SYNCED_TABLES) expect(remaining).not.toContain(table);
    await db.dataSource.runMigrations();
    expect(await tableNames(db)).toEqual(expect.arrayContaining(SYNCED_TABLES));
  });
});
