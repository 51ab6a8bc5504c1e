// The Sync screen and the Initialise screen: status, Sync now, and the first configuration.
import type { SyncStatusView } from '../contract/views';
import { audit, setAuthorisationCodeHash } from '../settings/authorisation-code';
import { KEY, readSetting, type SettingKey } from '../settings/key-value';
import { DEFAULT_INTERVAL_MINUTES, DEFAULT_REQUEST_SIZE } from '../settings/sync-settings';
import type { AppContext, ParsedInput } from './app-context';
import { AppError } from './errors';
import { statusView } from './views';

export async function getStatus(context: AppContext): Promise<SyncStatusView> {
  return statusView(await context.engine.status());
}

/** `queued` is true when a run was going on: the sync requested runs right after it. */
export async function syncNow(context: AppContext): Promise<{ queued: boolean }> {
  const { engine } = context;
  if ((await readSetting(engine.db.dataSource.manager, KEY.url)) === undefined) {
    throw new AppError('NOT_CONFIGURED');
  }
  const queued = engine.scheduler.state.isRunning;
  engine.syncNow();
  return { queued };
}

/**
 * First run: central checks the credentials (SyncEngine.configure), they are saved, and the first
 * sync starts; its progress arrives as status events. Allowed until the site is initialised, so a
 * failed first sync can be retried with corrected values.
 */
export async function initialise(
  context: AppContext,
  input: ParsedInput<'initialise'>,
  afterConfigure: () => void,
): Promise<SyncStatusView> {
  const { engine, siteProfile } = context;
  const manager = engine.db.dataSource.manager;
  if ((await readSetting(manager, KEY.initialised)) === 'true') throw new AppError('ALREADY_INITIALISED');
  // A value the user already chose wins over the profile's, which wins over the default.
  const storedOr = async (key: SettingKey, fallback: number): Promise<number> => {
    const stored = await readSetting(manager, key);
    return stored === undefined ? fallback : Number(stored);
  };
  await engine.configure({
    ...input,
    intervalMinutes: await storedOr(
      KEY.intervalMinutes,
      siteProfile?.intervalMinutes ?? DEFAULT_INTERVAL_MINUTES,
    ),
    requestSize: await storedOr(KEY.requestSize, siteProfile?.requestSize ?? DEFAULT_REQUEST_SIZE),
  });
  await engine.db.transaction((transaction) =>
    audit(
      transaction,
      'site-configured',
      `${input.url} as site "${input.siteName}" (Sync ID ${input.syncId})`,
    ),
  );
  if (siteProfile?.authorisationCodeHash && !(await readSetting(manager, KEY.authorisationCodeHash))) {
    await setAuthorisationCodeHash(engine.db, siteProfile.authorisationCodeHash);
  }
  engine.syncNow();
  afterConfigure();
  context.publishPreferences();
  return statusView(await engine.status());
}
