// `asset_log_reason` (v6 central data): the reasons a user can give for an asset's status change.
import { EntitySchema } from 'typeorm';
import { id, oneOf, optionalBoolean, optionalDateTime, text } from '../fields';
import type { SyncedRow, TableTranslator } from '../types';
import { syncedColumns } from '../synced-columns';

/** A Rust enum on the sending side: no catch-all, an unknown value fails the record. */
export const ASSET_LOG_STATUSES = [
  'NOT_IN_USE',
  'FUNCTIONING',
  'FUNCTIONING_BUT_NEEDS_ATTENTION',
  'NOT_FUNCTIONING',
  'DECOMMISSIONED',
  'UNSERVICEABLE',
] as const;
export type AssetLogStatus = (typeof ASSET_LOG_STATUSES)[number];

export interface AssetLogReason extends SyncedRow {
  /** The status this reason applies to. */
  assetLogStatus: AssetLogStatus;
  reason: string;
  deletedDatetime: string | null;
  commentsRequired: boolean;
}

export const AssetLogReasonEntity = new EntitySchema<AssetLogReason>({
  name: 'AssetLogReason',
  tableName: 'asset_log_reason',
  columns: {
    ...syncedColumns,
    assetLogStatus: { name: 'asset_log_status', type: 'text' },
    reason: { type: 'text' },
    deletedDatetime: { name: 'deleted_datetime', type: 'text', nullable: true },
    commentsRequired: { name: 'comments_required', type: 'boolean' },
  },
});

export const assetLogReasonTranslator: TableTranslator<AssetLogReason> = {
  table: 'asset_log_reason',
  api: 'v6',
  entity: AssetLogReasonEntity,
  pullDependencies: [],
  references: [],
  pushable: false,
  fromWire: (record) => ({
    id: id(record, 'id'),
    assetLogStatus: oneOf(record, 'asset_log_status', ASSET_LOG_STATUSES),
    reason: text(record, 'reason'),
    deletedDatetime: optionalDateTime(record, 'deleted_datetime'),
    // Added to the row later than the others: older centrals leave it out.
    commentsRequired: optionalBoolean(record, 'comments_required') ?? false,
  }),
  toWire: (row) => ({
    id: row.id,
    asset_log_status: row.assetLogStatus,
    reason: row.reason,
    deleted_datetime: row.deletedDatetime,
    comments_required: row.commentsRequired,
  }),
  storeIdOf: () => null,
};
