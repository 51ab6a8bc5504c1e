// All translators, and the order records integrate in: a topological sort over pull dependencies.
import type { TableTranslator } from './types';
import { unitTranslator } from './tables/unit';
import { itemTranslator } from './tables/item';
import { nameTranslator } from './tables/name';
import { storeTranslator } from './tables/store';
import { nameStoreJoinTranslator } from './tables/name-store-join';
import { currencyTranslator } from './tables/currency';
import { masterListTranslator } from './tables/list-master';
import { masterListLineTranslator } from './tables/list-master-line';
import { masterListNameJoinTranslator } from './tables/list-master-name-join';
import { locationTranslator } from './tables/location';
import { stockLineTranslator } from './tables/item-line';
import { invoiceTranslator } from './tables/transact';
import { invoiceLineTranslator } from './tables/trans-line';
import { requisitionTranslator } from './tables/requisition';
import { requisitionLineTranslator } from './tables/requisition-line';
import { stocktakeTranslator } from './tables/stock-take';
import { stocktakeLineTranslator } from './tables/stock-take-lines';
import { sensorTranslator } from './tables/sensor';
import { temperatureBreachTranslator } from './tables/temperature-breach';
import { temperatureLogTranslator } from './tables/temperature-log';
import { assetClassTranslator } from './tables/asset-class';
import { assetCategoryTranslator } from './tables/asset-category';
import { assetCatalogueTypeTranslator } from './tables/asset-catalogue-type';
import { assetCatalogueItemTranslator } from './tables/asset-catalogue-item';
import { assetLogReasonTranslator } from './tables/asset-log-reason';
import { assetTranslator } from './tables/asset';
import { assetLogTranslator } from './tables/asset-log';

// Each translator is typed by its own row; the engine handles them all as plain synced rows.
export const TRANSLATORS: readonly TableTranslator[] = [
  // v5
  unitTranslator,
  itemTranslator,
  nameTranslator,
  storeTranslator,
  nameStoreJoinTranslator,
  currencyTranslator,
  masterListTranslator,
  masterListLineTranslator,
  masterListNameJoinTranslator,
  locationTranslator,
  stockLineTranslator,
  invoiceTranslator,
  invoiceLineTranslator,
  requisitionTranslator,
  requisitionLineTranslator,
  stocktakeTranslator,
  stocktakeLineTranslator,
  sensorTranslator,
  temperatureBreachTranslator,
  temperatureLogTranslator,
  // v6
  assetClassTranslator,
  assetCategoryTranslator,
  assetCatalogueTypeTranslator,
  assetCatalogueItemTranslator,
  assetLogReasonTranslator,
  assetTranslator,
  assetLogTranslator,
] as unknown as readonly TableTranslator[];

const BY_TABLE = new Map(TRANSLATORS.map((translator) => [translator.table, translator]));

export function translatorFor(table: string): TableTranslator | undefined {
  return BY_TABLE.get(table);
}

/**
 * Wire tables in integration order, parents first. Dependencies on tables we do not translate are
 * ignored (their records stay in the buffer); a cycle is a programming error and throws.
 */
export function integrationOrder(translators: readonly TableTranslator[] = TRANSLATORS): string[] {
  const known = new Set(translators.map((translator) => translator.table));
  const ordered: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (table: string, path: readonly string[]): void => {
    if (state.get(table) === 'done') return;
    if (state.get(table) === 'visiting')
      throw new Error(`Translator dependency cycle: ${[...path, table].join(' → ')}`);
    state.set(table, 'visiting');
    const translator = translators.find((candidate) => candidate.table === table);
    for (const dependency of translator?.pullDependencies ?? []) {
      if (known.has(dependency)) visit(dependency, [...path, table]);
    }
    state.set(table, 'done');
    ordered.push(table);
  };
  for (const translator of [...translators].sort((a, b) => a.table.localeCompare(b.table)))
    visit(translator.table, []);
  return ordered;
}
