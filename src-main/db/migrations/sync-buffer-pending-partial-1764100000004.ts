import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The pending-records index only needs the pending rows: as a partial index, integrating a record
 * removes one entry instead of moving it, and the index stays as small as the backlog.
 */
export class SyncBufferPendingPartial1764100000004 implements MigrationInterface {
  name = 'SyncBufferPendingPartial1764100000004';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX sync_buffer_pending');
    await runner.query(
      'CREATE INDEX sync_buffer_pending ON sync_buffer (table_name) WHERE integrated_at IS NULL',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX sync_buffer_pending');
    await runner.query('CREATE INDEX sync_buffer_pending ON sync_buffer (integrated_at, table_name)');
  }
}
