import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import {
  CENTRAL_SITE_ID,
  DEMO_SITES,
  buildDemoRecords,
  buildVolumeRecords,
  type LegacyRow,
  type RecordsByTable,
} from '../../reference-central/demo-data';
import { fixtureFile } from '../../reference-central/demo/fixtures';
import { FOREIGN_KEYS, findDanglingReferences, rowId } from '../../reference-central/demo/foreign-keys';

const demo = buildDemoRecords();
const stores = DEMO_SITES.map(({ store }) => ({ id: store.id, nameId: store.nameId }));

/** The `R` (required on pull) columns of reference/v5-legacy-central-api.md §10. */
const REQUIRED: Record<string, string> = {
  unit: 'ID units comment order_number',
  item: `ID item_name code unit_ID type_of default_pack_size is_vaccine VEN_category strength doses category_ID
    restricted_location_type_ID volume_per_pack universalcodes_code`,
  name: `ID name code type customer supplier supplying_store_id first last female date_of_birth phone comment
    country bill_address1 bill_address2 email url manufacturer donor hold NEXT_OF_KIN_ID next_of_kin_relative
    created_date national_health_number isDeceased om_created_datetime om_gender`,
  store: 'ID name_ID code sync_id_remote_site logo store_mode created_date disabled',
  currency: 'ID rate currency is_home_currency date_updated',
  list_master: 'ID description code note',
  transact: `ID name_ID store_ID invoice_num type status user_ID hold comment their_ref prescriber_ID currency_ID
    currency_rate goods_received_ID original_PO_ID requisition_ID linked_transaction_id nameInsuranceJoinID
    donor_default_id insuranceDiscountAmount insuranceDiscountRate entry_date entry_time confirm_date confirm_time
    finalised_date finalised_time mode`,
  trans_line: `ID transaction_ID item_ID item_name item_line_ID location_ID batch expiry_date pack_size cost_price
    sell_price type quantity note optionID linked_transact_id donor_id vaccine_vial_monitor_status_ID
    volume_per_pack`,
  item_line: `ID store_ID item_ID batch expiry_date hold location_ID pack_size available quantity cost_price
    sell_price note name_ID barcodeID vvm_status_id total_volume volume_per_pack`,
  requisition: `ID serial_number name_ID store_ID type status user_ID date_entered lastModifiedAt
    requester_reference linked_requisition_id thresholdMOS daysToSupply comment authorisationStatus orderType
    periodID programID`,
  requisition_line: `ID requisition_ID item_ID itemName Cust_stock_order suggested_quantity actualQuan
    stock_on_hand daily_usage approved_quantity authoriser_comment comment om_snapshot_datetime
    Cust_prev_stock_balance Cust_stock_received Cust_stock_issued stockLosses stockAdditions stockExpiring
    days_out_or_new_demand optionID Cust_loss_adjust`,
  name_store_join: 'ID store_ID name_ID',
  Location: 'ID Description code hold store_ID type_ID Volume',
  asset: `id notes asset_number asset_category_id asset_class_id asset_type_id store_id serial_number
    catalogue_item_id installation_date replacement_date created_datetime modified_datetime deleted_datetime
    properties donor_name_id warranty_start warranty_end needs_replacement locked_fields_json`,
  asset_log: 'id asset_id user_id status comment type reason_id log_datetime created_datetime',
};

/** Fixture file entries holding the central tables, by wire table name. */
const FIXTURE_ENTRIES: Record<string, string> = {
  currency: 'currency',
  unit: 'unit',
  name: 'name',
  item: 'item',
  list_master: 'master_list',
  store: 'store',
  list_master_line: 'master_list_line',
  list_master_name_join: 'master_list_name_join',
};

function readFixture(): Record<string, { records: LegacyRow[] }> {
  return JSON.parse(readFileSync(fixtureFile(), 'utf8')) as Record<string, { records: LegacyRow[] }>;
}

const rowsOf = (records: RecordsByTable, table: string): LegacyRow[] => records[table] ?? [];
const byId = (rows: readonly LegacyRow[]): Map<string, LegacyRow> =>
  new Map(rows.map((row) => [rowId(row), row]));
