// v6 (Open mSupply) records: a cold-chain asset catalogue and two assets, each with a log entry, per
// demo store. recordData uses the Rust field names (snake_case), as in v6-oms-central-api.md §11-12.
import type { LegacyRow, RecordsByTable } from './types';
import { DEMO_SITES } from './sites';
import { DEMO_TODAY, legacyDate, omsDatetime, omsId } from './random';

const classId = omsId('demo', 'asset_class', 'cold-chain');
const categoryId = (key: string): string => omsId('demo', 'asset_category', key);
const typeId = (key: string): string => omsId('demo', 'asset_catalogue_type', key);
const catalogueItemId = (code: string): string => omsId('demo', 'asset_catalogue_item', code);
const reasonId = (key: string): string => omsId('demo', 'asset_log_reason', key);

const CATEGORIES: readonly [key: string, name: string][] = [
  ['refrigerators', 'Refrigerators and freezers'],
  ['cold-rooms', 'Cold rooms and freezer rooms'],
  ['insulated', 'Insulated containers'],
];

const TYPES: readonly [key: string, category: string, name: string][] = [
  ['icelined', 'refrigerators', 'Icelined refrigerator'],
  ['solar', 'refrigerators', 'Solar direct drive refrigerator'],
  ['freezer', 'refrigerators', 'Vaccine freezer'],
  ['cold-room', 'cold-rooms', 'Cold room'],
  ['cold-box', 'insulated', 'Cold box'],
  ['carrier', 'insulated', 'Vaccine carrier'],
];

const CATALOGUE: readonly [code: string, type: string, manufacturer: string, model: string][] = [
  ['E003/002', 'icelined', 'Vestfrost Solutions', 'VLS 054A'],
  ['E003/070', 'solar', 'B Medical Systems', 'TCW 40R SDD'],
  ['E003/040', 'freezer', 'Haier', 'HBD 116'],
  ['E001/010', 'cold-room', 'Qingdao Haier', 'HCR-20'],
  ['E004/011', 'cold-box', 'Blowkings', 'CB-20-CF'],
  ['E004/045', 'carrier', 'Apex International', 'AIVC-46'],
];

const REASONS: readonly [key: string, status: string, reason: string][] = [
  ['power', 'NOT_FUNCTIONING', 'Power failure'],
  ['compressor', 'NOT_FUNCTIONING', 'Compressor fault'],
  ['door-seal', 'FUNCTIONING_BUT_NEEDS_ATTENTION', 'Door seal damaged'],
  ['repair', 'DECOMMISSIONED', 'Beyond economic repair'],
];

function categoryOf(type: string): string {
  return TYPES.find(([key]) => key === type)?.[1] ?? '';
}

function catalogueRows(): RecordsByTable {
  return {
    asset_class: [{ id: classId, name: 'Cold chain equipment' }],
    asset_log_reason: REASONS.map(([key, status, reason]) => ({
      id: reasonId(key),
      asset_log_status: status,
      reason,
      comments_required: key === 'repair',
      deleted_datetime: null,
    })),
    asset_category: CATEGORIES.map(([key, name]) => ({ id: categoryId(key), name, class_id: classId })),
    asset_catalogue_type: TYPES.map(([key, category, name]) => ({
      id: typeId(key),
      name,
      category_id: categoryId(category),
    })),
    asset_catalogue_item: CATALOGUE.map(([code, type, manufacturer, model]) => ({
      id: catalogueItemId(code),
      code,
      sub_catalogue: 'WHO PQS',
      manufacturer,
      model,
      class_id: classId,
      category_id: categoryId(categoryOf(type)),
      type_id: typeId(type),
      properties: null,
      deleted_datetime: null,
    })),
  };
}

interface DemoAsset {
  slot: number;
  code: string;
  notes: string;
  installedDaysAgo: number;
  log: { status: string; reason?: string; comment: string };
}

const STORE_ASSETS: readonly DemoAsset[] = [
  {
    slot: 1,
    code: 'E003/002',
    notes: 'Main vaccine refrigerator',
    installedDaysAgo: 700,
    log: { status: 'FUNCTIONING', comment: 'Temperature within range at monthly check' },
  },
  {
    slot: 2,
    code: 'E004/011',
    notes: 'Cold box for outreach sessions',
    installedDaysAgo: 400,
    log: { status: 'FUNCTIONING_BUT_NEEDS_ATTENTION', reason: 'door-seal', comment: 'Lid seal worn' },
  },
];

function assetRows(): { asset: LegacyRow[]; asset_log: LegacyRow[] } {
  const asset: LegacyRow[] = [];
  const assetLog: LegacyRow[] = [];
  for (const { store } of DEMO_SITES) {
    for (const spec of STORE_ASSETS) {
      const id = omsId('demo', 'asset', store.id, spec.slot);
      const type = CATALOGUE.find(([code]) => code === spec.code)?.[1] ?? '';
      const installed = DEMO_TODAY - spec.installedDaysAgo;
      const created = omsDatetime(installed, 10 * 3600);
      asset.push({
        id,
        notes: spec.notes,
        asset_number: `${store.code}-CCE-${spec.slot}`,
        asset_category_id: categoryId(categoryOf(type)),
        asset_class_id: classId,
        asset_type_id: typeId(type),
        store_id: store.id,
        serial_number: `${spec.code.replace('/', '')}-${store.code}-${spec.slot}`,
        catalogue_item_id: catalogueItemId(spec.code),
        installation_date: legacyDate(installed),
        replacement_date: legacyDate(installed + 10 * 365),
        created_datetime: created,
        modified_datetime: created,
        deleted_datetime: null,
        properties: null,
        donor_name_id: null,
        warranty_start: legacyDate(installed),
        warranty_end: legacyDate(installed + 2 * 365),
        needs_replacement: false,
        locked_fields_json: null,
      });
      const logged = omsDatetime(DEMO_TODAY - 7, 9 * 3600 + spec.slot * 600);
      assetLog.push({
        id: omsId('demo', 'asset_log', id, 1),
        asset_id: id,
        user_id: '',
        status: spec.log.status,
        comment: spec.log.comment,
        type: 'STATUS_UPDATE',
        reason_id: spec.log.reason ? reasonId(spec.log.reason) : null,
        log_datetime: logged,
        created_datetime: logged,
      });
    }
  }
  return { asset, asset_log: assetLog };
}

/** The v6 tables, parents before children. */
export function buildAssetRecords(): RecordsByTable {
  return { ...catalogueRows(), ...assetRows() };
}
