// `unit` (v5 central data): units of measure.
import { EntitySchema } from 'typeorm';
import { id, integer, requiredOptionalText, text } from '../fields';
import type { SyncedRow, TableTranslator } from '../types';
import { syncedColumns } from '../synced-columns';

export interface Unit extends SyncedRow {
  name: string;
  description: string | null;
  orderNumber: number;
}

export const UnitEntity = new EntitySchema<Unit>({
  name: 'Unit',
  tableName: 'unit',
  columns: {
    ...syncedColumns,
    name: { type: 'text' },
    description: { type: 'text', nullable: true },
    orderNumber: { name: 'order_number', type: 'integer' },
  },
});

export const unitTranslator: TableTranslator<Unit> = {
  table: 'unit',
  api: 'v5',
  entity: UnitEntity,
  pullDependencies: [],
  references: [],
  pushable: false,
  fromWire: (record) => ({
    id: id(record, 'ID'),
    name: text(record, 'units'),
    description: requiredOptionalText(record, 'comment'),
    orderNumber: integer(record, 'order_number'),
  }),
  toWire: (row) => ({
    ID: row.id,
    units: row.name,
    comment: row.description ?? '',
    order_number: row.orderNumber,
  }),
  storeIdOf: () => null,
};