const totalRows = (records: RecordsByTable): number =>
  Object.values(records).reduce((sum, rows) => sum + rows.length, 0);
function isRealDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

describe('demo sites', () => {
  it('are the central (site 1) and two satellites, each with one store', () => {
    expect(CENTRAL_SITE_ID).toBe(1);
    expect(DEMO_SITES.map(({ name, password, siteId }) => ({ name, password, siteId }))).toEqual([
      { name: 'satellite-1', password: 'satellite-1-pass', siteId: 2 },
      { name: 'satellite-2', password: 'satellite-2-pass', siteId: 3 },
    ]);
    expect(DEMO_SITES[0]?.store).toMatchObject({
      id: 'STORE_SATELLITE_ONE',
      name: 'Satellite One',
      code: 'SAT1',
    });
    expect(DEMO_SITES[1]?.store).toMatchObject({ name: 'Satellite Two', code: 'SAT2' });
  });

  it('have store rows owned by their site and store name records', () => {
    const storeRows = byId(rowsOf(demo, 'store'));
    const names = byId(rowsOf(demo, 'name'));
    for (const site of DEMO_SITES) {
      expect(storeRows.get(site.store.id)).toMatchObject({
        name: site.store.name,
        code: site.store.code,
        name_ID: site.store.nameId,
        sync_id_remote_site: site.siteId,
        store_mode: 'store',
        disabled: false,
        logo: '',
      });
      expect(isRealDate(storeRows.get(site.store.id)?.created_date)).toBe(true);
      expect(names.get(site.store.nameId)).toMatchObject({ type: 'store', customer: true, supplier: true });
    }
  });
});

