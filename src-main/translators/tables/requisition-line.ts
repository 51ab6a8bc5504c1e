// `requisition_line` (v5, store-owned through its requisition): one item of a requisition with the
// figures the quantities were worked out from (reference §10.10).
import { EntitySchema } from 'typeorm';
import {
  id,
  number,
  omsFields,
  optionalDate,
  optionalNumber,
  optionalText,
  requiredOptionalDateTime,
  requiredOptionalText,
  text,
} from '../fields';
import type { SyncedRow, TableTranslator } from '../types';
import { syncedColumns } from '../synced-columns';

export interface RequisitionLine extends SyncedRow {
  requisitionId: string;
  itemId: string;
  itemName: string;
  requestedQuantity: number;
  suggestedQuantity: number;
  supplyQuantity: number;
  availableStockOnHand: number;
  averageDailyUsage: number;
  approvedQuantity: number;
  approvalComment: string | null;
  comment: string | null;
  snapshotDatetime: string | null;
  initialStockOnHand: number;
  incomingUnits: number;
  outgoingUnits: number;
  lossInUnits: number;
  additionInUnits: number;
  expiringUnits: number;
  daysOutOfStock: number;
  reasonId: string | null;
  /** The customer's own adjustment figure (`Cust_loss_adjust`). */
  lossAdjustment: number;
  rnrFormLineId: string | null;
  expiryDate: string | null;
  availableVolume: number | null;
  locationTypeId: string | null;
}

export const RequisitionLineEntity = new EntitySchema<RequisitionLine>({
  name: 'RequisitionLine',
  tableName: 'requisition_line',
  columns: {
    ...syncedColumns,
    requisitionId: { name: 'requisition_id', type: 'text' },
    itemId: { name: 'item_id', type: 'text' },
    itemName: { name: 'item_name', type: 'text' },
    requestedQuantity: { name: 'requested_quantity', type: 'real' },
    suggestedQuantity: { name: 'suggested_quantity', type: 'real' },
    supplyQuantity: { name: 'supply_quantity', type: 'real' },
    availableStockOnHand: { name: 'available_stock_on_hand', type: 'real' },
    averageDailyUsage: { name: 'average_daily_usage', type: 'real' },
    approvedQuantity: { name: 'approved_quantity', type: 'real' },
    approvalComment: { name: 'approval_comment', type: 'text', nullable: true },
    comment: { type: 'text', nullable: true },
    snapshotDatetime: { name: 'snapshot_datetime', type: 'text', nullable: true },
    initialStockOnHand: { name: 'initial_stock_on_hand', type: 'real' },
    incomingUnits: { name: 'incoming_units', type: 'real' },
    outgoingUnits: { name: 'outgoing_units', type: 'real' },
    lossInUnits: { name: 'loss_in_units', type: 'real' },
    additionInUnits: { name: 'addition_in_units', type: 'real' },
    expiringUnits: { name: 'expiring_units', type: 'real' },
    daysOutOfStock: { name: 'days_out_of_stock', type: 'real' },
    reasonId: { name: 'reason_id', type: 'text', nullable: true },
    lossAdjustment: { name: 'loss_adjustment', type: 'real' },
    rnrFormLineId: { name: 'rnr_form_line_id', type: 'text', nullable: true },
    expiryDate: { name: 'expiry_date', type: 'text', nullable: true },
    availableVolume: { name: 'available_volume', type: 'real', nullable: true },
    locationTypeId: { name: 'location_type_id', type: 'text', nullable: true },
  },
  indices: [{ name: 'requisition_line_by_requisition', columns: ['requisitionId'] }],
});

export const requisitionLineTranslator: TableTranslator<RequisitionLine> = {
  table: 'requisition_line',
  api: 'v5',
  entity: RequisitionLineEntity,
  pullDependencies: ['requisition', 'item'],
  references: [
    { field: 'requisitionId', table: 'requisition', required: true },
    { field: 'itemId', table: 'item', required: true },
    { field: 'reasonId', table: 'options', required: false },
  ],
  pushable: true,
  fromWire: (record) => {
    const oms = omsFields(record);
    return {
      id: id(record, 'ID'),
      requisitionId: id(record, 'requisition_ID'),
      itemId: id(record, 'item_ID'),
      itemName: text(record, 'itemName'),
      requestedQuantity: number(record, 'Cust_stock_order'),
      suggestedQuantity: number(record, 'suggested_quantity'),
      supplyQuantity: number(record, 'actualQuan'),
      availableStockOnHand: number(record, 'stock_on_hand'),
      averageDailyUsage: number(record, 'daily_usage'),
      approvedQuantity: number(record, 'approved_quantity'),
      approvalComment: requiredOptionalText(record, 'authoriser_comment'),
      comment: requiredOptionalText(record, 'comment'),
      snapshotDatetime: requiredOptionalDateTime(record, 'om_snapshot_datetime'),
      initialStockOnHand: number(record, 'Cust_prev_stock_balance'),
      incomingUnits: number(record, 'Cust_stock_received'),
      outgoingUnits: number(record, 'Cust_stock_issued'),
      lossInUnits: number(record, 'stockLosses'),
      additionInUnits: number(record, 'stockAdditions'),
      expiringUnits: number(record, 'stockExpiring'),
      daysOutOfStock: number(record, 'days_out_or_new_demand'),
      reasonId: requiredOptionalText(record, 'optionID'),
      lossAdjustment: number(record, 'Cust_loss_adjust'),
      rnrFormLineId: optionalText(oms, 'rnr_form_line_id'),
      expiryDate: optionalDate(oms, 'expiry_date'),
      availableVolume: optionalNumber(oms, 'available_volume'),
      locationTypeId: optionalText(oms, 'location_type_id'),
    };
  },
  toWire: (row) => ({
    ID: row.id,
    requisition_ID: row.requisitionId,
    item_ID: row.itemId,
    itemName: row.itemName,
    Cust_stock_order: row.requestedQuantity,
    suggested_quantity: row.suggestedQuantity,
    actualQuan: row.supplyQuantity,
    stock_on_hand: row.availableStockOnHand,
    daily_usage: row.averageDailyUsage,
    approved_quantity: row.approvedQuantity,
    authoriser_comment: row.approvalComment,
    comment: row.comment,
    om_snapshot_datetime: row.snapshotDatetime,
    Cust_prev_stock_balance: row.initialStockOnHand,
    Cust_stock_received: row.incomingUnits,
    Cust_stock_issued: row.outgoingUnits,
    stockLosses: row.lossInUnits,
    stockAdditions: row.additionInUnits,
    stockExpiring: row.expiringUnits,
    days_out_or_new_demand: row.daysOutOfStock,
    optionID: row.reasonId,
    Cust_loss_adjust: row.lossAdjustment,
    // oms_fields is Open mSupply's own JSON: its dates are plain `YYYY-MM-DD`.
    oms_fields: {
      rnr_form_line_id: row.rnrFormLineId,
      expiry_date: row.expiryDate,
      available_volume: row.availableVolume,
      location_type_id: row.locationTypeId,
    },
  }),
  // Lines have no store column: like invoice lines they are logged store-less.
  storeIdOf: () => null,
};
