// Pull remote: this site's queue on the mSupply central server. Records are buffered first and
// acknowledged after the commit, so a crash in between only means they arrive again (harmless).
import { bufferRecords } from './buffer';
import { checkPause, type RunContext } from './run-context';

export async function pullRemoteRecords(context: RunContext): Promise<void> {
  let total: number | undefined;
  let done = 0;
  for (;;) {
    checkPause(context);
    const batch = await context.legacy.getQueuedRecords(context.requestSize);
    const records = batch.data ?? [];
    total ??= batch.queueLength;
    if (records.length === 0) break;
    const upserts = await context.db.transaction((manager) => bufferRecords(manager, records, 'v5-remote'));
    context.integrationAhead.add(upserts);
    await context.legacy.acknowledgeRecords(records.map((record) => record.syncOutId));
    done += records.length;
    await context.log.progress('pullRemote', Math.min(done, Math.max(total, done)), Math.max(total, done));
  }
  await context.log.progress('pullRemote', done, Math.max(total ?? 0, done));
}
