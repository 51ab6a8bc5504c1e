// `list_master` (v5 central data): master lists — item lists, price lists and programs
// (reference §10.10).
import { EntitySchema } from 'typeorm';
import { id, optionalBoolean, optionalNumber, requiredOptionalText, text } from '../fields';
import type { SyncedRow, TableTranslator } from '../types';
import { syncedColumns } from '../synced-columns';

export interface MasterList extends SyncedRow {
  name: string;
  code: string | null;
  description: string | null;
  isActive: boolean;
  isDefaultPriceList: boolean | null;
  discountPercentage: number | null;
}

export const MasterListEntity = new EntitySchema<MasterList>({
  name: 'MasterList',
  tableName: 'master_list',
  columns: {
    ...syncedColumns,
    name: { type: 'text' },
    code: { type: 'text', nullable: true },
    description: { type: 'text', nullable: true },
    isActive: { name: 'is_active', type: 'boolean' },
    isDefaultPriceList: { name: 'is_default_price_list', type: 'boolean', nullable: true },
    discountPercentage: { name: 'discount_percentage', type: 'real', nullable: true },
  },
});

export const masterListTranslator: TableTranslator<MasterList> = {
  table: 'list_master',
  api: 'v5',
  entity: MasterListEntity,
  // The reference's name_tag / periodSchedule dependencies belong to the program-settings translator
  // (it reads `programSettings`); this one does not.
  pullDependencies: [],
  references: [],
  pushable: false,
  fromWire: (record) => ({
    id: id(record, 'ID'),
    // Legacy `description` is the list's name, `note` its description.
    name: text(record, 'description'),
    code: requiredOptionalText(record, 'code'),
    description: requiredOptionalText(record, 'note'),
    // Older centrals do not send `inactive`: such lists are active.
    isActive: !(optionalBoolean(record, 'inactive') ?? false),
    isDefaultPriceList: optionalBoolean(record, 'is_default_price_list'),
    discountPercentage: optionalNumber(record, 'discount_percentage'),
  }),
  toWire: (row) => ({
    ID: row.id,
    description: row.name,
    code: row.code,
    note: row.description,
    inactive: !row.isActive,
    is_default_price_list: row.isDefaultPriceList,
    discount_percentage: row.discountPercentage,
  }),
  storeIdOf: () => null,
};
