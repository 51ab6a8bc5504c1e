// `Stock_take` (v5, store-owned): stocktakes — counts of a store's stock, and the inventory
// adjustments they produced. The reference gives no R marks here: the keys the local table needs
// are required, the rest may be left out.
import { EntitySchema } from 'typeorm';
import {
  boolean,
  dateToLegacy,
  id,
  integer,
  oneOf,
  optionalBoolean,
  optionalDate,
  optionalDateTime,
  optionalText,
  secondsAfterMidnight,
  timeToLegacy,
} from '../fields';
import type { SyncedRow, TableTranslator } from '../types';
import { syncedColumns } from '../synced-columns';

/**
 * The legacy status set (`sg` in progress, `fn` finalised; `nw`/`cn` as elsewhere). The reference
 * names no catch-all for stocktakes, so anything else fails the record rather than being dropped.
 */
export const STOCKTAKE_STATUSES = ['nw', 'sg', 'cn', 'fn'] as const;
export type StocktakeStatus = (typeof STOCKTAKE_STATUSES)[number];

export interface Stocktake extends SyncedRow {
  storeId: string;
  stocktakeNumber: number;
  status: StocktakeStatus;
  description: string | null;
  comment: string | null;
  createdById: string | null;
  finalisedById: string | null;
  /** The inventory addition and reduction invoices a finalised stocktake produced. */
  inventoryAdditionId: string | null;
  inventoryReductionId: string | null;
  programId: string | null;
  createdDate: string | null;
  stocktakeDate: string | null;
  /** Seconds after midnight, as legacy stores times. */
  stocktakeTime: number;
  isLocked: boolean;
  createdDatetime: string | null;
  finalisedDatetime: string | null;
  countedBy: string | null;
  verifiedBy: string | null;
  isInitialStocktake: boolean | null;
}

export const StocktakeEntity = new EntitySchema<Stocktake>({
  name: 'Stocktake',
  tableName: 'stocktake',
  columns: {
    ...syncedColumns,
    storeId: { name: 'store_id', type: 'text' },
    stocktakeNumber: { name: 'stocktake_number', type: 'integer' },
    status: { type: 'text' },
    description: { type: 'text', nullable: true },
    comment: { type: 'text', nullable: true },
    createdById: { name: 'created_by_id', type: 'text', nullable: true },
    finalisedById: { name: 'finalised_by_id', type: 'text', nullable: true },
    inventoryAdditionId: { name: 'inventory_addition_id', type: 'text', nullable: true },
    inventoryReductionId: { name: 'inventory_reduction_id', type: 'text', nullable: true },
    programId: { name: 'program_id', type: 'text', nullable: true },
    createdDate: { name: 'created_date', type: 'text', nullable: true },
    stocktakeDate: { name: 'stocktake_date', type: 'text', nullable: true },
    stocktakeTime: { name: 'stocktake_time', type: 'integer' },
    isLocked: { name: 'is_locked', type: 'boolean' },
    createdDatetime: { name: 'created_datetime', type: 'text', nullable: true },
    finalisedDatetime: { name: 'finalised_datetime', type: 'text', nullable: true },
    countedBy: { name: 'counted_by', type: 'text', nullable: true },
    verifiedBy: { name: 'verified_by', type: 'text', nullable: true },
    isInitialStocktake: { name: 'is_initial_stocktake', type: 'boolean', nullable: true },
  },
  indices: [{ name: 'stocktake_by_store', columns: ['storeId'] }],
});

export const stocktakeTranslator: TableTranslator<Stocktake> = {
  table: 'Stock_take',
  api: 'v5',
  entity: StocktakeEntity,
  // list_master for the program, which the reference's list leaves out.
  pullDependencies: ['transact', 'store', 'list_master'],
  references: [
    { field: 'storeId', table: 'store', required: true },
    { field: 'inventoryAdditionId', table: 'transact', required: false },
    { field: 'inventoryReductionId', table: 'transact', required: false },
    { field: 'programId', table: 'list_master', required: false },
  ],
  pushable: true,
  fromWire: (record) => ({
    id: id(record, 'ID'),
    storeId: id(record, 'store_ID'),
    stocktakeNumber: integer(record, 'serial_number'),
    status: oneOf(record, 'status', STOCKTAKE_STATUSES),
    description: optionalText(record, 'Description'),
    comment: optionalText(record, 'comment'),
    createdById: optionalText(record, 'created_by_ID'),
    finalisedById: optionalText(record, 'finalised_by_ID'),
    inventoryAdditionId: optionalText(record, 'invad_additions_ID'),
    inventoryReductionId: optionalText(record, 'invad_reductions_ID'),
    programId: optionalText(record, 'programID'),
    createdDate: optionalDate(record, 'stock_take_created_date'),
    stocktakeDate: optionalDate(record, 'stock_take_date'),
    stocktakeTime: secondsAfterMidnight(record, 'stock_take_time'),
    isLocked: boolean(record, 'Locked'),
    createdDatetime: optionalDateTime(record, 'om_created_datetime'),
    finalisedDatetime: optionalDateTime(record, 'om_finalised_datetime'),
    countedBy: optionalText(record, 'om_counted_by'),
    verifiedBy: optionalText(record, 'om_verified_by'),
    isInitialStocktake: optionalBoolean(record, 'om_is_initial_stocktake'),
  }),
  toWire: (row) => ({
    ID: row.id,
    store_ID: row.storeId,
    serial_number: row.stocktakeNumber,
    status: row.status,
    Description: row.description,
    comment: row.comment,
    created_by_ID: row.createdById,
    finalised_by_ID: row.finalisedById,
    invad_additions_ID: row.inventoryAdditionId,
    invad_reductions_ID: row.inventoryReductionId,
    programID: row.programId,
    stock_take_created_date: dateToLegacy(row.createdDate),
    stock_take_date: dateToLegacy(row.stocktakeDate),
    stock_take_time: timeToLegacy(row.stocktakeTime),
    Locked: row.isLocked,
    om_created_datetime: row.createdDatetime,
    om_finalised_datetime: row.finalisedDatetime,
    om_counted_by: row.countedBy,
    om_verified_by: row.verifiedBy,
    om_is_initial_stocktake: row.isInitialStocktake,
  }),
  storeIdOf: (row) => row.storeId,
};
