// v5 store-owned: requisition, requisition_line, Stock_take, Stock_take_lines against the real legacy
// records, with the field conventions of reference §10.1 and the catch-alls of §10.9.
import { describe, expect, it } from 'vitest';
import { requisitionTranslator } from '../../src-main/translators/tables/requisition';
import { requisitionLineTranslator } from '../../src-main/translators/tables/requisition-line';
import { stocktakeTranslator } from '../../src-main/translators/tables/stock-take';
import { stocktakeLineTranslator } from '../../src-main/translators/tables/stock-take-lines';
import { IgnoredRecord } from '../../src-main/translators/types';
import {
  expectFieldError,
  expectFieldErrors,
  fixtureRecord,
  itHandlesEveryFixtureRecord,
  itRoundTrips,
  thrownBy,
  withFields,
} from './helpers';

describe('requisition', () => {
  itHandlesEveryFixtureRecord(requisitionTranslator, [
    {
      translates: {
        id: 'B3D3761753DB42A7B3286ACF89FBCA1C',
        requisitionNumber: 8,
        nameId: 'name_store_a',
        storeId: 'store_b',
        type: 'request',
        status: 'fn',
        createdDate: '2020-07-10',
        lastModifiedAt: 1594273006,
        theirReference: null,
        linkedRequisitionId: 'mock_request_draft_requisition2',
        minMonthsOfStock: 3,
        daysToSupply: 150,
        comment: 'comment 1',
        authorisationStatus: null,
        orderType: null,
        periodId: null,
        programId: null,
        // "0000-00-00" and "" mean none; 0 is a value.
        expectedDeliveryDate: null,
        createdDatetime: null,
        maxMonthsOfStock: 0,
        omStatus: null,
        isEmergency: false,
        createdFromRequisitionId: 'created_from_id',
        originalCustomerId: 'name1',
      },
    },
    // No om_* keys at all, oms_fields `{}`.
    {
      translates: {
        id: 'AA5AA2238EE14654B11B86D52B435FF1',
        type: 'response',
        authorisationStatus: 'none',
        orderType: 'Normal',
        periodId: '641A3560C84A44BC9E6DDC01F3D75923',
        programId: 'F36DBBC6DBCA4528BDA2403CE07CB44F',
        isEmergency: true,
        createdDatetime: null,
        maxMonthsOfStock: null,
        createdFromRequisitionId: null,
      },
    },
    {
      translates: {
        id: '455AA2238EE14654B11B86D52B435FF2',
        status: 'sg',
        authorisationStatus: 'authorised',
        createdDatetime: '2020-07-09T00:00:00',
        sentDatetime: '2022-03-24T14:48:00',
        finalisedDatetime: '2022-03-25T14:48:00',
        expectedDeliveryDate: '2022-03-26',
        maxMonthsOfStock: 10,
        omStatus: 'NEW',
        colour: 'Colour',
      },
    },
    {
      translates: { id: 'P-B3D3761753DB42A7B3286ACF89FBCA1C', periodId: '772B3984DBA14A5F941ED0EF857FDB31' },
    },
  ]);
  itRoundTrips(requisitionTranslator);

  const requisition = fixtureRecord('requisition', 0);
  it('rejects malformed fields, naming them', () => {
    expectFieldErrors(requisitionTranslator, requisition, [
      [{ serial_number: 8.5 }, 'serial_number'],
      [{ daysToSupply: '150' }, 'daysToSupply'],
      [{ lastModifiedAt: null }, 'lastModifiedAt'],
      [{ date_entered: '0000-00-00' }, 'date_entered'],
      [{ date_entered: '2020-02-30' }, 'date_entered'],
      [{ thresholdMOS: undefined }, 'thresholdMOS'],
      [{ store_ID: '' }, 'store_ID'],
      // R optional strings: `""` is fine, a missing key is not.
      [{ requester_reference: undefined }, 'requester_reference'],
      [{ programID: undefined }, 'programID'],
      [{ comment: 7 }, 'comment'],
      [{ om_sent_datetime: 'yesterday' }, 'om_sent_datetime'],
      [{ om_expected_delivery_date: '2022-13-01' }, 'om_expected_delivery_date'],
      [{ is_emergency: 'no' }, 'is_emergency'],
      [{ oms_fields: 'x' }, 'oms_fields'],
      [{ oms_fields: { original_customer_id: 5 } }, 'original_customer_id'],
    ]);
  });

  it('has no catch-all for authorisationStatus, but one for type and status', () => {
    expectFieldError(
      () => requisitionTranslator.fromWire(withFields(requisition, { authorisationStatus: 'maybe' })),
      'authorisationStatus',
    );
    expectFieldError(
      () => requisitionTranslator.fromWire(withFields(requisition, { authorisationStatus: undefined })),
      'authorisationStatus',
    );
    for (const changes of [{ type: 'supply' }, { type: 'report' }, { status: 'wp' }, { status: 'FN' }]) {
      const error = thrownBy(() => requisitionTranslator.fromWire(withFields(requisition, changes)));
      expect(error).toBeInstanceOf(IgnoredRecord);
    }
    for (const type of ['im', 'sh']) {
      expect(requisitionTranslator.fromWire(withFields(requisition, { type })).type).toBe(type);
    }
  });

  it('ignores unknown keys, reads mixed-case ones and pushes the legacy formats', () => {
    const row = requisitionTranslator.fromWire(
      withFields(requisition, { Comment: 'mixed case', comment: undefined, some_new_column: 1 }),
    );
    expect(row.comment).toBe('mixed case');
    const pushed = requisitionTranslator.toWire({ ...row, receivedJson: null });
    expect(pushed).toMatchObject({
      date_entered: '2020-07-10T00:00:00',
      om_expected_delivery_date: null,
      requester_reference: null,
      authorisationStatus: '',
      oms_fields: { created_from_requisition_id: 'created_from_id', original_customer_id: 'name1' },
    });
    expect(pushed).not.toHaveProperty('some_new_column');
    expect(requisitionTranslator.storeIdOf({ ...row, receivedJson: null })).toBe('store_b');
  });
});

