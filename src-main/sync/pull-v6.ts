// Pull V6: the Open mSupply central's change log, inclusive cursor; we store end_cursor + 1 in the
// same transaction as the records it covers.
import { KEY, readNumber, writeSetting } from '../settings/key-value';
import { bufferRecords } from './buffer';
import { SyncError } from './errors';
import { checkPause, type RunContext } from './run-context';

export async function pullV6Records(context: RunContext): Promise<void> {
  const { db, log } = context;
  let cursor = await readNumber(db.dataSource.manager, KEY.pullCursorV6, 0);
  let total: number | undefined;
  for (;;) {
    checkPause(context);
    const batch = await context.oms.pull(cursor, context.requestSize, context.isInitialised);
    // total_records counts change-log rows still to come, this batch included.
    const expected = (total ??= batch.total_records);
    const nextCursor = batch.end_cursor + 1;
    if (nextCursor <= cursor && !batch.is_last_batch) {
      throw new SyncError(
        'UNKNOWN',
        `pull returned end_cursor ${batch.end_cursor} for cursor ${cursor}`,
        'The Open mSupply central server sent records out of order',
      );
    }
    const records = batch.records.map((entry) => entry.record);
    const upserts = await db.transaction(async (manager) => {
      await writeSetting(manager, KEY.pullCursorV6, Math.max(cursor, nextCursor));
      return bufferRecords(manager, records, 'v6');
    });
    context.integrationAhead.add(upserts);
    cursor = Math.max(cursor, nextCursor);
    const remaining = batch.is_last_batch ? 0 : Math.max(0, batch.total_records - context.requestSize);
    await log.progress('pullV6', Math.max(0, expected - remaining), expected);
    if (batch.is_last_batch) return;
  }
}
