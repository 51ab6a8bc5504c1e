// `requisition` (v5, store-owned): requests to a supplier and responses to a customer, imprest and
// stock-history forms (reference §10.9).
import { EntitySchema } from 'typeorm';
import {
  date,
  dateToLegacy,
  id,
  integer,
  number,
  omsFields,
  optionalBoolean,
  optionalDate,
  optionalDateTime,
  optionalNumber,
  optionalText,
  requiredOptionalOneOf,
  requiredOptionalText,
  text,
} from '../fields';
import { IgnoredRecord, type SyncedRow, type TableTranslator } from '../types';
import { syncedColumns } from '../synced-columns';

/** `type` and `status` have a catch-all (`supply`, `report`, …): other values are ignored. */
const SUPPORTED_TYPES = ['request', 'response', 'im', 'sh'];
const SUPPORTED_STATUSES = ['sg', 'cn', 'fn', 'nw'];

/** No catch-all: an unexpected value fails the record (`""` means none). */
export const AUTHORISATION_STATUSES = [
  'none',
  'pending',
  'authorised',
  'denied',
  'auto-authorised',
  'authorised by another authoriser',
  'denied by another authoriser',
] as const;
export type AuthorisationStatus = (typeof AUTHORISATION_STATUSES)[number];

export interface Requisition extends SyncedRow {
  requisitionNumber: number;
  /** The other party: the supplier of a request, the customer of a response. */
  nameId: string;
  storeId: string;
  /** Legacy `type` and `status`, kept as received (one of the supported ones). */
  type: string;
  status: string;
  userId: string | null;
  createdDate: string;
  /** Unix seconds; the sent/finalised time of a finalised requisition. */
  lastModifiedAt: number;
  theirReference: string | null;
  linkedRequisitionId: string | null;
  minMonthsOfStock: number;
  daysToSupply: number;
  comment: string | null;
  authorisationStatus: AuthorisationStatus | null;
  orderType: string | null;
  periodId: string | null;
  programId: string | null;
  createdDatetime: string | null;
  sentDatetime: string | null;
  finalisedDatetime: string | null;
  expectedDeliveryDate: string | null;
  maxMonthsOfStock: number | null;
  omStatus: string | null;
  colour: string | null;
  isEmergency: boolean | null;
  createdFromRequisitionId: string | null;
  originalCustomerId: string | null;
}

export const RequisitionEntity = new EntitySchema<Requisition>({
  name: 'Requisition',
  tableName: 'requisition',
  columns: {
    ...syncedColumns,
    requisitionNumber: { name: 'requisition_number', type: 'integer' },
    nameId: { name: 'name_id', type: 'text' },
    storeId: { name: 'store_id', type: 'text' },
    type: { type: 'text' },
    status: { type: 'text' },
    userId: { name: 'user_id', type: 'text', nullable: true },
    createdDate: { name: 'created_date', type: 'text' },
    lastModifiedAt: { name: 'last_modified_at', type: 'integer' },
    theirReference: { name: 'their_reference', type: 'text', nullable: true },
    linkedRequisitionId: { name: 'linked_requisition_id', type: 'text', nullable: true },
    minMonthsOfStock: { name: 'min_months_of_stock', type: 'real' },
    daysToSupply: { name: 'days_to_supply', type: 'integer' },
    comment: { type: 'text', nullable: true },
    authorisationStatus: { name: 'authorisation_status', type: 'text', nullable: true },
    orderType: { name: 'order_type', type: 'text', nullable: true },
    periodId: { name: 'period_id', type: 'text', nullable: true },
    programId: { name: 'program_id', type: 'text', nullable: true },
    createdDatetime: { name: 'created_datetime', type: 'text', nullable: true },
    sentDatetime: { name: 'sent_datetime', type: 'text', nullable: true },
    finalisedDatetime: { name: 'finalised_datetime', type: 'text', nullable: true },
    expectedDeliveryDate: { name: 'expected_delivery_date', type: 'text', nullable: true },
    maxMonthsOfStock: { name: 'max_months_of_stock', type: 'real', nullable: true },
    omStatus: { name: 'om_status', type: 'text', nullable: true },
    colour: { type: 'text', nullable: true },
    isEmergency: { name: 'is_emergency', type: 'boolean', nullable: true },
    createdFromRequisitionId: { name: 'created_from_requisition_id', type: 'text', nullable: true },
    originalCustomerId: { name: 'original_customer_id', type: 'text', nullable: true },
  },
  indices: [{ name: 'requisition_by_store', columns: ['storeId'] }],
});

