// Pull central: the global change log of the mSupply central server, exclusive cursor.
import { SyncError } from './errors';
import { bufferRecords } from './buffer';
import { KEY, readNumber, writeSetting } from '../settings/key-value';
import { checkPause, type RunContext } from './run-context';

export async function pullCentralRecords(context: RunContext): Promise<void> {
  const { db, log } = context;
  let cursor = await readNumber(db.dataSource.manager, KEY.centralPullCursor, 0);
  const startCursor = cursor;
  for (;;) {
    checkPause(context);
    const batch = await context.legacy.getCentralRecords(cursor, context.requestSize);
    const records = batch.data ?? [];
    const total = Math.max(0, batch.maxCursor - startCursor);
    if (records.length === 0) {
      if (cursor >= batch.maxCursor) {
        await log.progress('pullCentral', total, total);
        return;
      }
      // The legacy server may answer an empty batch before maxCursor; step over it, as its own client does.
      cursor += 1;
      await db.transaction((manager) => writeSetting(manager, KEY.centralPullCursor, cursor));
      continue;
    }
    const lastId = (records.at(-1) as { ID: number }).ID;
    if (lastId <= cursor) {
      throw new SyncError(
        'UNKNOWN',
        `central_records returned ID ${lastId}, not after cursor ${cursor}`,
        'The central server sent records out of order',
      );
    }
    const upserts = await db.transaction(async (manager) => {
      await writeSetting(manager, KEY.centralPullCursor, lastId);
      return bufferRecords(manager, records, 'v5-central');
    });
    context.integrationAhead.add(upserts);
    cursor = lastId;
    await log.progress('pullCentral', Math.min(total, cursor - startCursor), total);
  }
}
