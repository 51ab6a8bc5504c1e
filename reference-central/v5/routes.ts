// The v5 (mSupply central) routes under /sync/v5/.
import { z } from 'zod';
import { CENTRAL_SITE_ID, type CentralContext } from '../context';
import { sleep } from '../faults';
import { json, parseJsonBody, type Reply, type RequestContext } from '../http-kit';
import { bufferPushedRecords, integratePushBuffer, type BufferedAction } from '../integration';
import { isRecordData, type RecordData } from '../records';
import { setInitialisationStatus, type Site } from '../sites';
import { acknowledge, fillQueueForInitialisation, peekQueueJson, queueLength } from '../site-queue';
import { forwardTransfers } from '../transfers';
import { parseBasicAuth } from './auth';
import { badRequest, v5Error } from './errors';

export type V5Handler = (central: CentralContext, site: Site, request: RequestContext) => Promise<Reply>;

async function siteInfo(central: CentralContext, site: Site): Promise<Reply> {
  return json(200, {
    id: site.uuid,
    siteId: site.siteId,
    code: site.name,
    name: site.name,
    initialisationStatus: site.initialisationStatus,
    omSupplyCentralServerUrl: central.omsUrl(),
    isOmSupplyCentralServer: false,
    mSupplyCentralSiteId: CENTRAL_SITE_ID,
  });
}

async function siteStatus(central: CentralContext, site: Site): Promise<Reply> {
  if (central.initialising.has(site.siteId)) {
    return json(200, {
      code: 'initialisation_in_progress',
      message: 'Initialisation in progress',
      data: null,
    });
  }
  if (central.integrations.isIntegrating('v5', site.siteId)) {
    return json(200, { code: 'integration_in_progress', message: 'Integration in progress', data: null });
  }
  return json(200, { code: 'idle', message: 'idle', data: null });
}

/** Blocks while the site's queue is filled with every record of its stores. */
async function initialise(central: CentralContext, site: Site): Promise<Reply> {
  if (central.initialising.has(site.siteId)) {
    throw v5Error(503, 'sync_is_running', 'Initialisation is already running - try again later');
  }
  central.initialising.add(site.siteId);
  try {
    await setInitialisationStatus(central.db, site.siteId, 'started');
    const slow = central.faults.take(['slow-initialise']);
    if (slow) await sleep(slow.ms ?? 0);
    const length = await fillQueueForInitialisation(central.db, site.siteId);
    await setInitialisationStatus(central.db, site.siteId, 'completed');
    return json(200, { queueLength: length });
  } catch (error) {
    await setInitialisationStatus(central.db, site.siteId, 'error');
    throw error;
  } finally {
    central.initialising.delete(site.siteId);
  }
}

function integerParam(request: RequestContext, name: string, min: number): number {
  const raw = request.query.get(name);
  if (raw === null || !/^\d+$/.test(raw) || Number(raw) < min) {
    throw badRequest(`Query parameter "${name}" must be an integer ≥ ${min}`);
  }
  return Number(raw);
}

async function centralRecords(central: CentralContext, _site: Site, request: RequestContext): Promise<Reply> {
  const cursor = integerParam(request, 'cursor', 0);
  const limit = integerParam(request, 'limit', 1);
  const changes = await central.db.all<{
    id: number;
    table_name: string;
    record_id: string;
    action: string;
    data: string | null;
  }>(
    `SELECT c.id, c.table_name, c.record_id, c.action, r.data
     FROM central_change c LEFT JOIN record r ON r.table_name = c.table_name AND r.record_id = c.record_id
     WHERE c.id > ? ORDER BY c.id LIMIT ?`,
    [cursor, limit],
  );
  const max = await central.db.get<{ max: number | null }>('SELECT MAX(id) AS max FROM central_change');
  const data = changes.map((change) => {
    const base = { ID: change.id, tableName: change.table_name, recordId: change.record_id };
    return change.action !== 'delete' && change.data !== null
      ? { ...base, action: change.action, recordData: JSON.parse(change.data) as unknown }
      : { ...base, action: 'delete' };
  });
  return json(200, { maxCursor: max?.max ?? 0, data });
}

