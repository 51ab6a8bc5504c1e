// The reference central's own tables. Applied in order; each step is recorded in `migration`.
import type { Database } from './database';

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE site (
     site_id INTEGER PRIMARY KEY,
     uuid TEXT NOT NULL,
     name TEXT NOT NULL UNIQUE,
     password_sha256 TEXT NOT NULL,
     hardware_id TEXT,
     initialisation_status TEXT NOT NULL DEFAULT 'new'
   );
   -- Every record the central holds, v5 and v6 alike; store_id is the owning store (direct or via parent).
   CREATE TABLE record (
     table_name TEXT NOT NULL,
     record_id TEXT NOT NULL,
     data TEXT NOT NULL,
     store_id TEXT,
     PRIMARY KEY (table_name, record_id)
   );
   CREATE INDEX record_by_store ON record (store_id, table_name);
   -- v5 central change log: one live entry per record, so re-editing leaves gaps in the ids.
   CREATE TABLE central_change (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     table_name TEXT NOT NULL,
     record_id TEXT NOT NULL,
     action TEXT NOT NULL
   );
   CREATE UNIQUE INDEX central_change_by_record ON central_change (table_name, record_id);
   -- v5 per-site outgoing queue (FIFO by seq) until acknowledged.
   CREATE TABLE site_queue (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     site_id INTEGER NOT NULL,
     sync_out_id TEXT NOT NULL UNIQUE,
     table_name TEXT NOT NULL,
     record_id TEXT NOT NULL,
     action TEXT NOT NULL
   );
   CREATE INDEX site_queue_by_site ON site_queue (site_id, seq);
   -- Pushed records (v5 and v6) waiting for integration; a repeated batch overwrites itself.
   CREATE TABLE push_buffer (
     api TEXT NOT NULL,
     site_id INTEGER NOT NULL,
     table_name TEXT NOT NULL,
     record_id TEXT NOT NULL,
     action TEXT NOT NULL,
     data TEXT,
     received_at TEXT NOT NULL,
     integration_error TEXT,
     PRIMARY KEY (api, site_id, table_name, record_id)
   );
   -- v6 change log: one live row per (record_id, store_id), as the Open mSupply de-duplicated view.
   CREATE TABLE oms_change (
     cursor INTEGER PRIMARY KEY AUTOINCREMENT,
     table_name TEXT NOT NULL,
     record_id TEXT NOT NULL,
     action TEXT NOT NULL,
     store_id TEXT,
     source_site_id INTEGER,
     is_sync_update INTEGER NOT NULL DEFAULT 0
   );
   CREATE UNIQUE INDEX oms_change_by_record_store ON oms_change (record_id, IFNULL(store_id, ''));
   CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
];

export async function migrate(db: Database): Promise<void> {
  await db.exec('CREATE TABLE IF NOT EXISTS migration (step INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = await db.all<{ step: number }>('SELECT step FROM migration');
  const done = new Set(applied.map((row) => row.step));
  for (const [step, sql] of MIGRATIONS.entries()) {
    if (done.has(step)) continue;
    await db.transaction(async () => {
      await db.exec(sql);
      await db.run('INSERT INTO migration (step, applied_at) VALUES (?, ?)', [
        step,
        new Date().toISOString(),
      ]);
    });
  }
}

export async function getMeta(db: Database, key: string): Promise<string | undefined> {
  return (await db.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', [key]))?.value;
}

export async function setMeta(db: Database, key: string, value: string): Promise<void> {
  await db.run(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    [key, value],
  );
}
