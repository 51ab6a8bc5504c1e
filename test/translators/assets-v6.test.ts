// v6 asset tables (recordData is the Open mSupply row, snake_case), against the fixture records.
import { describe, expect, it } from 'vitest';
import { assetTranslator } from '../../src-main/translators/tables/asset';
import { assetLogTranslator } from '../../src-main/translators/tables/asset-log';
import { assetClassTranslator } from '../../src-main/translators/tables/asset-class';
import { assetCategoryTranslator } from '../../src-main/translators/tables/asset-category';
import { assetCatalogueTypeTranslator } from '../../src-main/translators/tables/asset-catalogue-type';
import { assetCatalogueItemTranslator } from '../../src-main/translators/tables/asset-catalogue-item';
import { assetLogReasonTranslator } from '../../src-main/translators/tables/asset-log-reason';
import {
  expectFieldError,
  fixtureRecord,
  itHandlesEveryFixtureRecord,
  itRoundTrips,
  withFields,
} from './helpers';

const CLASS_ID = '32608ef9-dce5-41a7-b3e9-92b0fe086c7e';
const CATEGORY_ID = '035d2847-1eec-4595-a161-b7cfefc17381';
const TYPE_ID = 'a6625bba-052b-4cf8-9e0f-b96ebba0a31f';
const ASSET_ID = '3de161ed-93ef-4210-aa31-3ae9e53748e8';

/** The full v6 example of reference §12.1, with the keys the fixture leaves out. */
const FULL_ASSET = {
  id: ASSET_ID,
  notes: 'Asset 1',
  asset_number: 'AT1',
  asset_category_id: CATEGORY_ID,
  asset_class_id: CLASS_ID,
  asset_type_id: TYPE_ID,
  store_id: 'store_a',
  serial_number: 'SN-1',
  catalogue_item_id: '0dda9346-b79f-4f0f-a375-ae778240043a',
  installation_date: '2021-03-01',
  replacement_date: null,
  created_datetime: '2020-01-22T15:16:00',
  modified_datetime: '2020-01-22T15:16:00.123',
  deleted_datetime: null,
  properties: '{"colour":"white"}',
  donor_name_id: null,
  warranty_start: '2021-03-01',
  warranty_end: '2023-03-01',
  needs_replacement: false,
  locked_fields_json: null,
};

describe('asset_class', () => {
  itHandlesEveryFixtureRecord(assetClassTranslator, [
    { translates: { id: CLASS_ID, name: 'Asset Class 1' } },
  ]);
  itRoundTrips(assetClassTranslator);

  it('rejects malformed fields, naming them', () => {
    const assetClass = fixtureRecord('asset_class', 0);
    expectFieldError(
      () => assetClassTranslator.fromWire(withFields(assetClass, { name: undefined })),
      'name',
    );
    expectFieldError(() => assetClassTranslator.fromWire(withFields(assetClass, { id: null })), 'id');
  });
});

describe('asset_category', () => {
  itHandlesEveryFixtureRecord(assetCategoryTranslator, [
    { translates: { id: CATEGORY_ID, name: 'Asset Category 1', assetClassId: CLASS_ID } },
  ]);
  itRoundTrips(assetCategoryTranslator);

  it('rejects malformed fields, naming them', () => {
    const category = fixtureRecord('asset_category', 0);
    expectFieldError(
      () => assetCategoryTranslator.fromWire(withFields(category, { class_id: undefined })),
      'class_id',
    );
  });
});

describe('asset_catalogue_type', () => {
  itHandlesEveryFixtureRecord(assetCatalogueTypeTranslator, [
    { translates: { id: TYPE_ID, name: 'Asset Type 1', assetCategoryId: CATEGORY_ID } },
  ]);
  itRoundTrips(assetCatalogueTypeTranslator);

  it('rejects malformed fields, naming them', () => {
    const type = fixtureRecord('asset_catalogue_type', 0);
    expectFieldError(
      () => assetCatalogueTypeTranslator.fromWire(withFields(type, { category_id: '' })),
      'category_id',
    );
  });
});

describe('asset_catalogue_item', () => {
  itHandlesEveryFixtureRecord(assetCatalogueItemTranslator, [
    {
      translates: {
        id: '0dda9346-b79f-4f0f-a375-ae778240043a',
        subCatalogue: 'Non PQS',
        code: 'A1',
        manufacturer: 'Manufacturer 1',
        model: 'Model 1',
        assetClassId: CLASS_ID,
        assetCategoryId: CATEGORY_ID,
        assetCatalogueTypeId: TYPE_ID,
      },
    },
  ]);
  itRoundTrips(assetCatalogueItemTranslator);

  it('rejects malformed fields, naming them', () => {
    const item = fixtureRecord('asset_catalogue_item', 0);
    expectFieldError(
      () => assetCatalogueItemTranslator.fromWire(withFields(item, { type_id: undefined })),
      'type_id',
    );
    expectFieldError(() => assetCatalogueItemTranslator.fromWire(withFields(item, { model: 3 })), 'model');
  });
});

