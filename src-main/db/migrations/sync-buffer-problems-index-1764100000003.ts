import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Sync status counts buffered records that failed on every read, and during an initialisation
 * every pulled record is pending: a partial index holds only the failed ones, so that count no
 * longer visits the whole buffer.
 */
export class SyncBufferProblemsIndex1764100000003 implements MigrationInterface {
  name = 'SyncBufferProblemsIndex1764100000003';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE INDEX sync_buffer_problems ON sync_buffer (integration_error)
       WHERE integrated_at IS NULL AND integration_error IS NOT NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX sync_buffer_problems');
  }
}