describe('buildDemoRecords', () => {
  it('is deterministic', () => {
    expect(buildDemoRecords()).toEqual(demo);
  });

  it('has the central, remote and v6 tables', () => {
    const tables = `currency unit name item list_master list_master_line list_master_name_join store
      name_store_join Location item_line transact trans_line requisition requisition_line
      asset_class asset_category asset_catalogue_type asset_catalogue_item asset_log_reason asset asset_log`;
    for (const table of tables.split(/\s+/)) expect(rowsOf(demo, table).length, table).toBeGreaterThan(0);
    expect(rowsOf(demo, 'item').length).toBeGreaterThanOrEqual(40);
  });

  it('has exactly one home currency, used by every invoice', () => {
    const home = rowsOf(demo, 'currency').filter((currency) => currency.is_home_currency === true);
    expect(home).toHaveLength(1);
    for (const invoice of rowsOf(demo, 'transact')) expect(invoice.currency_ID).toBe(home[0]?.ID);
  });

  it('resolves every foreign key', () => {
    expect(
      findDanglingReferences(demo).map(({ table, column, value }) => `${table}.${column}=${value}`),
    ).toEqual([]);
  });

  it('declares foreign keys for every table that has a parent', () => {
    const parentless = new Set(['currency', 'unit', 'list_master', 'asset_class', 'asset_log_reason']);
    for (const table of Object.keys(demo)) {
      if (!parentless.has(table)) expect(FOREIGN_KEYS[table], table).toBeDefined();
    }
  });

  it('keeps the fixture rows it uses unchanged, and leaves out only rows that cannot resolve', () => {
    const fixture = readFixture();
    for (const [table, entry] of Object.entries(FIXTURE_ENTRIES)) {
      const demoRows = byId(rowsOf(demo, table));
      // A row without an id cannot travel at all (the fixture's name list holds one such object).
      for (const row of (fixture[entry]?.records ?? []).filter((candidate) => rowId(candidate) !== '')) {
        const kept = demoRows.get(rowId(row));
        if (kept) expect(kept, `${table} ${rowId(row)}`).toEqual(row);
        else
          expect(
            findDanglingReferences({ [table]: [row] }, demo).length,
            `${table} ${rowId(row)}`,
          ).toBeGreaterThan(0);
      }
    }
  });

  it('has unique ids, in the fixtures’ style for generated rows', () => {
    const fixtureIds = new Set(Object.values(readFixture()).flatMap((entry) => entry.records.map(rowId)));
    const fixedIds = new Set(DEMO_SITES.flatMap(({ store }) => [store.id, store.nameId]));
    for (const [table, rows] of Object.entries(demo)) {
      const ids = rows.map(rowId);
      expect(new Set(ids).size, table).toBe(ids.length);
      const v6 = table.startsWith('asset');
      for (const id of ids) {
        if (fixtureIds.has(id) || fixedIds.has(id)) continue;
        expect(id, table).toMatch(
          v6 ? /^[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/ : /^[0-9A-F]{32}$/,
        );
      }
    }
  });

  it('gives every row the required columns of its table', () => {
    for (const [table, columns] of Object.entries(REQUIRED)) {
      for (const row of rowsOf(demo, table)) {
        for (const column of columns.split(/\s+/)) expect(row, `${table}.${column}`).toHaveProperty([column]);
      }
    }
  });

  it('gives generated rows every column the fixtures’ rows of that table share', () => {
    const fixture = readFixture();
    const entries = {
      ...FIXTURE_ENTRIES,
      transact: 'invoice',
      trans_line: 'invoice_line',
      item_line: 'stock_line',
    };
    const more = { requisition: 'requisition', requisition_line: 'requisition_line', Location: 'location' };
    for (const [table, entry] of Object.entries({
      ...entries,
      ...more,
      name_store_join: 'name_store_join',
    })) {
      const samples = (fixture[entry]?.records ?? []).filter((row) => typeof row.ID === 'string');
      const shared = Object.keys(samples[0] ?? {}).filter((key) => samples.every((row) => key in row));
      const fixtureIds = new Set(samples.map(rowId));
      for (const row of rowsOf(demo, table).filter((candidate) => !fixtureIds.has(rowId(candidate)))) {
        for (const column of shared) expect(row, `${table}.${column}`).toHaveProperty([column]);
      }
    }
  });

  it('writes invoices the way the legacy central does', () => {
    const invoices = rowsOf(demo, 'transact');
    for (const invoice of invoices) {
      expect(isRealDate(invoice.entry_date), String(invoice.entry_date)).toBe(true);
      for (const column of [
        'invoice_num',
        'entry_time',
        'confirm_time',
        'finalised_time',
        'lastModifiedAt',
      ]) {
        expect(Number.isInteger(invoice[column]), column).toBe(true);
      }
      expect(invoice.entry_time).toBeLessThan(86_400);
      expect(['si', 'ci']).toContain(invoice.type);
      expect(['nw', 'cn', 'fn']).toContain(invoice.status);
      expect(isRealDate(invoice.confirm_date)).toBe(invoice.status !== 'nw');
      expect(isRealDate(invoice.finalised_date)).toBe(invoice.status === 'fn');
    }
    for (const { store } of DEMO_SITES) {
      const own = invoices.filter((invoice) => invoice.store_ID === store.id);
      for (const type of ['si', 'ci']) {
        const statuses = new Set(
          own.filter((invoice) => invoice.type === type).map((invoice) => invoice.status),
        );
        expect([...statuses].sort(), `${store.code} ${type}`).toEqual(['cn', 'fn', 'nw']);
      }
    }
  });

  it('keeps each store’s stock in step with its invoices', () => {
    const invoices = byId(rowsOf(demo, 'transact'));
    const stockLines = byId(rowsOf(demo, 'item_line'));
    const moved = new Map<string, { quantity: number; available: number }>();
    for (const line of rowsOf(demo, 'trans_line')) {
      const invoice = invoices.get(String(line.transaction_ID));
      if (line.item_line_ID === '' || !invoice) continue;
      const stock = stockLines.get(String(line.item_line_ID));
      expect(stock?.store_ID).toBe(invoice.store_ID);
      expect(stock?.item_ID).toBe(line.item_ID);
      const sign = invoice.type === 'si' ? 1 : -1;
      const packs = sign * Number(line.quantity);
      const total = moved.get(String(line.item_line_ID)) ?? { quantity: 0, available: 0 };
      moved.set(String(line.item_line_ID), {
        quantity: total.quantity + (invoice.status === 'nw' ? 0 : packs),
        available: total.available + packs,
      });
    }
    for (const [id, stock] of stockLines) {
      expect(moved.get(id), id).toEqual({ quantity: stock.quantity, available: stock.available });
    }
  });

  it('has remote records and joins for both stores', () => {
    for (const { store } of DEMO_SITES) {
      const own = (table: string) => rowsOf(demo, table).filter((row) => row.store_ID === store.id);
      expect(own('Location')).toHaveLength(2);
      expect(own('item_line').length).toBeGreaterThanOrEqual(8);
      expect(own('requisition').length).toBeGreaterThan(0);
      const joined = new Set(own('name_store_join').map((join) => join.name_ID));
      for (const invoice of own('transact'))
        expect(joined.has(invoice.name_ID), String(invoice.ID)).toBe(true);
    }
  });

  it('has an asset catalogue and two assets with a log entry per store (v6)', () => {
    const assets = rowsOf(demo, 'asset');
    for (const { store } of DEMO_SITES) {
      expect(assets.filter((asset) => asset.store_id === store.id)).toHaveLength(2);
    }
    const logs = rowsOf(demo, 'asset_log');
    for (const asset of assets) expect(logs.filter((log) => log.asset_id === asset.id)).toHaveLength(1);
    for (const row of [...assets, ...logs]) {
      expect(row.created_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    }
  });
});

describe('buildVolumeRecords', () => {
  const volume = buildVolumeRecords(1000, stores);

  it('makes exactly the rows asked for, deterministically', () => {
    expect(totalRows(volume)).toBe(1000);
    expect(buildVolumeRecords(1000, stores)).toEqual(volume);
    for (const count of [0, 1, 2, 7, 99, 1234])
      expect(totalRows(buildVolumeRecords(count, stores)), `${count}`).toBe(count);
    expect(totalRows(buildVolumeRecords(50, stores.slice(0, 1)))).toBe(50);
  });

  it('is mostly stock lines and invoices', () => {
    const counts = Object.fromEntries(Object.entries(volume).map(([table, rows]) => [table, rows.length]));
    expect(Object.keys(counts).sort()).toEqual([
      'item',
      'item_line',
      'name',
      'name_store_join',
      'trans_line',
      'transact',
    ]);
    expect((counts.item_line ?? 0) + (counts.trans_line ?? 0) + (counts.transact ?? 0)).toBeGreaterThan(900);
  });

  it('refers only to its own rows and to the demo records', () => {
    expect(findDanglingReferences(volume, demo)).toEqual([]);
    const storeIds = new Set(stores.map((store) => store.id));
    for (const table of ['item_line', 'transact', 'name_store_join']) {
      for (const row of rowsOf(volume, table)) expect(storeIds.has(String(row.store_ID))).toBe(true);
    }
  });

  it('never reuses a demo id', () => {
    for (const [table, rows] of Object.entries(volume)) {
      const ids = new Set(rowsOf(demo, table).map(rowId));
      for (const row of rows) expect(ids.has(rowId(row))).toBe(false);
      expect(new Set(rows.map(rowId)).size).toBe(rows.length);
    }
  });

  it('gives every invoice a real entry date and the required columns', () => {
    for (const invoice of rowsOf(volume, 'transact')) expect(isRealDate(invoice.entry_date)).toBe(true);
    for (const table of ['item', 'name', 'name_store_join', 'item_line', 'transact', 'trans_line']) {
      const columns = (REQUIRED[table] ?? '').split(/\s+/);
      for (const row of rowsOf(volume, table))
        for (const column of columns) expect(row).toHaveProperty([column]);
    }
  });

  it('refuses a bad count or no stores', () => {
    expect(() => buildVolumeRecords(-1, stores)).toThrow(RangeError);
    expect(() => buildVolumeRecords(1.5, stores)).toThrow(RangeError);
    expect(() => buildVolumeRecords(10, [])).toThrow(RangeError);
  });

  it('makes 100 000 rows in well under 2 s', () => {
    const started = performance.now();
    const large = buildVolumeRecords(100_000, stores);
    const elapsed = performance.now() - started;
    expect(totalRows(large)).toBe(100_000);
    expect(elapsed).toBeLessThan(2000);
  });
});
