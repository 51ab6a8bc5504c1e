// PROTOCOL.md §2: the real records of ../shared/fixtures/legacy-records.json load into the central
// and travel unchanged — central tables through central_records, store_a's records through the queue
// of the site owning store_a, v6 tables through the v6 pull.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addSite,
  admin,
  allCentralRecords,
  initialise,
  pullQueue,
  REPO_ROOT,
  startCentral,
  v6PullAll,
  type Central,
  type CentralRecord,
  type QueuedRecord,
  type Row,
  type TestSite,
  type V6Record,
  ADMIN_HEAVY,
} from './harness';

const FIXTURE_FILE = path.resolve(REPO_ROOT, '..', 'shared', 'fixtures', 'legacy-records.json');
const SITE_STORE = 'store_a';

type Fixture = Record<string, { legacyTable: string | null; records: Row[] }>;

/** Fixture entries without a `legacyTable` are named by their source file. */
const SOURCE_FILE_TABLES: Record<string, string> = {
  master_list_line: 'list_master_line',
  reason: 'options',
};

/** v6 tables and their routing style (reference/v6-oms-central-api.md §10.2, §11.1). */
const V6_STYLE: Record<
  string,
  'central' | 'remote' | 'remote-and-central' | 'file' | 'remote-to-central' | 'patient'
