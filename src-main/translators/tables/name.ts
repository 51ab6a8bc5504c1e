// `name` (v5 central data): every party a store deals with — facilities, suppliers, patients and the
// stores' own names (reference §10.4).
import { EntitySchema } from 'typeorm';
import {
  boolean,
  dateToLegacy,
  id,
  optionalDate,
  optionalNumber,
  optionalText,
  requiredOptionalDate,
  requiredOptionalDateTime,
  requiredOptionalText,
  text,
} from '../fields';
import type { SyncedRow, TableTranslator } from '../types';
import { syncedColumns } from '../synced-columns';

export interface Name extends SyncedRow {
  name: string;
  code: string;
  /**
   * Kept as received: `facility`, `patient`, `build`, `invad`, `repack`, `store`, and anything else
   * means "others" (a catch-all, so no value fails the record).
   */
  type: string;
  isCustomer: boolean;
  isSupplier: boolean;
  supplyingStoreId: string | null;
  firstName: string | null;
  lastName: string | null;
  isFemale: boolean;
  dateOfBirth: string | null;
  phone: string | null;
  chargeCode: string | null;
  comment: string | null;
  country: string | null;
  address1: string | null;
  address2: string | null;
  email: string | null;
  website: string | null;
  isManufacturer: boolean;
  isDonor: boolean;
  isOnHold: boolean;
  nextOfKinId: string | null;
  nextOfKinName: string | null;
  createdDate: string | null;
  nationalHealthNumber: string | null;
  isDeceased: boolean;
  createdDatetime: string | null;
  /** `om_gender` as sent (`FEMALE`, …); left empty rather than derived from `female`. */
  gender: string | null;
  dateOfDeath: string | null;
  hshCode: string | null;
  hshName: string | null;
  margin: number | null;
  freightFactor: number | null;
  currencyId: string | null;
}

export const NameEntity = new EntitySchema<Name>({
  name: 'Name',
  tableName: 'name',
  columns: {
    ...syncedColumns,
    name: { type: 'text' },
    code: { type: 'text' },
    type: { type: 'text' },
    isCustomer: { name: 'is_customer', type: 'boolean' },
    isSupplier: { name: 'is_supplier', type: 'boolean' },
    supplyingStoreId: { name: 'supplying_store_id', type: 'text', nullable: true },
    firstName: { name: 'first_name', type: 'text', nullable: true },
    lastName: { name: 'last_name', type: 'text', nullable: true },
    isFemale: { name: 'is_female', type: 'boolean' },
    dateOfBirth: { name: 'date_of_birth', type: 'text', nullable: true },
    phone: { type: 'text', nullable: true },
    chargeCode: { name: 'charge_code', type: 'text', nullable: true },
    comment: { type: 'text', nullable: true },
    country: { type: 'text', nullable: true },
    address1: { type: 'text', nullable: true },
    address2: { type: 'text', nullable: true },
    email: { type: 'text', nullable: true },
    website: { type: 'text', nullable: true },
    isManufacturer: { name: 'is_manufacturer', type: 'boolean' },
    isDonor: { name: 'is_donor', type: 'boolean' },
    isOnHold: { name: 'is_on_hold', type: 'boolean' },
    nextOfKinId: { name: 'next_of_kin_id', type: 'text', nullable: true },
    nextOfKinName: { name: 'next_of_kin_name', type: 'text', nullable: true },
    createdDate: { name: 'created_date', type: 'text', nullable: true },
    nationalHealthNumber: { name: 'national_health_number', type: 'text', nullable: true },
    isDeceased: { name: 'is_deceased', type: 'boolean' },
    createdDatetime: { name: 'created_datetime', type: 'text', nullable: true },
    gender: { type: 'text', nullable: true },
    dateOfDeath: { name: 'date_of_death', type: 'text', nullable: true },
    hshCode: { name: 'hsh_code', type: 'text', nullable: true },
    hshName: { name: 'hsh_name', type: 'text', nullable: true },
    margin: { type: 'real', nullable: true },
    freightFactor: { name: 'freight_factor', type: 'real', nullable: true },
    currencyId: { name: 'currency_id', type: 'text', nullable: true },
  },
});

