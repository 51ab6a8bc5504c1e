// Which columns of the demo tables point at which table, and a check that every such reference resolves.
import type { LegacyRow, RecordsByTable } from './types';

/** table → column → referenced table. `""` and `null` mean "none" (legacy convention). */
export const FOREIGN_KEYS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  item: { unit_ID: 'unit', category_ID: 'item_category', restricted_location_type_ID: 'Location_type' },
  name: { currency_ID: 'currency', NEXT_OF_KIN_ID: 'name', supplying_store_id: 'store' },
  store: { name_ID: 'name' },
  list_master_line: { item_master_ID: 'list_master', item_ID: 'item' },
  list_master_name_join: { name_ID: 'name', list_master_ID: 'list_master' },
  name_store_join: { name_ID: 'name', store_ID: 'store' },
  Location: { store_ID: 'store', type_ID: 'Location_type' },
  item_line: {
    item_ID: 'item',
    store_ID: 'store',
    name_ID: 'name',
    location_ID: 'Location',
    donor_id: 'name',
    manufacturer_ID: 'name',
    barcodeID: 'barcode',
    vvm_status_id: 'vaccine_vial_monitor_status',
  },
  transact: {
    name_ID: 'name',
    store_ID: 'store',
    currency_ID: 'currency',
    requisition_ID: 'requisition',
    linked_transaction_id: 'transact',
    prescriber_ID: 'clinician',
    nameInsuranceJoinID: 'nameInsuranceJoin',
    donor_default_id: 'name',
    ship_method_ID: 'ship_method',
    original_PO_ID: 'purchase_order',
    goods_received_ID: 'Goods_received',
  },
  trans_line: {
    transaction_ID: 'transact',
    item_ID: 'item',
    item_line_ID: 'item_line',
    location_ID: 'Location',
    optionID: 'options',
    donor_id: 'name',
    linked_transact_id: 'transact',
    vaccine_vial_monitor_status_ID: 'vaccine_vial_monitor_status',
  },
  requisition: {
    name_ID: 'name',
    store_ID: 'store',
    linked_requisition_id: 'requisition',
    periodID: 'period',
    programID: 'list_master',
  },
  requisition_line: { requisition_ID: 'requisition', item_ID: 'item', optionID: 'options' },
  Stock_take: {
    store_ID: 'store',
    invad_additions_ID: 'transact',
    invad_reductions_ID: 'transact',
    programID: 'list_master',
  },
  Stock_take_lines: {
    stock_take_ID: 'Stock_take',
    item_ID: 'item',
    item_line_ID: 'item_line',
    location_id: 'Location',
    donor_ID: 'name',
  },
  sensor: { storeID: 'store', locationID: 'Location' },
  temperature_breach: { sensor_ID: 'sensor', store_ID: 'store', location_ID: 'Location' },
  temperature_log: {
    sensor_ID: 'sensor',
    store_ID: 'store',
    location_ID: 'Location',
    temperature_breach_ID: 'temperature_breach',
  },
  asset_category: { class_id: 'asset_class' },
  asset_catalogue_type: { category_id: 'asset_category' },
  asset_catalogue_item: {
    class_id: 'asset_class',
    category_id: 'asset_category',
    type_id: 'asset_catalogue_type',
  },
  asset: {
    store_id: 'store',
    catalogue_item_id: 'asset_catalogue_item',
    asset_category_id: 'asset_category',
    asset_class_id: 'asset_class',
    asset_type_id: 'asset_catalogue_type',
    donor_name_id: 'name',
  },
  asset_log: { asset_id: 'asset', reason_id: 'asset_log_reason' },
};

export interface DanglingReference {
  table: string;
  row: LegacyRow;
  column: string;
  target: string;
  value: unknown;
}

/** A row's primary key: legacy rows use `ID`, v6 rows `id`. */
export function rowId(row: LegacyRow): string {
  const id = row.ID ?? row.id;
  return typeof id === 'string' ? id : '';
}

function idsByTable(sources: readonly RecordsByTable[]): Map<string, Set<string>> {
  const ids = new Map<string, Set<string>>();
  for (const source of sources) {
    for (const [table, rows] of Object.entries(source)) {
      let set = ids.get(table);
      if (!set) ids.set(table, (set = new Set()));
      for (const row of rows) set.add(rowId(row));
    }
  }
  return ids;
}

/** Every reference in `records` that names no row of `records` or of `alsoKnown`. */
export function findDanglingReferences(
  records: RecordsByTable,
  ...alsoKnown: readonly RecordsByTable[]
): DanglingReference[] {
  const ids = idsByTable([records, ...alsoKnown]);
  const dangling: DanglingReference[] = [];
  for (const [table, rows] of Object.entries(records)) {
    const keys = Object.entries(FOREIGN_KEYS[table] ?? {});
    for (const row of rows) {
      for (const [column, target] of keys) {
        const value = row[column];
        if (value === '' || value === null || value === undefined) continue;
        if (typeof value !== 'string' || !ids.get(target)?.has(value)) {
          dangling.push({ table, row, column, target, value });
        }
      }
    }
  }
  return dangling;
}
