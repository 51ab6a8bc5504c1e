import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InternalTables1764100000000 implements MigrationInterface {
  name = 'InternalTables1764100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE TABLE key_value (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)');
    await runner.query(`CREATE TABLE change_log (
      cursor INTEGER PRIMARY KEY AUTOINCREMENT,
      table_name TEXT NOT NULL,
      record_id TEXT NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('UPSERT', 'DELETE')),
      store_id TEXT,
      is_sync_update BOOLEAN NOT NULL,
      source TEXT NOT NULL,
      changed_at TEXT NOT NULL)`);
    await runner.query('CREATE INDEX change_log_by_record ON change_log (record_id, store_id, cursor)');
    await runner.query(`CREATE TABLE sync_buffer (
      buffer_key TEXT PRIMARY KEY NOT NULL,
      table_name TEXT NOT NULL,
      record_id TEXT NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('upsert', 'delete', 'merge')),
      data TEXT NOT NULL,
      source TEXT NOT NULL,
      received_at TEXT NOT NULL,
      integrated_at TEXT,
      integration_error TEXT)`);
    await runner.query('CREATE INDEX sync_buffer_pending ON sync_buffer (integrated_at, table_name)');
    await runner.query(`CREATE TABLE sync_log (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      kind TEXT NOT NULL,
      started_at TEXT NOT NULL,
      finished_at TEXT,
      error_code TEXT,
      error_message TEXT,
      error_detail TEXT)`);
    await runner.query(`CREATE TABLE sync_log_step (
      run_id INTEGER NOT NULL REFERENCES sync_log (id) ON DELETE CASCADE,
      step TEXT NOT NULL,
      started_at TEXT,
      finished_at TEXT,
      total INTEGER,
      done INTEGER,
      PRIMARY KEY (run_id, step))`);
    await runner.query(`CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      action TEXT NOT NULL,
      detail TEXT NOT NULL)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'audit_log',
      'sync_log_step',
      'sync_log',
      'sync_buffer',
      'change_log',
      'key_value',
    ]) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
