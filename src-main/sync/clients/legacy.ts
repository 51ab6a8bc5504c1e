// The mSupply central server's sync API v5 (PROTOCOL.md §2): routes, headers, response shapes and
// error codes. Every 2xx body is validated; every failure is a SyncError free of credentials.
import { z } from 'zod';
import { SyncError } from '../errors';
import { describeRequest, requestUrl, type HttpResponse, type HttpTransport } from './http';
import { syncCodeOfLegacyCode } from './legacy-error-codes';
import { redactError } from './redact';
import { count, recordDataSchema, syncActionSchema } from './record-schemas';
import { decodeJson, excerpt, jsonOf } from './response';

export const SYNC_V5_VERSION = 14;
export const APP_NAME = 'Satellite Sync';
/** `initialise` answers only once central has filled the site's queue. */
export const INITIALISE_TIMEOUT_MS = 30 * 60_000;

export interface LegacySettings {
  url: string;
  siteName: string;
  passwordSha256: string;
  hardwareId: string;
  appVersion: string;
}

export interface LegacyClientOptions {
  /** The `version` header; only tests send another. */
  syncVersion?: number;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export const siteInfoSchema = z.object({
  id: z.string(),
  siteId: z.number().int(),
  code: z.string().optional(),
  name: z.string().optional(),
  initialisationStatus: z.enum(['new', 'started', 'completed', 'error']),
  omSupplyCentralServerUrl: z.string(),
  isOmSupplyCentralServer: z.boolean(),
  mSupplyCentralSiteId: z.number().int(),
});

export const siteStatusSchema = z.object({
  code: z.enum(['idle', 'sync_is_running', 'integration_in_progress', 'initialisation_in_progress']),
  message: z.string(),
  data: z.string().nullish(),
});

export const initialiseResultSchema = z.object({ queueLength: count });

/** Central sends lower case, the spec allows capitalised; we keep lower case. */

const recordFields = {
  tableName: z.string().min(1),
  recordId: z.string(),
  action: syncActionSchema,
  /** A merge carries `{mergeIdToKeep, mergeIdToDelete}`. */
  recordData: recordDataSchema,
};

export const centralRecordSchema = z.object({ ID: count, ...recordFields });
export const centralRecordsSchema = z.object({
  maxCursor: count,
  data: z.array(centralRecordSchema).default([]),
});

export const queuedRecordSchema = z.object({ syncOutId: z.string(), ...recordFields });
export const queuedRecordsSchema = z.object({
  queueLength: count,
  data: z.array(queuedRecordSchema).default([]),
});

export const pushResultSchema = z.object({ integrationStarted: z.boolean() });

export const legacyErrorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), data: z.unknown().optional() }),
});

export type SiteInfo = z.infer<typeof siteInfoSchema>;
export type SiteStatus = z.infer<typeof siteStatusSchema>;
export type InitialiseResult = z.infer<typeof initialiseResultSchema>;
export type CentralRecord = z.infer<typeof centralRecordSchema>;
export type CentralRecords = z.infer<typeof centralRecordsSchema>;
export type QueuedRecord = z.infer<typeof queuedRecordSchema>;
export type QueuedRecords = z.infer<typeof queuedRecordsSchema>;
export type PushResult = z.infer<typeof pushResultSchema>;

export interface PushRecord {
  syncOutId: string;
  tableName: string;
  recordId: string;
  action: 'Update' | 'Delete';
  recordData: Record<string, unknown> | null;
}

export interface PushBatch {
  /** Records still to push, this batch included; a push ends with `{queueLength: 0, data: []}`. */
  queueLength: number;
  data: readonly PushRecord[];
}

interface Call {
  method: 'GET' | 'POST';
  route: string;
  query?: Record<string, number>;
  body?: unknown;
  timeoutMs?: number;
}

/** A non-2xx answer: the central's `{"error": {code, message}}` mapped to our code, else UNKNOWN. */
function legacyFailure(response: HttpResponse, label: string): SyncError {
  const json = jsonOf(response);
  const parsed = json.ok ? legacyErrorBodySchema.safeParse(json.value) : undefined;
  if (!parsed?.success) {
    return new SyncError('UNKNOWN', `${label} → HTTP ${response.status}: ${excerpt(response.text)}`);
  }
  const { code, message, data } = parsed.data.error;
  const extra = data === undefined || data === null ? '' : ` (data: ${JSON.stringify(data)})`;
  const detail = `${label} → HTTP ${response.status} ${code}: ${message}${extra}`;
  const syncCode = syncCodeOfLegacyCode(code);
  return syncCode === 'UNKNOWN'
    ? new SyncError('UNKNOWN', detail, `The central server answered: ${message}`)
    : new SyncError(syncCode, detail);
}

