// The "Synchronize parameters" table (PRODUCT.md §5.4): on a satellite, the mSupply central server
// (editable once unlocked, never removable: it is the only one) and the Open mSupply central server
// central reports (read-only). Both are reached with this site's Sync ID and site name.
import type { ServerEntry } from '../contract/views';
import { KEY, readSetting } from '../settings/key-value';
import { loadSyncCredentials, sha256Hex } from '../settings/sync-settings';
import type { AppContext, ParsedInput } from './app-context';
import { AppError } from './errors';
import { checkAndSaveSite } from './site-credentials';

async function allServers(context: AppContext): Promise<ServerEntry[]> {
  const manager = context.engine.db.dataSource.manager;
  const url = await readSetting(manager, KEY.url);
  const siteName = await readSetting(manager, KEY.siteName);
  const syncId = Number(await readSetting(manager, KEY.syncId));
  if (!url || !siteName) return [];
  const servers: ServerEntry[] = [
    { syncId, userName: siteName, url, kind: 'msupply-central', readOnly: false },
  ];
  const omsUrl = await readSetting(manager, KEY.omsUrl);
  if (omsUrl) {
    servers.push({ syncId, userName: siteName, url: omsUrl, kind: 'open-msupply-central', readOnly: true });
  }
  return servers;
}

export async function listServers(
  context: AppContext,
  { search }: ParsedInput<'listServers'>,
): Promise<ServerEntry[]> {
  context.lock.touch();
  const wanted = search.trim().toLowerCase();
  return (await allServers(context)).filter(
    (server) => String(server.syncId).includes(wanted) || server.userName.toLowerCase().includes(wanted),
  );
}

const sameUrl = (a: string, b: string): boolean => new URL(a).href === new URL(b).href;

function describeChange(before: ServerEntry | undefined, input: ParsedInput<'saveServer'>): string {
  if (!before) return `added ${input.url} as site "${input.userName}" (Sync ID ${input.syncId})`;
  const changes = [
    before.url === input.url ? '' : `URL: ${before.url} → ${input.url}`,
    before.userName === input.userName ? '' : `site name: ${before.userName} → ${input.userName}`,
    before.syncId === input.syncId ? '' : `Sync ID: ${before.syncId} → ${input.syncId}`,
    input.password === '' ? '' : 'password changed',
  ].filter(Boolean);
  return changes.length > 0 ? changes.join('; ') : 'saved unchanged';
}

/** Adds or edits the mSupply central server; central checks the new values first. */
export async function saveServer(
  context: AppContext,
  input: ParsedInput<'saveServer'>,
): Promise<ServerEntry[]> {
  context.lock.require();
  const servers = await allServers(context);
  const central = servers.find((server) => server.kind === 'msupply-central');
  const openMSupply = servers.find((server) => server.kind === 'open-msupply-central');
  // The Open mSupply central's URL comes from central; saving it as ours would be a mistake.
  if (openMSupply && sameUrl(input.url, openMSupply.url) && !(central && sameUrl(input.url, central.url))) {
    throw new AppError('READ_ONLY_SERVER');
  }
  if (!central && input.password === '') {
    throw new AppError('INVALID_INPUT', 'a new server needs its password', {
      password: 'must not be empty for a new server',
    });
  }
  const passwordSha256 =
    input.password === ''
      ? (await loadSyncCredentials(context.engine.db.dataSource.manager, context.engine.secrets))
          .passwordSha256
      : sha256Hex(input.password);
  await checkAndSaveSite(
    context,
    { url: input.url, siteName: input.userName, passwordSha256, syncId: input.syncId },
    { action: 'server-saved', detail: describeChange(central, input) },
  );
  context.publishPreferences();
  return allServers(context);
}

export async function removeServer(
  context: AppContext,
  { syncId }: ParsedInput<'removeServer'>,
): Promise<ServerEntry[]> {
  context.lock.require();
  const servers = await allServers(context);
  const target = servers.find((server) => server.syncId === syncId);
  if (!target) throw new AppError('SERVER_NOT_FOUND', `no server with Sync ID ${syncId}`);
  // A satellite syncs with exactly one mSupply central server; the other entry is read-only.
  throw new AppError('ONLY_CENTRAL_SERVER', `Sync ID ${syncId} is this site's only mSupply central server`);
}
