// `currency` (v5): exchange rates against the home currency (reference §10.10).
import { EntitySchema } from 'typeorm';
import { boolean, dateToLegacy, id, number, requiredOptionalDate, text } from '../fields';
import type { SyncedRow, TableTranslator } from '../types';
import { syncedColumns } from '../synced-columns';

export interface Currency extends SyncedRow {
  /** The currency code, e.g. `NZD`. */
  code: string;
  rate: number;
  isHomeCurrency: boolean;
  dateUpdated: string | null;
}

export const CurrencyEntity = new EntitySchema<Currency>({
  name: 'Currency',
  tableName: 'currency',
  columns: {
    ...syncedColumns,
    code: { type: 'text' },
    rate: { type: 'real' },
    isHomeCurrency: { name: 'is_home_currency', type: 'boolean' },
    dateUpdated: { name: 'date_updated', type: 'text', nullable: true },
  },
});

export const currencyTranslator: TableTranslator<Currency> = {
  table: 'currency',
  api: 'v5',
  entity: CurrencyEntity,
  pullDependencies: [],
  references: [],
  pushable: false,
  fromWire: (record) => ({
    id: id(record, 'ID'),
    code: text(record, 'currency'),
    rate: number(record, 'rate'),
    isHomeCurrency: boolean(record, 'is_home_currency'),
    dateUpdated: requiredOptionalDate(record, 'date_updated'),
  }),
  toWire: (row) => ({
    ID: row.id,
    currency: row.code,
    rate: row.rate,
    is_home_currency: row.isHomeCurrency,
    date_updated: dateToLegacy(row.dateUpdated),
  }),
  storeIdOf: () => null,
};
