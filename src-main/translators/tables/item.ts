// `item` (v5 central data): the products a store can hold (reference §10.3).
import { EntitySchema } from 'typeorm';
import { boolean, id, integer, number, oneOf, requiredOptionalText, text } from '../fields';
import { TranslationError, type SyncedRow, type TableTranslator, type WireRecord } from '../types';
import { syncedColumns } from '../synced-columns';

/** `general` is a stock item; no catch-all, so anything else fails the record. */
export const ITEM_TYPES = ['general', 'non_stock', 'service'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

const VEN_CATEGORIES = ['V', 'E', 'N'] as const;

export interface Item extends SyncedRow {
  name: string;
  code: string;
  unitId: string | null;
  type: ItemType;
  defaultPackSize: number;
  isVaccine: boolean;
  /** Vital / Essential / Necessary; `""` on the wire means none. */
  venCategory: string | null;
  strength: string | null;
  doses: number;
  categoryId: string | null;
  restrictedLocationTypeId: string | null;
  volumePerPack: number;
  universalCode: string | null;
}

export const ItemEntity = new EntitySchema<Item>({
  name: 'Item',
  tableName: 'item',
  columns: {
    ...syncedColumns,
    name: { type: 'text' },
    code: { type: 'text' },
    unitId: { name: 'unit_id', type: 'text', nullable: true },
    type: { type: 'text' },
    defaultPackSize: { name: 'default_pack_size', type: 'real' },
    isVaccine: { name: 'is_vaccine', type: 'boolean' },
    venCategory: { name: 'ven_category', type: 'text', nullable: true },
    strength: { type: 'text', nullable: true },
    doses: { type: 'integer' },
    categoryId: { name: 'category_id', type: 'text', nullable: true },
    restrictedLocationTypeId: { name: 'restricted_location_type_id', type: 'text', nullable: true },
    volumePerPack: { name: 'volume_per_pack', type: 'real' },
    universalCode: { name: 'universal_code', type: 'text', nullable: true },
  },
});

/** `VEN_category` is an enumeration without a catch-all whose empty value means none. */
function venCategory(record: WireRecord): string | null {
  const value = requiredOptionalText(record, 'VEN_category');
  if (value !== null && !(VEN_CATEGORIES as readonly string[]).includes(value)) {
    throw new TranslationError('VEN_category', `must be one of "V", "E", "N" or "", got "${value}"`);
  }
  return value;
}

export const itemTranslator: TableTranslator<Item> = {
  table: 'item',
  api: 'v5',
  entity: ItemEntity,
  pullDependencies: [
    'unit',
    'Location_type',
    'item_category',
    'item_category_level1',
    'item_category_level2',
  ],
  references: [
    { field: 'unitId', table: 'unit', required: false },
    { field: 'restrictedLocationTypeId', table: 'Location_type', required: false },
  ],
  pushable: false,
  fromWire: (record) => ({
    id: id(record, 'ID'),
    name: text(record, 'item_name'),
    code: text(record, 'code'),
    unitId: requiredOptionalText(record, 'unit_ID'),
    type: oneOf(record, 'type_of', ITEM_TYPES),
    defaultPackSize: number(record, 'default_pack_size'),
    isVaccine: boolean(record, 'is_vaccine'),
    venCategory: venCategory(record),
    strength: requiredOptionalText(record, 'strength'),
    doses: integer(record, 'doses'),
    categoryId: requiredOptionalText(record, 'category_ID'),
    restrictedLocationTypeId: requiredOptionalText(record, 'restricted_location_type_ID'),
    volumePerPack: number(record, 'volume_per_pack'),
    universalCode: requiredOptionalText(record, 'universalcodes_code'),
  }),
  toWire: (row) => ({
    ID: row.id,
    item_name: row.name,
    code: row.code,
    unit_ID: row.unitId,
    type_of: row.type,
    default_pack_size: row.defaultPackSize,
    is_vaccine: row.isVaccine,
    VEN_category: row.venCategory,
    strength: row.strength,
    doses: row.doses,
    category_ID: row.categoryId,
    restricted_location_type_ID: row.restrictedLocationTypeId,
    volume_per_pack: row.volumePerPack,
    universalcodes_code: row.universalCode,
  }),
  storeIdOf: () => null,
};
