// The registry: every table registered once, integration order parents first, references that the
// integrator can honour.
import { describe, expect, it } from 'vitest';
import { integrationOrder, translatorFor, TRANSLATORS } from '../../src-main/translators/registry';
import type { TableTranslator } from '../../src-main/translators/types';

const V5_TABLES = [
  'unit',
  'item',
  'name',
  'store',
  'name_store_join',
  'currency',
  'list_master',
  'list_master_line',
  'list_master_name_join',
  'Location',
  'item_line',
  'transact',
  'trans_line',
  'requisition',
  'requisition_line',
  'Stock_take',
  'Stock_take_lines',
  'sensor',
  'temperature_breach',
  'temperature_log',
];
const V6_TABLES = [
  'asset',
  'asset_log',
  'asset_class',
  'asset_category',
  'asset_catalogue_type',
  'asset_catalogue_item',
  'asset_log_reason',
];

function columnOf(translator: TableTranslator, property: string): { nullable?: boolean } | undefined {
  return (translator.entity.options.columns as Record<string, { nullable?: boolean }>)[property];
}

describe('translator registry', () => {
  it('registers every table once, with its API', () => {
    const tables = TRANSLATORS.map((translator) => translator.table);
    expect(new Set(tables).size).toBe(tables.length);
    expect([...tables].sort()).toEqual([...V5_TABLES, ...V6_TABLES].sort());
    for (const table of V5_TABLES) expect(translatorFor(table)?.api).toBe('v5');
    for (const table of V6_TABLES) expect(translatorFor(table)?.api).toBe('v6');
  });

  it('pushes only what a remote site owns', () => {
    const pushed = TRANSLATORS.filter((translator) => translator.pushable).map(
      (translator) => translator.table,
    );
    expect(pushed.sort()).toEqual(
      [
        'transact',
        'trans_line',
        'item_line',
        'Location',
        'name_store_join',
        'requisition',
        'requisition_line',
        'Stock_take',
        'Stock_take_lines',
        'sensor',
        'temperature_breach',
        'temperature_log',
        'asset',
        'asset_log',
      ].sort(),
    );
  });

  it('uses snake_case local table names, distinct from each other', () => {
    const names = TRANSLATORS.map((translator) => translator.entity.options.tableName);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z][a-z_]*$/);
  });

  it('integrates parents before children', () => {
    const order = integrationOrder();
    const before = (parent: string, child: string): void => {
      expect(order.indexOf(parent), `${parent} before ${child}`).toBeLessThan(order.indexOf(child));
    };
    expect([...order].sort()).toEqual([...V5_TABLES, ...V6_TABLES].sort());
    before('unit', 'item');
    before('currency', 'name');
    before('name', 'store');
    before('store', 'Location');
    before('Location', 'item_line');
    before('item', 'item_line');
    before('transact', 'trans_line');
    before('item_line', 'trans_line');
    before('list_master', 'list_master_line');
    before('name', 'requisition');
    before('store', 'requisition');
    before('list_master', 'requisition');
    before('requisition', 'requisition_line');
    before('item', 'requisition_line');
    before('transact', 'Stock_take');
    before('Stock_take', 'Stock_take_lines');
    before('item_line', 'Stock_take_lines');
    before('Location', 'sensor');
    before('sensor', 'temperature_breach');
    before('sensor', 'temperature_log');
    before('temperature_breach', 'temperature_log');
    before('asset_class', 'asset_category');
    before('asset_category', 'asset_catalogue_type');
    before('asset_catalogue_type', 'asset_catalogue_item');
    before('asset_class', 'asset');
    before('asset_catalogue_item', 'asset');
    before('asset', 'asset_log');
    before('asset_log_reason', 'asset_log');
  });

  it('only references tables integrated earlier, through columns the integrator can blank', () => {
    const order = integrationOrder();
    for (const translator of TRANSLATORS) {
      for (const reference of translator.references) {
        const where = `${translator.table}.${reference.field} → ${reference.table}`;
        const column = columnOf(translator, reference.field);
        expect(column, where).toBeDefined();
        // An optional reference that points nowhere is set to null.
        expect(Boolean(column?.nullable), where).toBe(!reference.required);
        if (translatorFor(reference.table)) {
          expect(order.indexOf(reference.table), where).toBeLessThan(order.indexOf(translator.table));
        }
      }
    }
  });
});