describe('requisition_line', () => {
  itHandlesEveryFixtureRecord(requisitionLineTranslator, [
    {
      translates: {
        id: '66FB0A41C95441ABBBC7905857466089',
        requisitionId: 'mock_request_draft_requisition3',
        itemId: 'item_a',
        itemName: 'Ibuprofen 200mg tablets',
        requestedQuantity: 102,
        suggestedQuantity: 101,
        supplyQuantity: 2,
        availableStockOnHand: 10,
        averageDailyUsage: 3,
        approvedQuantity: 0,
        approvalComment: null,
        comment: null,
        snapshotDatetime: null,
        reasonId: null,
        rnrFormLineId: null,
        expiryDate: null,
        availableVolume: 5,
        locationTypeId: null,
      },
    },
  ]);
  itRoundTrips(requisitionLineTranslator);

  const line = fixtureRecord('requisition_line', 0);
  it('rejects malformed fields, naming them', () => {
    expectFieldErrors(requisitionLineTranslator, line, [
      [{ Cust_stock_order: '102' }, 'Cust_stock_order'],
      [{ itemName: undefined }, 'itemName'],
      [{ requisition_ID: '' }, 'requisition_ID'],
      [{ om_snapshot_datetime: undefined }, 'om_snapshot_datetime'],
      [{ om_snapshot_datetime: '2020-01-01' }, 'om_snapshot_datetime'],
      [{ authoriser_comment: undefined }, 'authoriser_comment'],
      [{ oms_fields: { expiry_date: '2020-02-31' } }, 'expiry_date'],
    ]);
  });

  it('reads every form of oms_fields as none', () => {
    for (const oms_fields of ['', null, {}, undefined]) {
      expect(requisitionLineTranslator.fromWire(withFields(line, { oms_fields }))).toMatchObject({
        rnrFormLineId: null,
        availableVolume: null,
      });
    }
  });

  it('is logged store-less, like invoice lines', () => {
    const row = { ...requisitionLineTranslator.fromWire(line), receivedJson: null };
    expect(requisitionLineTranslator.storeIdOf(row)).toBeNull();
  });
});

