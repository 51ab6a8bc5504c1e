// Central (v5) data the demo generates on top of the fixtures: units, items, names, the demo stores and
// their master list.
import type { LegacyRow, RecordsByTable } from './types';
import { DEMO_FACILITIES, DEMO_ITEMS, DEMO_UNITS, type CatalogueItem, type DemoFacility } from './catalogue';
import { DEMO_SITES } from './sites';
import { DEMO_TODAY, legacyDate, legacyId } from './random';
import { nameRow } from './rows';
import {
  BLANK_ITEM,
  BLANK_LIST_MASTER,
  BLANK_LIST_MASTER_LINE,
  BLANK_LIST_MASTER_NAME_JOIN,
  BLANK_STORE,
  BLANK_UNIT,
} from './templates';

/** The day the central's demo records were set up. */
const SET_UP_DAY = DEMO_TODAY - 120;

export const demoUnitId = (unit: string): string => legacyId('demo', 'unit', unit);
export const demoItemId = (item: Pick<CatalogueItem, 'code'>): string => legacyId('demo', 'item', item.code);
export const demoFacilityId = (facility: Pick<DemoFacility, 'code'>): string =>
  legacyId('demo', 'name', facility.code);
export const DEMO_MASTER_LIST_ID = legacyId('demo', 'list_master', 'satellite-essentials');

/** Used only when the fixtures bring no home currency. */
const FALLBACK_HOME_CURRENCY: LegacyRow = {
  ID: legacyId('demo', 'currency', 'home'),
  rate: 1,
  currency: 'USD',
  is_home_currency: true,
  date_updated: legacyDate(SET_UP_DAY),
  is_active: true,
};

export function homeCurrencyOf(currencies: readonly LegacyRow[]): LegacyRow | undefined {
  return currencies.find((currency) => currency.is_home_currency === true);
}

/** The id of the home currency among the built records (there is always one). */
export function homeCurrencyId(records: RecordsByTable): string {
  return String(homeCurrencyOf(records.currency ?? [])?.ID ?? '');
}

function unitRows(firstOrderNumber: number): LegacyRow[] {
  return DEMO_UNITS.map((unit, index) => ({
    ...BLANK_UNIT,
    ID: demoUnitId(unit),
    units: unit,
    order_number: firstOrderNumber + index,
  }));
}

export function itemRow(id: string, item: CatalogueItem): LegacyRow {
  return {
    ...BLANK_ITEM,
    ID: id,
    item_name: item.name,
    code: item.code,
    type_of: item.type ?? 'general',
    unit_ID: item.unit === '' ? '' : demoUnitId(item.unit),
    default_pack_size: item.pack,
    strength: item.strength,
    VEN_category: item.ven,
    essential_drug_list: item.ven === 'V' || item.ven === 'E',
    is_vaccine: item.doses !== undefined,
    doses: item.doses ?? 0,
    buy_price: item.price,
    price_editable: item.type === 'service',
  };
}

function storeRows(currencyId: string): { names: LegacyRow[]; stores: LegacyRow[] } {
  const names = DEMO_SITES.map(({ store }) =>
    nameRow({
      id: store.nameId,
      name: store.name,
      code: store.code,
      type: 'store',
      customer: true,
      supplier: true,
      currencyId,
      address: `${store.name} store`,
      createdDay: SET_UP_DAY,
    }),
  );
  const stores = DEMO_SITES.map(({ siteId, store }) => ({
    ...BLANK_STORE,
    ID: store.id,
    name: store.name,
    code: store.code,
    name_ID: store.nameId,
    sync_id_remote_site: siteId,
    store_mode: 'store',
    disabled: false,
    logo: '',
    organisation_name: 'Satellite Sync demo',
    created_date: legacyDate(SET_UP_DAY),
  }));
  return { names, stores };
}

interface MasterListRows {
  list_master: LegacyRow[];
  list_master_line: LegacyRow[];
  list_master_name_join: LegacyRow[];
}

function masterListRows(): MasterListRows {
  const description = 'Satellite essential medicines and supplies';
  return {
    list_master: [
      {
        ...BLANK_LIST_MASTER,
        ID: DEMO_MASTER_LIST_ID,
        description,
        code: 'SAT-EML',
        note: 'Everything the demo satellite stores may stock',
        date_created: legacyDate(SET_UP_DAY),
      },
    ],
    list_master_line: DEMO_ITEMS.map((item, index) => ({
      ...BLANK_LIST_MASTER_LINE,
      ID: legacyId('demo', 'list_master_line', item.code),
      item_master_ID: DEMO_MASTER_LIST_ID,
      item_ID: demoItemId(item),
      order_number: index + 1,
      price: item.price,
    })),
    list_master_name_join: DEMO_SITES.map(({ store }) => ({
      ...BLANK_LIST_MASTER_NAME_JOIN,
      ID: legacyId('demo', 'list_master_name_join', store.id),
      description,
      name_ID: store.nameId,
      list_master_ID: DEMO_MASTER_LIST_ID,
    })),
  };
}

/** The fixture's central rows plus the generated ones, parents before children. */
export function buildCentralRecords(fixture: RecordsByTable): RecordsByTable {
  const fixtureCurrencies = fixture.currency ?? [];
  const fixtureHome = homeCurrencyOf(fixtureCurrencies);
  const currencies = fixtureHome ? fixtureCurrencies : [...fixtureCurrencies, FALLBACK_HOME_CURRENCY];
  const currencyId = String((fixtureHome ?? FALLBACK_HOME_CURRENCY).ID);

  const fixtureUnits = fixture.unit ?? [];
  const lastOrderNumber = Math.max(-1, ...fixtureUnits.map((unit) => Number(unit.order_number) || 0));
  const { names: storeNames, stores } = storeRows(currencyId);
  const facilities = DEMO_FACILITIES.map((facility) =>
    nameRow({
      id: demoFacilityId(facility),
      name: facility.name,
      code: facility.code,
      customer: facility.role === 'customer',
      supplier: facility.role === 'supplier',
      currencyId,
      address: facility.address,
      createdDay: SET_UP_DAY,
    }),
  );
  const lists = masterListRows();
  return {
    currency: currencies,
    unit: [...fixtureUnits, ...unitRows(lastOrderNumber + 1)],
    name: [...(fixture.name ?? []), ...storeNames, ...facilities],
    item: [...(fixture.item ?? []), ...DEMO_ITEMS.map((item) => itemRow(demoItemId(item), item))],
    list_master: [...(fixture.list_master ?? []), ...lists.list_master],
    store: [...(fixture.store ?? []), ...stores],
    list_master_line: [...(fixture.list_master_line ?? []), ...lists.list_master_line],
    list_master_name_join: [...(fixture.list_master_name_join ?? []), ...lists.list_master_name_join],
  };
}
