// Generate and Retrieve sync records (PRODUCT.md §5.4): protected, audited, and for a configured
// site only.
import { audit } from '../settings/authorisation-code';
import { KEY, readSetting } from '../settings/key-value';
import { generateSyncRecords as queueAllForPush, requestRetrieveSyncRecords } from '../sync/maintenance';
import type { AppContext } from './app-context';
import { AppError } from './errors';

async function requireConfigured(context: AppContext): Promise<void> {
  if ((await readSetting(context.engine.db.dataSource.manager, KEY.url)) === undefined) {
    throw new AppError('NOT_CONFIGURED');
  }
}

export async function generateSyncRecords(context: AppContext): Promise<{ queued: number }> {
  context.lock.require();
  await requireConfigured(context);
  const queued = await queueAllForPush(context.engine.db);
  await context.engine.db.transaction((manager) =>
    audit(manager, 'generate-sync-records', `${queued} records queued for push`),
  );
  context.publishStatus();
  return { queued };
}

/** The next run re-pulls everything for this site; it starts now. */
export async function retrieveSyncRecords(context: AppContext): Promise<{ requested: true }> {
  context.lock.require();
  await requireConfigured(context);
  await requestRetrieveSyncRecords(context.engine.db);
  await context.engine.db.transaction((manager) =>
    audit(manager, 'retrieve-sync-records', 'central asked to send every record again'),
  );
  context.engine.syncNow();
  return { requested: true };
}
