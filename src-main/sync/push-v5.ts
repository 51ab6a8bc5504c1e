// Push: local changes to the mSupply central server, then wait until it has integrated them.
// Every push ends with {queueLength: 0, data: []}, which central must answer integrationStarted.
import { KEY, readNumber, writeSetting } from '../settings/key-value';
import { SyncError } from './errors';
import { countPendingChanges } from './pending-changes';
import { readPushBatch } from './push-records';
import { checkPause, type RunContext } from './run-context';
import { waitForCentral } from './wait-for-central';

export async function pushToLegacyCentral(context: RunContext): Promise<void> {
  const { db } = context;
  const manager = db.dataSource.manager;
  let cursor = await readNumber(manager, KEY.pushCursorV5, 0);
  // Counted once: the de-duplicating count is the expensive query, and a change made during the
  // push is still read by the next batch (and counted then).
  const first = await countPendingChanges(manager, 'v5', cursor, context.storeIds);
  // The total shows from the start, not only once central has answered the first batch.
  await context.log.progress('push', 0, first);
  let sent = 0;
  // Each batch is read and shaped while central takes the one before.
  let next = readPushBatch(context, 'v5', cursor);
  for (;;) {
    checkPause(context);
    const { changes, outgoing } = await next;
    const data = outgoing.map(({ change, record }) => ({ syncOutId: String(change.cursor), ...record }));
    const total = changes.length === 0 ? 0 : Math.max(first - sent, changes.length);
    const last = changes.at(-1);
    if (last) next = readPushBatch(context, 'v5', last.cursor + 1);
    const response = await context.legacy.pushRecords({ queueLength: total, data });
    if (last) {
      cursor = last.cursor + 1;
      await db.transaction((transaction) => writeSetting(transaction, KEY.pushCursorV5, cursor));
    }
    sent += changes.length;
    await context.log.progress('push', Math.min(sent, Math.max(first, sent)), Math.max(first, sent));
    if (total === 0) {
      if (!response.integrationStarted) {
        throw new SyncError('UNKNOWN', 'Total remaining sent to server is 0 but integration not started');
      }
      break;
    }
  }
  await waitForCentral(async () => (await context.legacy.getSiteStatus()).code === 'idle', {
    // No cadence is specified for v5 and site_status is cheap: a short poll ends the wait soon after
    // central is done (the v6 wait keeps PROTOCOL §3's 1 s).
    firstPollMs: 0,
    maxPollMs: 250,
    timeoutMs: context.timings.integrationTimeoutMs,
    timeoutCode: 'INTEGRATION_TIMEOUT_REACHED',
    what: 'the mSupply central server to integrate the records pushed',
  });
}
