// The v6 (Open mSupply central) routes under /central/sync/. Errors are HTTP 200 {"error": …};
// bodies that are not the expected JSON are HTTP 400 plain text, as actix answers.
import { z } from 'zod';
import type { CentralContext } from '../context';
import { sleep } from '../faults';
import { ReplyError, json, text, type Reply, type RequestContext } from '../http-kit';
import { bufferPushedRecords, integratePushBuffer, type BufferedAction } from '../integration';
import { isRecordData, readRecord, storesOfSite } from '../records';
import type { Site } from '../sites';
import { OMS_DELETE_TABLES, omsTablesOfStyle } from '../table-routing';

export const V6_VERSION_RANGE = { min: 0, max: 5 } as const;

const syncV5SettingsSchema = z.object({
  serverUrl: z.string(),
  username: z.string(),
  passwordSha256: z.string(),
  siteUuid: z.string(),
  appVersion: z.string(),
  appName: z.string(),
  syncVersion: z.string(),
});
const commonSchema = {
  syncV5Settings: syncV5SettingsSchema,
  syncV6Version: z.number().int().nonnegative().default(0),
};

const pullSchema = z.object({
  ...commonSchema,
  cursor: z.number().int().nonnegative(),
  batchSize: z.number().int().positive(),
  isInitialised: z.boolean(),
});

const syncRecordSchema = z.object({
  tableName: z.string().min(1),
  recordId: z.string().min(1),
  action: z.enum(['Insert', 'Update', 'Delete', 'Merge', 'insert', 'update', 'delete', 'merge']),
  recordData: z.unknown().optional(),
});
const pushSchema = z.object({
  ...commonSchema,
  batch: z.object({
    end_cursor: z.number().int().nonnegative(),
    total_records: z.number().int().nonnegative(),
    records: z.array(z.object({ cursor: z.number().int().nonnegative(), record: syncRecordSchema })),
    is_last_batch: z.boolean(),
  }),
});
const siteStatusSchema = z.object(commonSchema);

const v6Error = (error: unknown): ReplyError => new ReplyError(json(200, { error }));