export const nameTranslator: TableTranslator<Name> = {
  table: 'name',
  api: 'v5',
  entity: NameEntity,
  pullDependencies: ['currency'],
  // supplying_store_id and NEXT_OF_KIN_ID are not checked: stores integrate after names, and next of
  // kin are names of the same batch, so checking them here would blank valid links.
  references: [{ field: 'currencyId', table: 'currency', required: false }],
  pushable: false,
  fromWire: (record) => ({
    id: id(record, 'ID'),
    name: text(record, 'name'),
    code: text(record, 'code'),
    type: text(record, 'type'),
    isCustomer: boolean(record, 'customer'),
    isSupplier: boolean(record, 'supplier'),
    supplyingStoreId: requiredOptionalText(record, 'supplying_store_id'),
    firstName: requiredOptionalText(record, 'first'),
    lastName: requiredOptionalText(record, 'last'),
    isFemale: boolean(record, 'female'),
    dateOfBirth: requiredOptionalDate(record, 'date_of_birth'),
    phone: requiredOptionalText(record, 'phone'),
    chargeCode: requiredOptionalText(record, 'charge code'),
    comment: requiredOptionalText(record, 'comment'),
    country: requiredOptionalText(record, 'country'),
    address1: requiredOptionalText(record, 'bill_address1'),
    address2: requiredOptionalText(record, 'bill_address2'),
    email: requiredOptionalText(record, 'email'),
    website: requiredOptionalText(record, 'url'),
    isManufacturer: boolean(record, 'manufacturer'),
    isDonor: boolean(record, 'donor'),
    isOnHold: boolean(record, 'hold'),
    nextOfKinId: requiredOptionalText(record, 'NEXT_OF_KIN_ID'),
    nextOfKinName: requiredOptionalText(record, 'next_of_kin_relative'),
    createdDate: requiredOptionalDate(record, 'created_date'),
    nationalHealthNumber: requiredOptionalText(record, 'national_health_number'),
    isDeceased: boolean(record, 'isDeceased'),
    createdDatetime: requiredOptionalDateTime(record, 'om_created_datetime'),
    gender: requiredOptionalText(record, 'om_gender'),
    dateOfDeath: optionalDate(record, 'om_date_of_death'),
    hshCode: optionalText(record, 'HSH_code'),
    hshName: optionalText(record, 'HSH_name'),
    margin: optionalNumber(record, 'margin'),
    freightFactor: optionalNumber(record, 'freightfac'),
    currencyId: optionalText(record, 'currency_ID'),
  }),
  toWire: (row) => ({
    ID: row.id,
    name: row.name,
    code: row.code,
    type: row.type,
    customer: row.isCustomer,
    supplier: row.isSupplier,
    supplying_store_id: row.supplyingStoreId,
    first: row.firstName,
    last: row.lastName,
    female: row.isFemale,
    date_of_birth: dateToLegacy(row.dateOfBirth),
    phone: row.phone,
    'charge code': row.chargeCode,
    comment: row.comment,
    country: row.country,
    bill_address1: row.address1,
    bill_address2: row.address2,
    email: row.email,
    url: row.website,
    manufacturer: row.isManufacturer,
    donor: row.isDonor,
    hold: row.isOnHold,
    NEXT_OF_KIN_ID: row.nextOfKinId,
    next_of_kin_relative: row.nextOfKinName,
    created_date: dateToLegacy(row.createdDate),
    national_health_number: row.nationalHealthNumber,
    isDeceased: row.isDeceased,
    om_created_datetime: row.createdDatetime,
    om_gender: row.gender,
    om_date_of_death: dateToLegacy(row.dateOfDeath),
    HSH_code: row.hshCode,
    HSH_name: row.hshName,
    margin: row.margin,
    freightfac: row.freightFactor,
    currency_ID: row.currencyId,
  }),
  storeIdOf: () => null,
};