describe('Stock_take', () => {
  itHandlesEveryFixtureRecord(stocktakeTranslator, [
    {
      translates: {
        id: '0a375950f0d211eb8dddb54df6d741bc',
        storeId: 'store_a',
        stocktakeNumber: 3,
        status: 'fn',
        description: 'Test',
        comment: null,
        createdById: null,
        finalisedById: '0763E2E3053D4C478E1E6B6B03FEC207',
        inventoryAdditionId: 'inbound_shipment_a',
        inventoryReductionId: 'inbound_shipment_b',
        programId: null,
        createdDate: '2021-07-30',
        stocktakeDate: '2021-07-30',
        stocktakeTime: 47061,
        isLocked: false,
        createdDatetime: null,
        finalisedDatetime: null,
        countedBy: null,
        isInitialStocktake: false,
      },
    },
    {
      translates: {
        id: 'Aa375950f0d211eb8dddb54df6d741bc',
        inventoryAdditionId: null,
        createdDatetime: '2021-07-30T15:15:15',
        finalisedDatetime: '2021-07-31T15:15:15',
        countedBy: 'testuser1',
        verifiedBy: 'testuser2',
      },
    },
  ]);
  itRoundTrips(stocktakeTranslator);

  const stocktake = fixtureRecord('Stock_take', 0);
  it('rejects malformed fields, naming them', () => {
    expectFieldErrors(stocktakeTranslator, stocktake, [
      [{ status: 'done' }, 'status'],
      [{ status: undefined }, 'status'],
      [{ serial_number: 3.5 }, 'serial_number'],
      [{ Locked: 'false' }, 'Locked'],
      [{ stock_take_date: '2021-02-29' }, 'stock_take_date'],
      [{ store_ID: undefined }, 'store_ID'],
      [{ stock_take_time: undefined }, 'stock_take_time'],
      [{ om_is_initial_stocktake: 1 }, 'om_is_initial_stocktake'],
    ]);
  });

  it('reads an invalid time as midnight and pushes HH:MM:SS', () => {
    expect(stocktakeTranslator.fromWire(withFields(stocktake, { stock_take_time: -1 })).stocktakeTime).toBe(
      0,
    );
    const row = { ...stocktakeTranslator.fromWire(stocktake), receivedJson: null };
    expect(stocktakeTranslator.toWire(row)).toMatchObject({
      stock_take_time: '13:04:21',
      stock_take_date: '2021-07-30T00:00:00',
      comment: null,
    });
    expect(stocktakeTranslator.storeIdOf(row)).toBe('store_a');
  });
});

describe('Stock_take_lines', () => {
  itHandlesEveryFixtureRecord(stocktakeLineTranslator, [
    {
      translates: {
        id: '0a3de900f0d211eb8dddb54df6d741bc',
        stocktakeId: 'stocktake_a',
        stockLineId: 'item_c_line_a',
        itemId: 'item_a',
        itemName: 'Item A',
        locationId: null,
        batch: 'item_c_batch_a',
        expiryDate: null,
        snapshotNumberOfPacks: 10,
        snapshotPackSize: 1,
        countedNumberOfPacks: 700,
        isEdited: true,
        costPricePerPack: 12,
        sellPricePerPack: 15,
        comment: null,
        reasonId: null,
        vvmStatusId: 'VVM_STATUS_1',
        donorId: 'donor_a',
        volumePerPack: 10,
        programId: 'program_test',
        itemVariantId: null,
        campaignId: null,
      },
    },
  ]);
  itRoundTrips(stocktakeLineTranslator);

  const line = fixtureRecord('Stock_take_lines', 0);
  it('rejects malformed fields, naming them', () => {
    expectFieldErrors(stocktakeLineTranslator, line, [
      [{ stock_take_qty: null }, 'stock_take_qty'],
      [{ snapshot_qty: '10' }, 'snapshot_qty'],
      [{ is_edited: undefined }, 'is_edited'],
      [{ expiry: '31/12/2025' }, 'expiry'],
      [{ stock_take_ID: '' }, 'stock_take_ID'],
      [{ oms_fields: [] }, 'oms_fields'],
    ]);
  });
});