export const requisitionTranslator: TableTranslator<Requisition> = {
  table: 'requisition',
  api: 'v5',
  entity: RequisitionEntity,
  pullDependencies: ['name', 'store', 'period', 'list_master'],
  // The linked requisition is the other store's, usually on another site: not checked. The original
  // customer is Open mSupply's own note of who asked, kept as sent.
  references: [
    { field: 'nameId', table: 'name', required: true },
    { field: 'storeId', table: 'store', required: true },
    { field: 'periodId', table: 'period', required: false },
    { field: 'programId', table: 'list_master', required: false },
  ],
  pushable: true,
  fromWire: (record) => {
    const oms = omsFields(record);
    const row = {
      id: id(record, 'ID'),
      requisitionNumber: integer(record, 'serial_number'),
      nameId: id(record, 'name_ID'),
      storeId: id(record, 'store_ID'),
      type: text(record, 'type'),
      status: text(record, 'status'),
      userId: requiredOptionalText(record, 'user_ID'),
      createdDate: date(record, 'date_entered'),
      lastModifiedAt: integer(record, 'lastModifiedAt'),
      theirReference: requiredOptionalText(record, 'requester_reference'),
      linkedRequisitionId: requiredOptionalText(record, 'linked_requisition_id'),
      minMonthsOfStock: number(record, 'thresholdMOS'),
      daysToSupply: integer(record, 'daysToSupply'),
      comment: requiredOptionalText(record, 'comment'),
      authorisationStatus: requiredOptionalOneOf(record, 'authorisationStatus', AUTHORISATION_STATUSES),
      orderType: requiredOptionalText(record, 'orderType'),
      periodId: requiredOptionalText(record, 'periodID'),
      programId: requiredOptionalText(record, 'programID'),
      createdDatetime: optionalDateTime(record, 'om_created_datetime'),
      sentDatetime: optionalDateTime(record, 'om_sent_datetime'),
      finalisedDatetime: optionalDateTime(record, 'om_finalised_datetime'),
      expectedDeliveryDate: optionalDate(record, 'om_expected_delivery_date'),
      maxMonthsOfStock: optionalNumber(record, 'om_max_months_of_stock'),
      omStatus: optionalText(record, 'om_status'),
      colour: optionalText(record, 'om_colour'),
      isEmergency: optionalBoolean(record, 'is_emergency'),
      createdFromRequisitionId: optionalText(oms, 'created_from_requisition_id'),
      originalCustomerId: optionalText(oms, 'original_customer_id'),
    };
    if (!SUPPORTED_TYPES.includes(row.type))
      throw new IgnoredRecord(`requisition type "${row.type}" is not handled`);
    if (!SUPPORTED_STATUSES.includes(row.status))
      throw new IgnoredRecord(`requisition status "${row.status}" is not handled`);
    return row;
  },
  toWire: (row) => ({
    ID: row.id,
    serial_number: row.requisitionNumber,
    name_ID: row.nameId,
    store_ID: row.storeId,
    type: row.type,
    status: row.status,
    user_ID: row.userId,
    date_entered: dateToLegacy(row.createdDate),
    lastModifiedAt: row.lastModifiedAt,
    requester_reference: row.theirReference,
    linked_requisition_id: row.linkedRequisitionId,
    thresholdMOS: row.minMonthsOfStock,
    daysToSupply: row.daysToSupply,
    comment: row.comment,
    // The wire's "none" is the empty string, not null (§10.9 lists `""` among the values).
    authorisationStatus: row.authorisationStatus ?? '',
    orderType: row.orderType,
    periodID: row.periodId,
    programID: row.programId,
    om_created_datetime: row.createdDatetime,
    om_sent_datetime: row.sentDatetime,
    om_finalised_datetime: row.finalisedDatetime,
    om_expected_delivery_date: dateToLegacy(row.expectedDeliveryDate),
    om_max_months_of_stock: row.maxMonthsOfStock,
    om_status: row.omStatus,
    om_colour: row.colour,
    is_emergency: row.isEmergency,
    oms_fields: {
      created_from_requisition_id: row.createdFromRequisitionId,
      original_customer_id: row.originalCustomerId,
    },
  }),
  storeIdOf: (row) => row.storeId,
};
