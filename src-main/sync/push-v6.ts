// Push V6: local changes of v6 tables to the Open mSupply central server, then wait for it.
import { KEY, readNumber, writeSetting } from '../settings/key-value';
import { countPendingChanges } from './pending-changes';
import { readPushBatch } from './push-records';
import { checkPause, type RunContext } from './run-context';
import { waitForCentral } from './wait-for-central';

export async function pushToOmSupplyCentral(context: RunContext): Promise<void> {
  const { db } = context;
  const manager = db.dataSource.manager;
  let cursor = await readNumber(manager, KEY.pushCursorV6, 0);
  // Counted once (see push-v5.ts); a change made during the push is still read by the next batch.
  const first = await countPendingChanges(manager, 'v6', cursor, context.storeIds);
  // The total shows from the start, not only once central has answered the first batch.
  await context.log.progress('pushV6', 0, first);
  let sent = 0;
  let pushed = false;
  // Each batch is read and shaped while central takes the one before.
  let next = readPushBatch(context, 'v6', cursor);
  for (;;) {
    checkPause(context);
    const { changes, outgoing } = await next;
    if (changes.length === 0) break;
    const total = Math.max(first - sent, changes.length);
    const records = outgoing.map(({ change, record }) => ({ cursor: change.cursor, record }));
    const endCursor = (changes.at(-1) as { cursor: number }).cursor;
    next = readPushBatch(context, 'v6', endCursor + 1);
    await context.oms.push({
      end_cursor: endCursor,
      total_records: total,
      records,
      is_last_batch: total <= context.requestSize,
    });
    pushed = true;
    cursor = endCursor + 1;
    await db.transaction((transaction) => writeSetting(transaction, KEY.pushCursorV6, cursor));
    sent += changes.length;
    await context.log.progress('pushV6', sent, Math.max(first, sent));
  }
  await context.log.progress('pushV6', sent, Math.max(first, sent));
  // Nothing sent means nothing to integrate: skip the wait (an idle sync stays fast).
  if (!pushed) return;
  await waitForCentral(async () => !(await context.oms.siteStatus()).is_integrating, {
    firstPollMs: 250,
    maxPollMs: 1000,
    timeoutMs: context.timings.integrationTimeoutMs,
    timeoutCode: 'INTEGRATION_TIMEOUT_REACHED',
    what: 'the Open mSupply central server to integrate the records pushed',
  });
}