export class LegacyClient {
  private readonly secrets: readonly string[];

  constructor(
    private readonly settings: LegacySettings,
    private readonly transport: HttpTransport,
    private readonly options: LegacyClientOptions = {},
  ) {
    this.secrets = [settings.passwordSha256, this.credentials()];
  }

  getSiteInfo(call?: CallOptions): Promise<SiteInfo> {
    return this.send({ method: 'GET', route: 'site' }, siteInfoSchema, call);
  }

  /** Blocks while central fills this site's queue. */
  initialise(call?: CallOptions & { timeoutMs?: number }): Promise<InitialiseResult> {
    const timeoutMs = call?.timeoutMs ?? INITIALISE_TIMEOUT_MS;
    return this.send(
      { method: 'POST', route: 'initialise', body: {}, timeoutMs },
      initialiseResultSchema,
      call,
    );
  }

  getSiteStatus(call?: CallOptions): Promise<SiteStatus> {
    return this.send({ method: 'GET', route: 'site_status' }, siteStatusSchema, call);
  }

  /** Change-log records with `ID > cursor`, ascending, at most `limit`. */
  getCentralRecords(cursor: number, limit: number, call?: CallOptions): Promise<CentralRecords> {
    const query = { cursor, limit };
    return this.send({ method: 'GET', route: 'central_records', query }, centralRecordsSchema, call);
  }

  /** The head of this site's queue; it stays there until acknowledged. */
  getQueuedRecords(limit: number, call?: CallOptions): Promise<QueuedRecords> {
    return this.send({ method: 'GET', route: 'queued_records', query: { limit } }, queuedRecordsSchema, call);
  }

  async acknowledgeRecords(syncIds: readonly string[], call?: CallOptions): Promise<void> {
    // Any 2xx will do; its body (usually none) is not read.
    const body = { syncIDs: syncIds };
    await this.guarded(() => this.exchange({ method: 'POST', route: 'acknowledged_records', body }, call));
  }

  pushRecords(batch: PushBatch, call?: CallOptions): Promise<PushResult> {
    // Rebuilt so the keys go out in the order of the protocol, whatever the caller's objects hold.
    const body = {
      queueLength: batch.queueLength,
      data: batch.data.map(({ syncOutId, tableName, recordId, action, recordData }) => ({
        syncOutId,
        tableName,
        recordId,
        action,
        recordData,
      })),
    };
    return this.send({ method: 'POST', route: 'queued_records', body }, pushResultSchema, call);
  }

  private credentials(): string {
    return Buffer.from(`${this.settings.siteName}:${this.settings.passwordSha256}`, 'utf8').toString(
      'base64',
    );
  }

  private headers(): Record<string, string> {
    return {
      authorization: `Basic ${this.credentials()}`,
      'msupply-site-uuid': this.settings.hardwareId,
      'app-name': APP_NAME,
      'app-version': this.settings.appVersion,
      version: String(this.options.syncVersion ?? SYNC_V5_VERSION),
    };
  }

  /** Routes are absolute: a path in the configured URL is dropped. */
  private routeUrl(route: string): URL {
    let url: URL;
    try {
      url = new URL(`/sync/v5/${route}`, this.settings.url);
    } catch {
      throw new SyncError('INVALID_URL', `"${this.settings.url}" is not a URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new SyncError('INVALID_URL', `"${this.settings.url}" is not an http or https URL`);
    }
    return url;
  }

  /** The request, with a non-2xx answer thrown as a SyncError. */
  private async exchange(
    call: Call,
    options: CallOptions | undefined,
  ): Promise<{ response: HttpResponse; label: string }> {
    const url = this.routeUrl(call.route);
    const label = describeRequest(call.method, requestUrl(url.href, call.query));
    const response = await this.transport.request({
      method: call.method,
      url: url.href,
      headers: this.headers(),
      body: call.body,
      query: call.query,
      timeoutMs: call.timeoutMs,
      signal: options?.signal,
    });
    if (response.status < 200 || response.status > 299) throw legacyFailure(response, label);
    return { response, label };
  }

  private send<T>(call: Call, schema: z.ZodType<T>, options: CallOptions | undefined): Promise<T> {
    return this.guarded(async () => {
      const { response, label } = await this.exchange(call, options);
      return decodeJson(schema, response, label);
    });
  }

  private async guarded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw redactError(error, this.secrets);
    }
  }
}
