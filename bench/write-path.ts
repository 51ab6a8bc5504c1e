// The integration write path in isolation: `count` stock lines (volume data) written to a fresh local
// database in transactions of 500, as Integrate does, three ways, each in a process of its own:
//   typeorm        upsertSyncedRows as the engine does it (TypeORM query builder, sqlite3 verbose())
//   typeorm-quiet  the same with sqlite3's verbose() long-stack-trace wrappers left off
//   plain          one cached multi-row `INSERT … ON CONFLICT DO UPDATE` and change-log INSERT per
//                  100 rows through manager.query, verbose() left off
//   node_modules/.bin/tsx bench/write-path.ts [count=20000]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sqlite3 from 'sqlite3';
import type { EntityManager } from 'typeorm';
import { buildVolumeRecords, DEMO_SITES } from '../reference-central/demo-data';
import type { SyncedRow, TableTranslator } from '../src-main/translators/types';

const VARIANTS = ['typeorm', 'typeorm-quiet', 'plain'] as const;
type Variant = (typeof VARIANTS)[number];
const CHUNK = 500;
const ROWS_PER_STATEMENT = 100;

/** Multi-row upsert of a synced table and its change-log rows, SQL built once per statement size. */
function plainWriter(manager: EntityManager, translator: TableTranslator) {
  const metadata = manager.connection.getMetadata(translator.entity);
  const columns = metadata.columns;
  const names = columns.map((column) => `"${column.databaseName}"`).join(', ');
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const updates = columns
    .filter((column) => !column.isPrimary)
    .map((column) => `"${column.databaseName}" = excluded."${column.databaseName}"`)
    .join(', ');
  const cache = new Map<number, { upsert: string; log: string }>();
  const sqlFor = (rows: number) => {
    let sql = cache.get(rows);
    if (!sql) {
      const values = (one: string) => Array.from({ length: rows }, () => one).join(', ');
      sql = {
        upsert: `INSERT INTO "${metadata.tableName}" (${names}) VALUES ${values(tuple)} ON CONFLICT ("id") DO UPDATE SET ${updates}`,
        log: `INSERT INTO change_log (table_name, record_id, action, store_id, is_sync_update, source, changed_at) VALUES ${values('(?, ?, ?, ?, ?, ?, ?)')}`,
      };
      cache.set(rows, sql);
    }
    return sql;
  };
  return async (rows: readonly SyncedRow[]): Promise<void> => {
    const changedAt = new Date().toISOString();
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const slice = rows.slice(start, start + ROWS_PER_STATEMENT);
      const sql = sqlFor(slice.length);
      await manager.query(
        sql.upsert,
        slice.flatMap((row) => columns.map((column) => column.getEntityValue(row) ?? null)),
      );
      await manager.query(
        sql.log,
        slice.flatMap((row) => [
          translator.table,
          row.id,
          'UPSERT',
          translator.storeIdOf(row),
          1,
          'sync-v5',
          changedAt,
        ]),
      );
    }
  };
}

interface VariantResult {
  /** Wall time per row. */
  usPerRow: number;
  /** CPU time per row of the whole process (JS, SQLite worker threads, GC): robust on a busy machine. */
  cpuUsPerRow: number;
}

async function runVariant(variant: Variant, count: number): Promise<VariantResult> {
  if (variant !== 'typeorm') {
    // TypeORM calls sqlite3.verbose() when it connects; make that a no-op before it loads the driver.
    (sqlite3 as unknown as { verbose: () => unknown }).verbose = () => sqlite3;
  }
  const { openLocalDatabase } = await import('../src-main/db/data-source');
  const { upsertSyncedRows } = await import('../src-main/db/synced-writes');
  const { translatorFor } = await import('../src-main/translators/registry');
  const translator = translatorFor('item_line');
  if (!translator) throw new Error('no item_line translator');
  const stores = DEMO_SITES.map((site) => ({ id: site.store.id, nameId: site.store.nameId }));
  const wire = (buildVolumeRecords(Math.ceil(count / 0.42), stores).item_line ?? []).slice(0, count);
  const rows = wire.map((record) => ({
    ...translator.fromWire(record),
    receivedJson: JSON.stringify(record),
  }));
  const dataDir = mkdtempSync(path.join(tmpdir(), `write-path-${variant}-`));
  const db = await openLocalDatabase(dataDir);
  try {
    const started = performance.now();
    const cpu = process.cpuUsage();
    for (let start = 0; start < rows.length; start += CHUNK) {
      const chunk = rows.slice(start, start + CHUNK);
      await db.transaction(async (manager) => {
        if (variant === 'plain') await plainWriter(manager, translator)(chunk);
        else await upsertSyncedRows(manager, translator, chunk, 'sync-v5');
      });
    }
    const used = process.cpuUsage(cpu);
    return {
      usPerRow: ((performance.now() - started) / rows.length) * 1000,
      cpuUsPerRow: (used.user + used.system) / rows.length,
    };
  } finally {
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const [first, second] = process.argv.slice(2);
if (first === '--variant') {
  const [variant, count] = [second as Variant, Number(process.argv[4])];
  process.stdout.write(`${JSON.stringify(await runVariant(variant, count))}\n`);
} else {
  const count = Number(first ?? 20_000);
  const script = fileURLToPath(import.meta.url);
  const results = VARIANTS.map((variant) => {
    const output = execFileSync(
      process.execPath,
      ['--import', 'tsx', script, '--variant', variant, String(count)],
      { encoding: 'utf8' },
    );
    const { usPerRow, cpuUsPerRow } = JSON.parse(output) as VariantResult;
    return {
      variant,
      'wall µs/row': Math.round(usPerRow),
      'rows/s (wall)': Math.round(1e6 / usPerRow),
      'CPU µs/row': Math.round(cpuUsPerRow),
      'rows/s per CPU second': Math.round(1e6 / cpuUsPerRow),
    };
  });
  console.log(`write path, ${count} stock lines in transactions of ${CHUNK}`);
  console.table(results);
}
