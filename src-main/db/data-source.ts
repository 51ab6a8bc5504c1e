// The local SQLite database: TypeORM over sqlite3, WAL, foreign keys on, migrations only.
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import sqlite3 from 'sqlite3';
import { DataSource, type EntityManager } from 'typeorm';
import { TRANSLATORS } from '../translators/registry';
import { INTERNAL_ENTITIES } from './entities/internal';
import { MIGRATIONS } from './migrations';

export const DATABASE_FILE = 'satellite-sync.sqlite';

export interface LocalDatabase {
  dataSource: DataSource;
  /** Runs `work` in one transaction; transactions are queued, never interleaved (one connection). */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * TypeORM calls `verbose()` on the driver it is given, which turns on sqlite3's debug wrappers (an
 * Error with a stack trace and util.inspect on every call: a third of the push's CPU). We hand it
 * the same module with `verbose()` as a no-op.
 */
const quietSqlite3 = { ...sqlite3, verbose: () => sqlite3 };

export async function openLocalDatabase(dataDir: string): Promise<LocalDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const dataSource = new DataSource({
    type: 'sqlite',
    driver: quietSqlite3,
    database: path.join(dataDir, DATABASE_FILE),
    entities: [...INTERNAL_ENTITIES, ...TRANSLATORS.map((translator) => translator.entity)],
    migrations: [...MIGRATIONS],
    migrationsTransactionMode: 'each',
    synchronize: false,
    enableWAL: true,
    busyTimeout: 10_000,
    logging: false,
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  let queue: Promise<unknown> = Promise.resolve();
  return {
    dataSource,
    transaction: (work) => {
      const next = queue.then(() => dataSource.transaction(work));
      queue = next.catch(() => undefined);
      return next;
    },
    close: () => dataSource.destroy(),
  };
}