describe('asset_log_reason', () => {
  itHandlesEveryFixtureRecord(assetLogReasonTranslator, [
    {
      translates: {
        id: '42577e2f-2ede-461f-80cd-6a3b86f48b5e',
        assetLogStatus: 'FUNCTIONING',
        reason: 'test_reason',
        deletedDatetime: null,
        commentsRequired: false,
      },
    },
  ]);
  itRoundTrips(assetLogReasonTranslator);

  it('rejects malformed fields, naming them', () => {
    const reason = fixtureRecord('asset_log_reason', 0);
    expectFieldError(
      () => assetLogReasonTranslator.fromWire(withFields(reason, { asset_log_status: 'BROKEN' })),
      'asset_log_status',
    );
    expectFieldError(
      () => assetLogReasonTranslator.fromWire(withFields(reason, { deleted_datetime: '2024-01-01' })),
      'deleted_datetime',
    );
  });
});

describe('asset', () => {
  itHandlesEveryFixtureRecord(assetTranslator, [
    {
      // The fixture leaves the optional keys out: they read as null.
      translates: {
        id: ASSET_ID,
        notes: 'Asset 1',
        assetNumber: 'AT1',
        storeId: 'store_a',
        assetCatalogueItemId: null,
        assetCatalogueTypeId: null,
        installationDate: null,
        createdDatetime: '2020-01-22T15:16:00',
        modifiedDatetime: '2020-01-22T15:16:00',
        deletedDatetime: null,
        needsReplacement: null,
      },
    },
  ]);
  itRoundTrips(assetTranslator);

  it('reads the Rust field names asset_type_id and catalogue_item_id', () => {
    expect(assetTranslator.fromWire(FULL_ASSET)).toMatchObject({
      assetCatalogueTypeId: TYPE_ID,
      assetCatalogueItemId: '0dda9346-b79f-4f0f-a375-ae778240043a',
      installationDate: '2021-03-01',
      modifiedDatetime: '2020-01-22T15:16:00.123',
      needsReplacement: false,
    });
  });

  it('pushes every key of the row, with plain v6 dates', () => {
    const row = { ...assetTranslator.fromWire(FULL_ASSET), receivedJson: null };
    expect(assetTranslator.toWire(row)).toEqual(FULL_ASSET);
    expect(assetTranslator.storeIdOf(row)).toBe('store_a');
  });

  it('rejects malformed fields, naming them', () => {
    expectFieldError(
      () => assetTranslator.fromWire(withFields(FULL_ASSET, { created_datetime: undefined })),
      'created_datetime',
    );
    expectFieldError(
      () => assetTranslator.fromWire(withFields(FULL_ASSET, { installation_date: '2021-02-30' })),
      'installation_date',
    );
    expectFieldError(
      () => assetTranslator.fromWire(withFields(FULL_ASSET, { needs_replacement: 'yes' })),
      'needs_replacement',
    );
    expectFieldError(() => assetTranslator.fromWire(withFields(FULL_ASSET, { store_id: 42 })), 'store_id');
  });
});

describe('asset_log', () => {
  itHandlesEveryFixtureRecord(assetLogTranslator, [
    {
      translates: {
        id: '9d362696-e6e9-4fd7-ac23-7600d7389ba0',
        assetId: ASSET_ID,
        userId: 'user_account_a',
        status: 'FUNCTIONING',
        comment: 'test_comment',
        type: 'STATUS_UPDATE',
        reasonId: null,
        logDatetime: '2020-01-22T15:16:00',
        createdDatetime: '2020-01-22T15:16:00',
      },
    },
  ]);
  itRoundTrips(assetLogTranslator);

  const log = fixtureRecord('asset_log', 0);
  it('accepts a missing status and created_datetime', () => {
    expect(
      assetLogTranslator.fromWire(withFields(log, { status: null, created_datetime: undefined })),
    ).toMatchObject({ status: null, createdDatetime: null });
  });

  it('rejects malformed fields, naming them', () => {
    expectFieldError(() => assetLogTranslator.fromWire(withFields(log, { status: 'BROKEN' })), 'status');
    expectFieldError(
      () => assetLogTranslator.fromWire(withFields(log, { log_datetime: undefined })),
      'log_datetime',
    );
    expectFieldError(() => assetLogTranslator.fromWire(withFields(log, { asset_id: '' })), 'asset_id');
  });
});