function parseBody<T>(schema: z.ZodType<T>, request: RequestContext): T {
  const contentType = String(request.headers['content-type'] ?? '');
  if (!contentType.toLowerCase().startsWith('application/json')) {
    throw new ReplyError(text(400, 'Content type error'));
  }
  let body: unknown;
  try {
    body = JSON.parse(request.body.toString('utf8'));
  } catch (error) {
    throw new ReplyError(text(400, `Json deserialize error: ${(error as Error).message}`));
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new ReplyError(text(400, `Json deserialize error: ${z.prettifyError(parsed.error)}`));
  return parsed.data;
}

/** Version check, then the legacy (v5) site check with the credentials the body carries. */
async function authenticate(
  central: CentralContext,
  settings: z.infer<typeof syncV5SettingsSchema>,
  version: number,
): Promise<Site> {
  if (version < V6_VERSION_RANGE.min || version > V6_VERSION_RANGE.max) {
    throw v6Error({ syncVersionMismatch: [V6_VERSION_RANGE.min, V6_VERSION_RANGE.max, version] });
  }
  try {
    return await central.auth.authenticate({
      siteName: settings.username,
      passwordSha256: settings.passwordSha256,
      hardwareId: settings.siteUuid,
      version: settings.syncVersion,
    });
  } catch (error) {
    const legacy =
      error instanceof ReplyError
        ? (error.reply.json as { error?: { code?: string; message?: string } })
        : undefined;
    const detail = legacy?.error ? `${legacy.error.code}: ${legacy.error.message}` : (error as Error).message;
    throw v6Error({
      otherServerError: `Internal error: Sync api error, route: '/sync/v5/site' -> ${detail}`,
    });
  }
}

function checkIntegrationLock(central: CentralContext, site: Site): void {
  if (central.integrations.isIntegrating('v6', site.siteId)) throw v6Error('integrationInProgress');
}

interface ChangeRow {
  cursor: number;
  table_name: string;
  record_id: string;
  action: 'UPSERT' | 'DELETE';
}

/** The routing filter of reference/v6-oms-central-api.md §10.3 (vaccinations routed by store). */
async function pull(central: CentralContext, request: RequestContext): Promise<Reply> {
  const body = parseBody(pullSchema, request);
  const site = await authenticate(central, body.syncV5Settings, body.syncV6Version);
  checkIntegrationLock(central, site);
  const stores = await storesOfSite(central.db, site.siteId);
  const storeList = stores.map(() => '?').join(', ') || "''";
  const where = `cursor >= ?
    ${body.isInitialised ? 'AND (source_site_id IS NULL OR source_site_id != ?)' : ''}
    AND (table_name IN (${CENTRAL_TABLES_SQL})
      OR table_name = 'sync_file_reference'
      OR (table_name IN (${STORE_ROUTED_TABLES_SQL}) AND store_id IN (${storeList}))
      OR (table_name IN (${REMOTE_AND_CENTRAL_TABLES_SQL}) AND store_id IS NULL))`;
  const params = [body.cursor, ...(body.isInitialised ? [site.siteId] : []), ...stores];
  const changes = await central.db.all<ChangeRow>(
    `SELECT cursor, table_name, record_id, action FROM oms_change WHERE ${where} ORDER BY cursor LIMIT ?`,
    [...params, body.batchSize],
  );
  const total =
    (await central.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM oms_change WHERE ${where}`, params))?.n ??
    0;
  const last = changes.at(-1);
  const endCursor =
    last?.cursor ??
    (await central.db.get<{ max: number | null }>('SELECT MAX(cursor) AS max FROM oms_change'))?.max ??
    0;
  const records = [];
  for (const change of changes) {
    if (change.action === 'DELETE') {
      if (!OMS_DELETE_TABLES.has(change.table_name)) continue;
      records.push({
        cursor: change.cursor,
        record: {
          tableName: change.table_name,
          recordId: change.record_id,
          action: 'Delete',
          recordData: null,
        },
      });
      continue;
    }
    const recordData = await readRecord(central.db, change.table_name, change.record_id);
    if (!recordData) {
      throw v6Error({
        otherServerError: `Problem translation push record: ${change.table_name} ${change.record_id} not found`,
      });
    }
    records.push({
      cursor: change.cursor,
      record: { tableName: change.table_name, recordId: change.record_id, action: 'Update', recordData },
    });
  }
  return json(200, {
    data: { end_cursor: endCursor, total_records: total, records, is_last_batch: total <= body.batchSize },
  });
}

// Routing lists come from the one table of sync styles (table-routing.ts).
const CENTRAL_TABLES_SQL = sqlList(omsTablesOfStyle('central'));
const STORE_ROUTED_TABLES_SQL = sqlList(omsTablesOfStyle('remote', 'remote-and-central'));
const REMOTE_AND_CENTRAL_TABLES_SQL = sqlList(omsTablesOfStyle('remote-and-central'));

function sqlList(tables: readonly string[]): string {
  return tables.map((table) => `'${table}'`).join(', ');
}

function bufferedAction(action: string): BufferedAction {
  const normalised = action.toLowerCase();
  return normalised === 'insert' || normalised === 'update' ? 'upsert' : (normalised as BufferedAction);
}

async function push(central: CentralContext, request: RequestContext): Promise<Reply> {
  const body = parseBody(pushSchema, request);
  const site = await authenticate(central, body.syncV5Settings, body.syncV6Version);
  checkIntegrationLock(central, site);
  const records = body.batch.records.map(({ record }) => {
    const action = bufferedAction(record.action);
    const data = record.recordData ?? null;
    const isObject = isRecordData(data);
    if ((action !== 'delete' && !isObject) || (action === 'delete' && data !== null && !isObject)) {
      throw v6Error({
        parsingSyncRecordError: `recordData of ${record.tableName} ${record.recordId} is not an object`,
      });
    }
    return {
      tableName: record.tableName,
      recordId: record.recordId,
      action,
      data: data as Record<string, unknown> | null,
    };
  });
  await bufferPushedRecords(central.db, 'v6', site.siteId, records);
  if (body.batch.is_last_batch) {
    central.integrations.start('v6', site.siteId, async () => {
      const slow = central.faults.take(['slow-integration']);
      if (slow) await sleep(slow.ms ?? 0);
      await integratePushBuffer(central.db, 'v6', site.siteId);
    });
  }
  return json(200, { data: { records_pushed: records.length } });
}

async function siteStatus(central: CentralContext, request: RequestContext): Promise<Reply> {
  const body = parseBody(siteStatusSchema, request);
  const site = await authenticate(central, body.syncV5Settings, body.syncV6Version);
  return json(200, { data: { is_integrating: central.integrations.isIntegrating('v6', site.siteId) } });
}

export type V6Handler = (central: CentralContext, request: RequestContext) => Promise<Reply>;

export const V6_ROUTES: Readonly<Record<string, V6Handler>> = {
  'POST /central/sync/pull': pull,
  'POST /central/sync/push': push,
  'POST /central/sync/site_status': siteStatus,
};

export const NOT_A_CENTRAL_REPLY: Reply = text(405, 'Method only allowed on central server.', {
  connection: 'close',
});
