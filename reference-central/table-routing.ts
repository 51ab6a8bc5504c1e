// Which API a table travels over, who receives its records, and in which order tables integrate.

/** How the v6 (Open mSupply) central routes a table; see reference/v6-oms-central-api.md §10.2. */
export type OmsSyncStyle = 'central' | 'remote' | 'remote-and-central' | 'file' | 'remote-to-central';

const OMS_TABLES: Readonly<Record<string, OmsSyncStyle>> = {
  asset: 'remote',
  asset_internal_location: 'remote',
  asset_log: 'remote',
  rnr_form: 'remote',
  rnr_form_line: 'remote',
  vaccination: 'remote',
  sync_file_reference: 'file',
  plugin_data: 'remote-and-central',
  preference: 'remote-and-central',
  contact_form: 'remote-to-central',
  system_log: 'remote-to-central',
  name_oms_fields: 'central',
  ancillary_item: 'central',
  asset_catalogue_item: 'central',
  asset_catalogue_type: 'central',
  asset_category: 'central',
  asset_class: 'central',
  asset_log_reason: 'central',
  asset_property: 'central',
  backend_plugin: 'central',
  frontend_plugin: 'central',
  campaign: 'central',
  demographic: 'central',
  item_variant: 'central',
  packaging_variant: 'central',
  name_property: 'central',
  property: 'central',
  om_form_schema: 'central',
  om_report: 'central',
  vaccine_course: 'central',
  vaccine_course_dose: 'central',
  vaccine_course_item: 'central',
  vaccine_course_store_config: 'central',
};

export function omsTablesOfStyle(...styles: OmsSyncStyle[]): string[] {
  return Object.entries(OMS_TABLES)
    .filter(([, style]) => styles.includes(style))
    .map(([table]) => table);
}

/** v6 tables whose deletes the central sends as "Delete" records (others are dropped). */
export const OMS_DELETE_TABLES: ReadonlySet<string> = new Set(['asset', 'asset_internal_location']);

/** A store-owned table whose store is found through its parent record. */
interface ParentLink {
  parentTable: string;
  parentKey: string;
}

/** v5 tables owned by a store: they travel through site queues, never the central change log. */
const V5_REMOTE_TABLES: Readonly<Record<string, ParentLink | 'own-store'>> = {
  transact: 'own-store',
  trans_line: { parentTable: 'transact', parentKey: 'transaction_ID' },
  item_line: 'own-store',
  Location: 'own-store',
  location_movement: 'own-store',
  Stock_take: 'own-store',
  Stock_take_lines: { parentTable: 'Stock_take', parentKey: 'stock_take_ID' },
  requisition: 'own-store',
  requisition_line: { parentTable: 'requisition', parentKey: 'requisition_ID' },
  Goods_received: 'own-store',
  Goods_received_line: { parentTable: 'Goods_received', parentKey: 'goods_received_ID' },
  purchase_order: 'own-store',
  purchase_order_line: { parentTable: 'purchase_order', parentKey: 'purchase_order_ID' },
  name_store_join: 'own-store',
  item_store_join: 'own-store',
  clinician: 'own-store',
  clinician_store_join: 'own-store',
  om_activity_log: 'own-store',
  om_user_permission: 'own-store',
  om_document: 'own-store',
  indicator_value: 'own-store',
  pref: 'own-store',
  sensor: 'own-store',
  temperature_breach: 'own-store',
  temperature_log: 'own-store',
  vaccine_vial_monitor_status_log: 'own-store',
};

const OMS_PARENT_LINKS: Readonly<Record<string, ParentLink>> = {
  asset_log: { parentTable: 'asset', parentKey: 'asset_id' },
  asset_internal_location: { parentTable: 'asset', parentKey: 'asset_id' },
  rnr_form_line: { parentTable: 'rnr_form', parentKey: 'rnr_form_id' },
};

export type TableRoute =
  | { api: 'v5'; kind: 'central' }
  | { api: 'v5'; kind: 'remote'; parent?: ParentLink }
  | { api: 'v6'; style: OmsSyncStyle; parent?: ParentLink };

