import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rest of the synced tables of PRODUCT.md §3 (issue "Every supported table"): requisitions,
 * stocktakes and the cold-chain tables, typed like the first set and, like them, without foreign
 * keys (the integrator checks references). The sync buffer gains the note an integration leaves
 * when it blanks optional references to missing records.
 */
export class SecondSyncedTables1764100000002 implements MigrationInterface {
  name = 'SecondSyncedTables1764100000002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE sync_buffer ADD COLUMN integration_note TEXT');
    await runner.query(`CREATE TABLE requisition (
      id TEXT PRIMARY KEY NOT NULL,
      received_json TEXT,
      requisition_number INTEGER NOT NULL,
      name_id TEXT NOT NULL,
      store_id TEXT NOT NULL,
      type TEXT NOT NULL,
      status TEXT NOT NULL,
      user_id TEXT,
      created_date TEXT NOT NULL,
      last_modified_at INTEGER NOT NULL,
      their_reference TEXT,
      linked_requisition_id TEXT,
      min_months_of_stock REAL NOT NULL,
      days_to_supply INTEGER NOT NULL,
      comment TEXT,
      authorisation_status TEXT,
      order_type TEXT,
      period_id TEXT,
      program_id TEXT,
      created_datetime TEXT,
      sent_datetime TEXT,
      finalised_datetime TEXT,
      expected_delivery_date TEXT,
      max_months_of_stock REAL,
      om_status TEXT,
      colour TEXT,
      is_emergency BOOLEAN,
      created_from_requisition_id TEXT,
      original_customer_id TEXT)`);
    await runner.query('CREATE INDEX requisition_by_store ON requisition (store_id)');
    await runner.query(`CREATE TABLE requisition_line (
      id TEXT PRIMARY KEY NOT NULL,
      received_json TEXT,
      requisition_id TEXT NOT NULL,
      item_id TEXT NOT NULL,
      item_name TEXT NOT NULL,
      requested_quantity REAL NOT NULL,
      suggested_quantity REAL NOT NULL,
      supply_quantity REAL NOT NULL,
      available_stock_on_hand REAL NOT NULL,
      average_daily_usage REAL NOT NULL,
      approved_quantity REAL NOT NULL,
      approval_comment TEXT,
      comment TEXT,
      snapshot_datetime TEXT,
      initial_stock_on_hand REAL NOT NULL,
      incoming_units REAL NOT NULL,
      outgoing_units REAL NOT NULL,
      loss_in_units REAL NOT NULL,
      addition_in_units REAL NOT NULL,
      expiring_units REAL NOT NULL,
      days_out_of_stock REAL NOT NULL,
      reason_id TEXT,
      loss_adjustment REAL NOT NULL,
      rnr_form_line_id TEXT,
      expiry_date TEXT,
      available_volume REAL,
      location_type_id TEXT)`);
    await runner.query('CREATE INDEX requisition_line_by_requisition ON requisition_line (requisition_id)');
    await runner.query(`CREATE TABLE stocktake (
      id TEXT PRIMARY KEY NOT NULL,
      received_json TEXT,
      store_id TEXT NOT NULL,
      stocktake_number INTEGER NOT NULL,
      status TEXT NOT NULL,
      description TEXT,
      comment TEXT,
      created_by_id TEXT,
      finalised_by_id TEXT,
      inventory_addition_id TEXT,
      inventory_reduction_id TEXT,
      program_id TEXT,
      created_date TEXT,
      stocktake_date TEXT,
      stocktake_time INTEGER NOT NULL,
      is_locked BOOLEAN NOT NULL,
      created_datetime TEXT,
      finalised_datetime TEXT,
      counted_by TEXT,
      verified_by TEXT,
      is_initial_stocktake BOOLEAN)`);
    await runner.query('CREATE INDEX stocktake_by_store ON stocktake (store_id)');
    await runner.query(`CREATE TABLE stocktake_line (
      id TEXT PRIMARY KEY NOT NULL,
      received_json TEXT,
      stocktake_id TEXT NOT NULL,
      stock_line_id TEXT,
      item_id TEXT NOT NULL,
      item_name TEXT NOT NULL,
      location_id TEXT,
      batch TEXT,
      expiry_date TEXT,
      snapshot_number_of_packs REAL NOT NULL,
      snapshot_pack_size REAL NOT NULL,
      counted_number_of_packs REAL NOT NULL,
      is_edited BOOLEAN NOT NULL,
      cost_price_per_pack REAL NOT NULL,
      sell_price_per_pack REAL NOT NULL,
      comment TEXT,
      reason_id TEXT,
      vvm_status_id TEXT,
      donor_id TEXT,
      volume_per_pack REAL,
      item_variant_id TEXT,
      program_id TEXT,
      campaign_id TEXT)`);
    await runner.query('CREATE INDEX stocktake_line_by_stocktake ON stocktake_line (stocktake_id)');
    await runner.query(`CREATE TABLE sensor (
      id TEXT PRIMARY KEY NOT NULL,
      received_json TEXT,
      name TEXT NOT NULL,
      serial TEXT NOT NULL,
      location_id TEXT,
      store_id TEXT NOT NULL,
      battery_level INTEGER,
      log_interval INTEGER,
      is_active BOOLEAN NOT NULL,
      last_connection_date TEXT,
      last_connection_time INTEGER NOT NULL,
      last_connection_datetime TEXT)`);
    await runner.query(`CREATE TABLE temperature_breach (
      id TEXT PRIMARY KEY NOT NULL,
      received_json TEXT,
      sensor_id TEXT NOT NULL,
      location_id TEXT,
      store_id TEXT NOT NULL,
      type TEXT NOT NULL,
      threshold_minimum REAL NOT NULL,
      threshold_maximum REAL NOT NULL,
      threshold_duration INTEGER NOT NULL,
      duration INTEGER NOT NULL,
      is_acknowledged BOOLEAN NOT NULL,
      start_date TEXT NOT NULL,
      start_time INTEGER NOT NULL,
      end_date TEXT,
      end_time INTEGER NOT NULL,
      start_datetime TEXT,
      end_datetime TEXT,
      comment TEXT)`);
    await runner.query(`CREATE TABLE temperature_log (
      id TEXT PRIMARY KEY NOT NULL,
      received_json TEXT,
      sensor_id TEXT NOT NULL,
      location_id TEXT,
      store_id TEXT NOT NULL,
      temperature REAL NOT NULL,
      date TEXT NOT NULL,
      time INTEGER NOT NULL,
      temperature_breach_id TEXT,
      datetime TEXT)`);
    await runner.query('CREATE INDEX temperature_log_by_sensor ON temperature_log (sensor_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'temperature_log',
      'temperature_breach',
      'sensor',
      'stocktake_line',
      'stocktake',
      'requisition_line',
      'requisition',
    ]) {
      await runner.query(`DROP TABLE ${table}`);
    }
    await runner.query('ALTER TABLE sync_buffer DROP COLUMN integration_note');
  }
}
