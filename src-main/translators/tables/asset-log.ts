// `asset_log` (v6, store-owned through its asset): status updates of an asset (v6 reference §12.2).
import { EntitySchema } from 'typeorm';
import { dateTime, id, oneOf, optionalDateTime, optionalText, text } from '../fields';
import type { SyncedRow, TableTranslator } from '../types';
import { syncedColumns } from '../synced-columns';
import { ASSET_LOG_STATUSES, type AssetLogStatus } from './asset-log-reason';

export interface AssetLog extends SyncedRow {
  assetId: string;
  userId: string;
  status: AssetLogStatus | null;
  comment: string | null;
  /** `STATUS_UPDATE`, `TEMPERATURE_MAPPING`; free text in the sender's row, so not checked. */
  type: string | null;
  reasonId: string | null;
  logDatetime: string;
  /** Left out by older senders. */
  createdDatetime: string | null;
}

export const AssetLogEntity = new EntitySchema<AssetLog>({
  name: 'AssetLog',
  tableName: 'asset_log',
  columns: {
    ...syncedColumns,
    assetId: { name: 'asset_id', type: 'text' },
    userId: { name: 'user_id', type: 'text' },
    status: { type: 'text', nullable: true },
    comment: { type: 'text', nullable: true },
    type: { type: 'text', nullable: true },
    reasonId: { name: 'reason_id', type: 'text', nullable: true },
    logDatetime: { name: 'log_datetime', type: 'text' },
    createdDatetime: { name: 'created_datetime', type: 'text', nullable: true },
  },
});

export const assetLogTranslator: TableTranslator<AssetLog> = {
  table: 'asset_log',
  api: 'v6',
  entity: AssetLogEntity,
  pullDependencies: ['asset', 'asset_log_reason'],
  references: [
    { field: 'assetId', table: 'asset', required: true },
    { field: 'reasonId', table: 'asset_log_reason', required: false },
  ],
  pushable: true,
  fromWire: (record) => ({
    id: id(record, 'id'),
    assetId: id(record, 'asset_id'),
    userId: text(record, 'user_id'),
    // Nullable, but when present one of the statuses (no catch-all).
    status: optionalText(record, 'status') === null ? null : oneOf(record, 'status', ASSET_LOG_STATUSES),
    comment: optionalText(record, 'comment'),
    type: optionalText(record, 'type'),
    reasonId: optionalText(record, 'reason_id'),
    logDatetime: dateTime(record, 'log_datetime'),
    createdDatetime: optionalDateTime(record, 'created_datetime'),
  }),
  toWire: (row) => ({
    id: row.id,
    asset_id: row.assetId,
    user_id: row.userId,
    status: row.status,
    comment: row.comment,
    type: row.type,
    reason_id: row.reasonId,
    log_datetime: row.logDatetime,
    created_datetime: row.createdDatetime,
  }),
  // No store column: the asset's store owns the log (central routes it that way). Null lets local
  // logs through the push filter.
  storeIdOf: () => null,
};
