// The engine's own tables: settings and cursors, change log, sync buffer, run log, audit log.
import { EntitySchema } from 'typeorm';

export interface KeyValue {
  key: string;
  value: string;
}

export const KeyValueEntity = new EntitySchema<KeyValue>({
  name: 'KeyValue',
  tableName: 'key_value',
  columns: { key: { type: 'text', primary: true }, value: { type: 'text' } },
});

export type ChangeAction = 'UPSERT' | 'DELETE';
/** Who wrote a change: a local edit, or integration of data received over v5 or v6. */
export type ChangeSource = 'local' | 'sync-v5' | 'sync-v6';

export interface ChangeLog {
  cursor: number;
  tableName: string;
  recordId: string;
  action: ChangeAction;
  storeId: string | null;
  isSyncUpdate: boolean;
  source: ChangeSource;
  changedAt: string;
}

export const ChangeLogEntity = new EntitySchema<ChangeLog>({
  name: 'ChangeLog',
  tableName: 'change_log',
  columns: {
    cursor: { type: 'integer', primary: true, generated: 'increment' },
    tableName: { name: 'table_name', type: 'text' },
    recordId: { name: 'record_id', type: 'text' },
    action: { type: 'text' },
    storeId: { name: 'store_id', type: 'text', nullable: true },
    isSyncUpdate: { name: 'is_sync_update', type: 'boolean' },
    source: { type: 'text' },
    changedAt: { name: 'changed_at', type: 'text' },
  },
});

export type BufferAction = 'upsert' | 'delete' | 'merge';
export type BufferSource = 'v5-central' | 'v5-remote' | 'v6';

export interface SyncBufferRow {
  /** The record id; merges get a random key so they never overwrite an upsert of the same record. */
  bufferKey: string;
  tableName: string;
  recordId: string;
  action: BufferAction;
  data: string;
  source: BufferSource;
  receivedAt: string;
  integratedAt: string | null;
  integrationError: string | null;
  /** What an integration had to change: optional references to missing records it blanked. */
  integrationNote: string | null;
}

export const SyncBufferEntity = new EntitySchema<SyncBufferRow>({
  name: 'SyncBuffer',
  tableName: 'sync_buffer',
  columns: {
    bufferKey: { name: 'buffer_key', type: 'text', primary: true },
    tableName: { name: 'table_name', type: 'text' },
    recordId: { name: 'record_id', type: 'text' },
    action: { type: 'text' },
    data: { type: 'text' },
    source: { type: 'text' },
    receivedAt: { name: 'received_at', type: 'text' },
    integratedAt: { name: 'integrated_at', type: 'text', nullable: true },
    integrationError: { name: 'integration_error', type: 'text', nullable: true },
    integrationNote: { name: 'integration_note', type: 'text', nullable: true },
  },
});

export interface SyncLogRow {
  id: number;
  kind: 'initialisation' | 'operational' | 'retrieve';
  startedAt: string;
  finishedAt: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  errorDetail: string | null;
}

export const SyncLogEntity = new EntitySchema<SyncLogRow>({
  name: 'SyncLog',
  tableName: 'sync_log',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    kind: { type: 'text' },
    startedAt: { name: 'started_at', type: 'text' },
    finishedAt: { name: 'finished_at', type: 'text', nullable: true },
    errorCode: { name: 'error_code', type: 'text', nullable: true },
    errorMessage: { name: 'error_message', type: 'text', nullable: true },
    errorDetail: { name: 'error_detail', type: 'text', nullable: true },
  },
});

export interface SyncLogStepRow {
  runId: number;
  step: string;
  startedAt: string | null;
  finishedAt: string | null;
  total: number | null;
  done: number | null;
}

export const SyncLogStepEntity = new EntitySchema<SyncLogStepRow>({
  name: 'SyncLogStep',
  tableName: 'sync_log_step',
  columns: {
    runId: { name: 'run_id', type: 'integer', primary: true },
    step: { type: 'text', primary: true },
    startedAt: { name: 'started_at', type: 'text', nullable: true },
    finishedAt: { name: 'finished_at', type: 'text', nullable: true },
    total: { type: 'integer', nullable: true },
    done: { type: 'integer', nullable: true },
  },
});

export interface AuditLogRow {
  id: number;
  at: string;
  action: string;
  detail: string;
}

export const AuditLogEntity = new EntitySchema<AuditLogRow>({
  name: 'AuditLog',
  tableName: 'audit_log',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    at: { type: 'text' },
    action: { type: 'text' },
    detail: { type: 'text' },
  },
});

export const INTERNAL_ENTITIES = [
  KeyValueEntity,
  ChangeLogEntity,
  SyncBufferEntity,
  SyncLogEntity,
  SyncLogStepEntity,
  AuditLogEntity,
] as const;
