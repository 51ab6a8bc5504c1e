// The Open mSupply central server's sync API v6 (PROTOCOL.md §3): no auth headers, the v5
// credentials travel in every body; answers are an envelope {"data": …} | {"error": …}.
import { z } from 'zod';
import { SyncError } from '../errors';
import { describeRequest, type HttpResponse, type HttpTransport } from './http';
import { APP_NAME, SYNC_V5_VERSION, legacyErrorBodySchema, type CallOptions } from './legacy';
import { syncCodeInText, syncCodeOfLegacyCode } from './legacy-error-codes';
import { redactError } from './redact';
import { count, recordDataSchema, syncActionSchema } from './record-schemas';
import { decode, excerpt, jsonOf } from './response';

export const SYNC_V6_VERSION = 5;

export interface OmSupplySettings {
  /** `omSupplyCentralServerUrl` from the legacy site info. */
  omsUrl: string;
  /** The mSupply central URL we are configured with (central checks our credentials against its own). */
  legacyUrl: string;
  siteName: string;
  passwordSha256: string;
  hardwareId: string;
  appVersion: string;
}

export interface OmSupplyClientOptions {
  /** `syncV6Version`; only tests send another. */
  syncV6Version?: number;
}

export const v6SyncRecordSchema = z.object({
  cursor: count,
  record: z.object({
    tableName: z.string().min(1),
    recordId: z.string(),
    action: syncActionSchema,
    recordData: recordDataSchema,
  }),
});

/** Batch fields are snake_case on the wire, unlike everything around them. */
export const v6PullBatchSchema = z.object({
  end_cursor: count,
  total_records: count,
  records: z.array(v6SyncRecordSchema),
  is_last_batch: z.boolean(),
});

export const v6PushResultSchema = z.object({ records_pushed: count });
export const v6SiteStatusSchema = z.object({ is_integrating: z.boolean() });

/** `SyncParsedErrorV6`: unit variants come as a bare string or `{variant: null}`. */
export const v6ErrorSchema = z.union([
  z.enum(['notACentralServer', 'integrationInProgress']),
  z.object({ notACentralServer: z.null() }),
  z.object({ integrationInProgress: z.null() }),
  z.object({ syncVersionMismatch: z.tuple([z.number(), z.number(), z.number()]) }),
  z.object({ legacyServerError: legacyErrorBodySchema.shape.error }),
  z.object({ otherServerError: z.string() }),
  z.object({ otherLegacyServerError: z.string() }),
  z.object({ cannotConnectToLegacyServer: z.string() }),
  z.object({ parsingSyncRecordError: z.string() }),
  z.object({ syncFileNotFound: z.string() }),
]);

export type V6SyncRecord = z.infer<typeof v6SyncRecordSchema>;
export type V6PullBatch = z.infer<typeof v6PullBatchSchema>;
export type V6PushResult = z.infer<typeof v6PushResultSchema>;
export type V6SiteStatus = z.infer<typeof v6SiteStatusSchema>;

export interface V6PushRecord {
  /** Our change-log cursor that produced the record. */
  cursor: number;
  record: {
    tableName: string;
    recordId: string;
    action: 'Update' | 'Delete';
    recordData: Record<string, unknown> | null;
  };
}

export interface V6PushBatch {
  end_cursor: number;
  /** Change-log entries still to push, this batch included. */
  total_records: number;
  records: readonly V6PushRecord[];
  /** Only a last batch makes central integrate. */
  is_last_batch: boolean;
}

const NOT_A_CENTRAL = 'the server is not an Open mSupply central server';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Maps an `{"error": …}` payload to our codes; legacy codes inside central's prose count too. */
function v6Failure(error: unknown, label: string): SyncError {
  const parsed = v6ErrorSchema.safeParse(error);
  const detail = `${label} → error ${JSON.stringify(error)}`;
  if (!parsed.success) return new SyncError('UNKNOWN', detail);
  const variant = parsed.data;
  if (variant === 'notACentralServer' || (isObject(variant) && 'notACentralServer' in variant)) {
    return new SyncError('CENTRAL_V6_NOT_CONFIGURED', `${label}: ${NOT_A_CENTRAL}`);
  }
  if (variant === 'integrationInProgress' || 'integrationInProgress' in variant) {
    return new SyncError(
      'UNKNOWN',
      detail,
      'The Open mSupply central server is still integrating what this site pushed earlier; try again shortly',
    );
  }
  if ('syncVersionMismatch' in variant) {
    const [min, max, received] = variant.syncVersionMismatch;
    return new SyncError(
      'V6_API_VERSION_INCOMPATIBLE',
      `${label}: central accepts sync v6 versions ${min} to ${max}, we sent ${received}`,
    );
  }
  if ('legacyServerError' in variant) {
    return new SyncError(syncCodeOfLegacyCode(variant.legacyServerError.code), detail);
  }
  if ('otherServerError' in variant) return new SyncError(syncCodeInText(variant.otherServerError), detail);
  if ('otherLegacyServerError' in variant) {
    return new SyncError(syncCodeInText(variant.otherLegacyServerError), detail);
  }
  return new SyncError('UNKNOWN', detail);
}