> = {
  asset: 'remote',
  asset_internal_location: 'remote',
  asset_log: 'remote',
  rnr_form: 'remote',
  rnr_form_line: 'remote',
  vaccination: 'patient',
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

/** v5 tables owned by a store named in the row (docs/REFERENCE-CENTRAL.md "How tables travel"). */
const V5_STORE_OWNED = new Set([
  'transact',
  'item_line',
  'Location',
  'location_movement',
  'Stock_take',
  'requisition',
  'Goods_received',
  'purchase_order',
  'name_store_join',
  'item_store_join',
  'clinician',
  'clinician_store_join',
  'om_activity_log',
  'om_user_permission',
  'om_document',
  'indicator_value',
  'pref',
  'sensor',
  'temperature_breach',
  'temperature_log',
  'vaccine_vial_monitor_status_log',
]);

/** Store-owned tables whose store is their parent's: [parent table, parent key]. */
const PARENT_OF: Record<string, [string, string]> = {
  trans_line: ['transact', 'transaction_ID'],
  Stock_take_lines: ['Stock_take', 'stock_take_ID'],
  Goods_received_line: ['Goods_received', 'goods_received_ID'],
  requisition_line: ['requisition', 'requisition_ID'],
  purchase_order_line: ['purchase_order', 'purchase_order_ID'],
  asset_internal_location: ['asset', 'asset_id'],
  asset_log: ['asset', 'asset_id'],
  rnr_form_line: ['rnr_form', 'rnr_form_id'],
};

interface FixtureRecord {
  table: string;
  id: string;
  row: Row;
}

const keyOf = (table: string, id: string): string => `${table}/${id}`;

function loadFixture(): Map<string, FixtureRecord> {
  const fixture = JSON.parse(readFileSync(FIXTURE_FILE, 'utf8')) as Fixture;
  const records = new Map<string, FixtureRecord>();
  for (const [source, entry] of Object.entries(fixture)) {
    const table = entry.legacyTable ?? SOURCE_FILE_TABLES[source] ?? source;
    for (const row of entry.records) {
      const id = row.ID ?? row.id;
      if (typeof id !== 'string' || id === '') continue; // fragments such as {"status": "nw"}
      records.set(keyOf(table, id), { table, id, row });
    }
  }
  return records;
}

function ownStore(row: Row): string | undefined {
  for (const [key, value] of Object.entries(row)) {
    if (['store_id', 'storeid'].includes(key.toLowerCase()) && typeof value === 'string' && value !== '')
      return value;
  }
  return undefined;
}

/** The owning store of a store-owned record (own store field, else the parent's), if any. */
function storeOfRecord(records: Map<string, FixtureRecord>, record: FixtureRecord): string | undefined {
  const own = ownStore(record.row);
  if (own) return own;
  const parent = PARENT_OF[record.table];
  if (!parent) return undefined;
  const parentId = record.row[parent[1]];
  const parentRecord = typeof parentId === 'string' ? records.get(keyOf(parent[0], parentId)) : undefined;
  return parentRecord ? storeOfRecord(records, parentRecord) : undefined;
}

type Destination = 'central' | 'queue' | 'v6' | 'none' | 'unknown';

/** Where a fixture record must show up for the site owning store_a. */
function destinationOf(records: Map<string, FixtureRecord>, record: FixtureRecord): Destination {
  const style = V6_STYLE[record.table];
  if (style) {
    if (style === 'central' || style === 'file') return 'v6';
    if (style === 'remote-to-central') return 'none';
    if (style === 'patient') return 'unknown';
    const store = storeOfRecord(records, record);
    if (style === 'remote-and-central' && store === undefined) return 'v6';
    return store === SITE_STORE ? 'v6' : 'none';
  }
  if (V5_STORE_OWNED.has(record.table) || PARENT_OF[record.table]) {
    return storeOfRecord(records, record) === SITE_STORE ? 'queue' : 'none';
  }
  return 'central';
}

let central: Central;
let site: TestSite;
let records: Map<string, FixtureRecord>;
let centralLog: CentralRecord[];
let queue: QueuedRecord[];
let queueLength: number;
let v6Records: V6Record[];

beforeAll(async () => {
  central = await startCentral();
  records = loadFixture();
  await admin(central.dataDir, 'seed', '--file', FIXTURE_FILE);
  site = await addSite(central, { store: SITE_STORE });
  centralLog = await allCentralRecords(central.legacyUrl, site);
  queueLength = (await initialise(central.legacyUrl, site)).queueLength;
  queue = (await pullQueue(central.legacyUrl, site, 100_000)).data;
  v6Records = await v6PullAll(central, site, false);
}, ADMIN_HEAVY.timeout);

afterAll(async () => {
  await central?.dispose();
});

function expected(destination: Destination): FixtureRecord[] {
  return [...records.values()].filter((record) => destinationOf(records, record) === destination);
}

describe('fixtures/legacy-records.json through the central', ADMIN_HEAVY, () => {
  it('the fixture covers every kind of destination', () => {
    expect(expected('central').length).toBeGreaterThanOrEqual(40);
    expect(expected('queue').length).toBeGreaterThanOrEqual(10);
    expect(expected('v6').length).toBeGreaterThanOrEqual(20);
    expect(expected('none').length).toBeGreaterThanOrEqual(5);
  });

  it('loads the whole file with admin seed (done in beforeAll) into a site on store_a', () => {
    expect(site.store?.ID).toBe(SITE_STORE);
  });

  it('serves every central-table record unchanged through central_records', () => {
    const log = new Map(centralLog.map((entry) => [keyOf(entry.tableName, entry.recordId), entry]));
    const mismatches: string[] = [];
    for (const record of expected('central')) {
      const entry = log.get(keyOf(record.table, record.id));
      if (!entry) mismatches.push(`${keyOf(record.table, record.id)} missing`);
      else
        expect({ key: keyOf(record.table, record.id), data: entry.recordData }).toEqual({
          key: keyOf(record.table, record.id),
          data: record.row,
        });
    }
    expect(mismatches).toEqual([]);
  });

  it('queues every store_a record unchanged after initialise, and nothing else of the fixture', () => {
    const received = new Map(queue.map((entry) => [keyOf(entry.tableName, entry.recordId), entry]));
    expect(queueLength).toBe(queue.length);
    const wanted = expected('queue');
    expect([...received.keys()].sort()).toEqual(
      wanted.map((record) => keyOf(record.table, record.id)).sort(),
    );
    for (const record of wanted) {
      expect({
        key: keyOf(record.table, record.id),
        data: received.get(keyOf(record.table, record.id))?.recordData,
      }).toEqual({ key: keyOf(record.table, record.id), data: record.row });
    }
  });

  it('keeps store-owned records out of central_records', () => {
    const log = new Set(centralLog.map((entry) => keyOf(entry.tableName, entry.recordId)));
    const leaked = [...expected('queue'), ...expected('none')]
      .map((record) => keyOf(record.table, record.id))
      .filter((key) => log.has(key));
    expect(leaked).toEqual([]);
  });

  it('serves every v6 record routed to the store_a site unchanged through the v6 pull', () => {
    const received = new Map(
      v6Records.map((entry) => [keyOf(entry.record.tableName, entry.record.recordId), entry]),
    );
    const missing: string[] = [];
    for (const record of expected('v6')) {
      const entry = received.get(keyOf(record.table, record.id));
      if (!entry) {
        missing.push(keyOf(record.table, record.id));
        continue;
      }
      expect(entry.record.action).toBe('Update');
      expect({ key: keyOf(record.table, record.id), data: entry.record.recordData }).toEqual({
        key: keyOf(record.table, record.id),
        data: record.row,
      });
    }
    expect(missing).toEqual([]);
  });

  it('does not send v6 records of other stores or remote-to-central tables to the site', () => {
    const received = new Set(v6Records.map((entry) => keyOf(entry.record.tableName, entry.record.recordId)));
    const leaked = expected('none')
      .filter((record) => V6_STYLE[record.table])
      .map((record) => keyOf(record.table, record.id))
      .filter((key) => received.has(key));
    expect(expected('none').some((record) => V6_STYLE[record.table])).toBe(true);
    expect(leaked).toEqual([]);
  });
});
