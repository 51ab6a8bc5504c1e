// Prepare (first run only): ask central to build this site's queue, and wait until it has.
import { KEY, readSetting, writeSetting } from '../settings/key-value';
import type { SiteInfo } from './clients/legacy';
import { SyncError } from './errors';
import type { RunContext } from './run-context';
import { waitForCentral } from './wait-for-central';

/**
 * With `restart` (Retrieve sync records) central rebuilds the queue even though it did before, and
 * both pull cursors go back to the start in the same transaction that records the step done.
 */
export async function prepareInitialisation(
  context: RunContext,
  info: SiteInfo,
  { restart }: { restart: boolean },
): Promise<void> {
  if (!restart && (await readSetting(context.db.dataSource.manager, KEY.prepareDone))) return;
  let mustWait = !restart && info.initialisationStatus === 'started';
  if (!mustWait) {
    try {
      await context.legacy.initialise();
    } catch (error) {
      // initialise blocks for a long time; a dropped connection means "still working", so wait for it.
      if (!(error instanceof SyncError && error.code === 'CONNECTION_ERROR')) throw error;
      mustWait = true;
    }
  }
  if (mustWait) {
    await waitForCentral(async () => (await context.legacy.getSiteStatus()).code === 'idle', {
      firstPollMs: context.timings.initialisePollMs,
      maxPollMs: context.timings.initialisePollMs,
      timeoutMs: context.timings.initialiseTimeoutMs,
      timeoutCode: 'UNKNOWN',
      what: 'the mSupply central server to prepare this site',
    });
  }
  await context.db.transaction(async (manager) => {
    await writeSetting(manager, KEY.prepareDone, true);
    if (restart) {
      await writeSetting(manager, KEY.centralPullCursor, 0);
      await writeSetting(manager, KEY.pullCursorV6, 0);
    }
  });
}