export class OmSupplyClient {
  private readonly secrets: readonly string[];

  constructor(
    private readonly settings: OmSupplySettings,
    private readonly transport: HttpTransport,
    private readonly options: OmSupplyClientOptions = {},
  ) {
    this.secrets = [settings.passwordSha256];
  }

  /** Central change-log rows from `cursor` (inclusive) routed to this site. */
  pull(cursor: number, batchSize: number, isInitialised: boolean, call?: CallOptions): Promise<V6PullBatch> {
    return this.send('pull', { cursor, batchSize, isInitialised }, v6PullBatchSchema, call);
  }

  push(batch: V6PushBatch, call?: CallOptions): Promise<V6PushResult> {
    // Rebuilt so the keys go out in the order of the protocol, whatever the caller's objects hold.
    const wireBatch = {
      end_cursor: batch.end_cursor,
      total_records: batch.total_records,
      records: batch.records.map(({ cursor, record }) => ({
        cursor,
        record: {
          tableName: record.tableName,
          recordId: record.recordId,
          action: record.action,
          recordData: record.recordData,
        },
      })),
      is_last_batch: batch.is_last_batch,
    };
    return this.send('push', { batch: wireBatch }, v6PushResultSchema, call);
  }

  siteStatus(call?: CallOptions): Promise<V6SiteStatus> {
    return this.send('site_status', {}, v6SiteStatusSchema, call);
  }

  /** `central/sync/<route>` resolved against the central URL (a base path without `/` loses its last segment). */
  private routeUrl(route: string): URL {
    let url: URL | undefined;
    try {
      url = new URL(`central/sync/${route}`, this.settings.omsUrl);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new SyncError(
        'CENTRAL_V6_NOT_CONFIGURED',
        `The Open mSupply central server URL "${this.settings.omsUrl}" is not an http or https URL`,
      );
    }
    return url;
  }

  private body(payload: Record<string, unknown>): Record<string, unknown> {
    return {
      ...payload,
      syncV5Settings: {
        serverUrl: this.settings.legacyUrl,
        username: this.settings.siteName,
        passwordSha256: this.settings.passwordSha256,
        siteUuid: this.settings.hardwareId,
        appVersion: this.settings.appVersion,
        appName: APP_NAME,
        syncVersion: String(SYNC_V5_VERSION),
      },
      syncV6Version: this.options.syncV6Version ?? SYNC_V6_VERSION,
    };
  }

  private async send<T>(
    route: string,
    payload: Record<string, unknown>,
    schema: z.ZodType<T>,
    call: CallOptions | undefined,
  ): Promise<T> {
    try {
      const url = this.routeUrl(route);
      const label = describeRequest('POST', url);
      const response = await this.transport.request({
        method: 'POST',
        url: url.href,
        headers: { 'Content-Type': 'application/json' },
        body: this.body(payload),
        signal: call?.signal,
      });
      return this.unwrap(schema, response, label);
    } catch (error) {
      throw redactError(error, this.secrets);
    }
  }

  /** The status does not matter for an envelope; anything else is a failure, 405 meaning "not a central". */
  private unwrap<T>(schema: z.ZodType<T>, response: HttpResponse, label: string): T {
    const json = jsonOf(response);
    const envelope = json.ok && isObject(json.value) ? json.value : undefined;
    if (envelope && 'error' in envelope) throw v6Failure(envelope.error, label);
    if (envelope && 'data' in envelope) return decode(schema, envelope.data, response, label);
    if (response.status === 405) {
      throw new SyncError(
        'CENTRAL_V6_NOT_CONFIGURED',
        `${label} → HTTP 405: ${NOT_A_CENTRAL} (${excerpt(response.text)})`,
      );
    }
    throw new SyncError('UNKNOWN', `${label} → HTTP ${response.status}: ${excerpt(response.text)}`);
  }
}
