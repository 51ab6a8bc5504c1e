// `store` (v5 central data): the stores, each owned by one site (reference §10.5).
import { EntitySchema } from 'typeorm';
import {
  boolean,
  dateToLegacy,
  id,
  integer,
  oneOf,
  requiredOptionalDate,
  requiredOptionalText,
  text,
} from '../fields';
import { IgnoredRecord, type SyncedRow, type TableTranslator } from '../types';
import { syncedColumns } from '../synced-columns';

export const STORE_MODES = ['store', 'dispensary'] as const;
export type StoreMode = (typeof STORE_MODES)[number];

/** Legacy system stores (HIS, drug registration, supervisor) that are not real stores. */
const SYSTEM_STORE_CODES = ['HIS', 'DRG', 'SM'];

export interface Store extends SyncedRow {
  nameId: string;
  code: string;
  /** The site that owns the store: its records travel through that site's queue. */
  siteId: number;
  logo: string | null;
  mode: StoreMode;
  createdDate: string | null;
  isDisabled: boolean;
}

export const StoreEntity = new EntitySchema<Store>({
  name: 'Store',
  tableName: 'store',
  columns: {
    ...syncedColumns,
    nameId: { name: 'name_id', type: 'text' },
    code: { type: 'text' },
    siteId: { name: 'site_id', type: 'integer' },
    logo: { type: 'text', nullable: true },
    mode: { type: 'text' },
    createdDate: { name: 'created_date', type: 'text', nullable: true },
    isDisabled: { name: 'is_disabled', type: 'boolean' },
  },
});

export const storeTranslator: TableTranslator<Store> = {
  table: 'store',
  api: 'v5',
  entity: StoreEntity,
  pullDependencies: ['name'],
  // The reference ignores a store whose name is missing; a required reference fails it instead,
  // which equally keeps it out of the table (and says why).
  references: [{ field: 'nameId', table: 'name', required: true }],
  pushable: false,
  fromWire: (record) => {
    const row = {
      id: id(record, 'ID'),
      nameId: text(record, 'name_ID'),
      code: text(record, 'code'),
      siteId: integer(record, 'sync_id_remote_site'),
      logo: requiredOptionalText(record, 'logo'),
      mode: oneOf(record, 'store_mode', STORE_MODES),
      createdDate: requiredOptionalDate(record, 'created_date'),
      isDisabled: boolean(record, 'disabled'),
    };
    if (SYSTEM_STORE_CODES.includes(row.code)) throw new IgnoredRecord(`system store with code ${row.code}`);
    if (row.nameId === '') throw new IgnoredRecord('store without a name (empty name_ID)');
    return row;
  },
  toWire: (row) => ({
    ID: row.id,
    name_ID: row.nameId,
    code: row.code,
    sync_id_remote_site: row.siteId,
    logo: row.logo,
    store_mode: row.mode,
    created_date: dateToLegacy(row.createdDate),
    disabled: row.isDisabled,
  }),
  storeIdOf: () => null,
};