export function routeOf(tableName: string): TableRoute {
  const style = OMS_TABLES[tableName];
  if (style) return { api: 'v6', style, parent: OMS_PARENT_LINKS[tableName] };
  const remote = V5_REMOTE_TABLES[tableName];
  if (remote === 'own-store') return { api: 'v5', kind: 'remote' };
  if (remote) return { api: 'v5', kind: 'remote', parent: remote };
  return { api: 'v5', kind: 'central' };
}

export function isV5RemoteTable(tableName: string): boolean {
  const route = routeOf(tableName);
  return route.api === 'v5' && route.kind === 'remote';
}

/** Tables the fixture file names by source file only (its `legacyTable` is null). */
export const FIXTURE_TABLE_NAMES: Readonly<Record<string, string>> = {
  clinician: 'clinician',
  item_category: 'item_category',
  item_direction: 'item_direction',
  master_list_line: 'list_master_line',
  reason: 'options',
};

/** Integration layers from reference/v5-legacy-central-api.md §9 (parents before children). */
const LAYERS: readonly (readonly string[])[] = [
  [
    'Location_type',
    'abbreviation',
    'asset_class',
    'asset_log_reason',
    'backend_plugin',
    'campaign',
    'currency',
    'demographic',
    'diagnosis',
    'encounter',
    'form_schema',
    'frontend_plugin',
    'insuranceProvider',
    'item_category',
    'item_category_level1',
    'item_category_level2',
    'name_tag',
    'om_form_schema',
    'options',
    'periodSchedule',
    'pref',
    'property',
    'ship_method',
    'system_log',
    'unit',
    'user',
    'vaccine_vial_monitor_status',
    'warning',
  ],
  ['asset_category', 'item', 'list_master', 'name', 'name_property', 'om_report', 'period'],
  [
    'ancillary_item',
    'asset_catalogue_type',
    'barcode',
    'contact',
    'item_direction',
    'item_variant',
    'item_warning_link',
    'list_master_line',
    'list_master_name_join',
    'nameInsuranceJoin',
    'name_oms_fields',
    'name_tag_join',
    'om_document_registry',
    'program_indicator',
    'store',
    'vaccine_course',
  ],
  [
    'Location',
    'asset_catalogue_item',
    'asset_property',
    'clinician',
    'contact_form',
    'indicator_attribute',
    'message',
    'name_store_join',
    'om_activity_log',
    'om_document',
    'om_user_permission',
    'packaging_variant',
    'plugin_data',
    'preference',
    'purchase_order',
    'requisition',
    'vaccine_course_dose',
    'vaccine_course_item',
    'vaccine_course_store_config',
  ],
  [
    'asset',
    'clinician_store_join',
    'indicator_value',
    'item_line',
    'item_store_join',
    'purchase_order_line',
    'requisition_line',
    'rnr_form',
    'sensor',
    'transact',
  ],
  [
    'Goods_received',
    'Stock_take',
    'asset_internal_location',
    'asset_log',
    'location_movement',
    'rnr_form_line',
    'sync_file_reference',
    'temperature_breach',
    'trans_line',
  ],
  [
    'Goods_received_line',
    'Stock_take_lines',
    'temperature_log',
    'vaccination',
    'vaccine_vial_monitor_status_log',
  ],
];

const LAYER_OF: ReadonlyMap<string, number> = new Map(
  LAYERS.flatMap((tables, layer) => tables.map((table) => [table, layer] as const)),
);

/** Unknown tables integrate last: they can depend on anything and nothing depends on them. */
export function layerOf(tableName: string): number {
  return LAYER_OF.get(tableName) ?? LAYERS.length;
}

/** The record's primary key: legacy rows use `ID`, v6 rows `id`. */
export function recordIdOf(row: Record<string, unknown>): string | undefined {
  const id = row.ID ?? row.id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** The store a row names itself (`store_ID`, `storeID`, `store_id`), or undefined. */
export function ownStoreOf(row: Record<string, unknown>): string | undefined {
  for (const [key, value] of Object.entries(row)) {
    const normalised = key.toLowerCase();
    if (
      (normalised === 'store_id' || normalised === 'storeid') &&
      typeof value === 'string' &&
      value !== ''
    ) {
      return value;
    }
  }
  return undefined;
}