async function queuedRecords(central: CentralContext, site: Site, request: RequestContext): Promise<Reply> {
  const limit = integerParam(request, 'limit', 1);
  const data = await peekQueueJson(central.db, site.siteId, limit);
  const length = await queueLength(central.db, site.siteId);
  return { status: 200, jsonText: `{"queueLength":${length},"data":${data}}` };
}

const acknowledgementSchema = z.object({ syncIDs: z.array(z.string()) });

async function acknowledgedRecords(
  central: CentralContext,
  site: Site,
  request: RequestContext,
): Promise<Reply> {
  const parsed = acknowledgementSchema.safeParse(parseJsonBody(request));
  if (!parsed.success) throw badRequest('Body must be {"syncIDs": [strings]}');
  await acknowledge(central.db, site.siteId, parsed.data.syncIDs);
  return { status: 204 };
}

const pushedRecordSchema = z.object({
  syncOutId: z.string(),
  tableName: z.string().min(1),
  recordId: z.string().min(1),
  action: z.string().transform((action, ctx) => {
    const normalised = action.toLowerCase();
    if (normalised === 'insert' || normalised === 'update') return 'upsert';
    if (normalised === 'delete' || normalised === 'merge') return normalised;
    ctx.addIssue({ code: 'custom', message: `unknown action "${action}"` });
    return z.NEVER;
  }),
  // Checked to be an object, not copied key by key: a push brings 500 records per request.
  recordData: z.custom<RecordData>(isRecordData, 'expected an object').nullable().optional(),
});
const pushSchema = z.object({
  queueLength: z.number().int().nonnegative(),
  data: z.array(pushedRecordSchema),
});

async function pushQueuedRecords(
  central: CentralContext,
  site: Site,
  request: RequestContext,
): Promise<Reply> {
  const parsed = pushSchema.safeParse(parseJsonBody(request));
  if (!parsed.success) throw badRequest(`Invalid push body: ${z.prettifyError(parsed.error)}`);
  if (central.integrations.isIntegrating('v5', site.siteId)) {
    throw v5Error(503, 'sync_is_running', 'Sync is already running - try again later');
  }
  const records = parsed.data.data.map((record) => ({
    tableName: record.tableName,
    recordId: record.recordId,
    action: record.action as BufferedAction,
    data: record.recordData ?? null,
  }));
  await bufferPushedRecords(central.db, 'v5', site.siteId, records);
  if (parsed.data.queueLength > 0) return json(200, { integrationStarted: false });
  central.integrations.start('v5', site.siteId, async () => {
    const slow = central.faults.take(['slow-integration']);
    if (slow) await sleep(slow.ms ?? 0);
    await integratePushBuffer(central.db, 'v5', site.siteId, (upserted) =>
      forwardTransfers(central.db, site.siteId, upserted),
    );
  });
  return json(200, { integrationStarted: true });
}

export const V5_ROUTES: Readonly<Record<string, V5Handler>> = {
  'GET /sync/v5/site': siteInfo,
  'GET /sync/v5/site_status': siteStatus,
  'POST /sync/v5/initialise': initialise,
  'GET /sync/v5/central_records': centralRecords,
  'GET /sync/v5/queued_records': queuedRecords,
  'POST /sync/v5/acknowledged_records': acknowledgedRecords,
  'POST /sync/v5/queued_records': pushQueuedRecords,
};

/** Authenticates the request (every v5 route) and runs its handler. */
export async function handleV5(
  central: CentralContext,
  handler: V5Handler,
  request: RequestContext,
): Promise<Reply> {
  const { siteName, passwordSha256 } = parseBasicAuth(request.headers.authorization);
  const site = await central.auth.authenticate({
    siteName,
    passwordSha256,
    hardwareId: headerValue(request.headers['msupply-site-uuid']),
    version: headerValue(request.headers.version),
  });
  return handler(central, site, request);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
