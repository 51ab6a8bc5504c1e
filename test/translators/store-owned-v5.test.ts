// v5 store-owned data a remote site pushes: name_store_join, Location, item_line, transact,
// trans_line, against the real legacy records.
import { describe, expect, it } from 'vitest';
import { nameStoreJoinTranslator } from '../../src-main/translators/tables/name-store-join';
import { locationTranslator } from '../../src-main/translators/tables/location';
import { stockLineTranslator } from '../../src-main/translators/tables/item-line';
import { invoiceTranslator, type Invoice } from '../../src-main/translators/tables/transact';
import { invoiceLineTranslator } from '../../src-main/translators/tables/trans-line';
import { IgnoredRecord, type WireRecord } from '../../src-main/translators/types';
import {
  expectFieldError,
  fixtureRecord,
  itHandlesEveryFixtureRecord,
  itRoundTrips,
  thrownBy,
  translatableRecords,
  withFields,
} from './helpers';

describe('name_store_join', () => {
  itHandlesEveryFixtureRecord(nameStoreJoinTranslator, [
    {
      translates: {
        id: '66607B6E7F2A47E782B8AC6743F71A8A',
        nameId: 'name_store_c',
        storeId: 'store_a',
        isInactive: false,
        nameIsCustomer: null,
        nameIsSupplier: null,
      },
    },
    { translates: { id: 'BE65A4A05E4D47E88303D6105A7872CC', nameId: 'name_store_a', storeId: 'store_b' } },
    // From the name-to-name-store-join file: a whole `name` row filed under name_store_join; it has
    // neither store_ID nor name_ID.
    { fails: 'store_ID' },
  ]);
  itRoundTrips(nameStoreJoinTranslator);

  const join = fixtureRecord('name_store_join', 0);
  it('rejects malformed fields, naming them', () => {
    expectFieldError(() => nameStoreJoinTranslator.fromWire(withFields(join, { name_ID: '' })), 'name_ID');
    expectFieldError(
      () => nameStoreJoinTranslator.fromWire(withFields(join, { inactive: 'no' })),
      'inactive',
    );
  });

  it('is owned by its store and pushes the Open mSupply flags', () => {
    const row = {
      ...nameStoreJoinTranslator.fromWire({ ...join, om_name_is_customer: true }),
      receivedJson: null,
    };
    expect(nameStoreJoinTranslator.storeIdOf(row)).toBe('store_a');
    expect(nameStoreJoinTranslator.toWire(row)).toEqual({
      ID: '66607B6E7F2A47E782B8AC6743F71A8A',
      name_ID: 'name_store_c',
      store_ID: 'store_a',
      inactive: false,
      om_name_is_customer: true,
      om_name_is_supplier: null,
    });
  });
});

describe('Location', () => {
  itHandlesEveryFixtureRecord(locationTranslator, [
    {
      translates: {
        id: 'cf5812e0c33911eb9757779d39ae2bdb',
        name: 'NameRed.02',
        code: 'Red.02',
        isOnHold: false,
        storeId: 'store_a',
        locationTypeId: null,
        volume: 0,
      },
    },
  ]);
  itRoundTrips(locationTranslator);

  const location = fixtureRecord('Location', 0);
  it('rejects malformed fields, naming them', () => {
    expectFieldError(() => locationTranslator.fromWire(withFields(location, { Volume: null })), 'Volume');
    expectFieldError(() => locationTranslator.fromWire(withFields(location, { store_ID: '' })), 'store_ID');
    expectFieldError(
      () => locationTranslator.fromWire(withFields(location, { Description: undefined })),
      'Description',
    );
  });

  it('is owned by its store', () => {
    const row = { ...locationTranslator.fromWire(location), receivedJson: null };
    expect(locationTranslator.storeIdOf(row)).toBe('store_a');
  });
});

describe('item_line', () => {
  itHandlesEveryFixtureRecord(stockLineTranslator, [
    {
      translates: {
        id: '0a3b02d0f0d211eb8dddb54df6d741bc',
        storeId: 'store_a',
        itemId: 'item_a',
        batch: 'stocktake_1',
        expiryDate: '2022-02-17',
        packSize: 1,
        availableNumberOfPacks: 694,
        totalNumberOfPacks: 694,
        costPricePerPack: 5,
        sellPricePerPack: 10,
        supplierId: 'name_store_b',
        donorId: 'donor_a',
        totalVolume: 100,
        volumePerPack: 10,
        locationId: null,
        campaignId: 'campaign_a',
        programId: 'program_a',
        manufactureDate: null,
      },
    },
    // oms_fields `{}`, `""` and null all mean none.
    {
      translates: {
        id: '4E8AAB798EBA42819E24CC753C800242',
        expiryDate: null,
        availableNumberOfPacks: 1000,
        totalNumberOfPacks: 1001,
        supplierId: null,
        campaignId: null,
      },
    },
    { translates: { id: 'ITEM_LINE_3', itemVariantId: null, campaignId: null, programId: null } },
    { translates: { id: 'ITEM_LINE_4', campaignId: null, programId: null } },
  ]);
  itRoundTrips(stockLineTranslator);

  const line = fixtureRecord('item_line', 0);
  it('rejects malformed fields, naming them', () => {
    expectFieldError(
      () => stockLineTranslator.fromWire(withFields(line, { expiry_date: '2021-02-30' })),
      'expiry_date',
    );
    expectFieldError(() => stockLineTranslator.fromWire(withFields(line, { available: '694' })), 'available');
    expectFieldError(() => stockLineTranslator.fromWire(withFields(line, { hold: undefined })), 'hold');
    expectFieldError(() => stockLineTranslator.fromWire(withFields(line, { oms_fields: 'x' })), 'oms_fields');
    expectFieldError(
      () =>
        stockLineTranslator.fromWire(withFields(line, { oms_fields: { manufacture_date: '2024-02-30' } })),
      'manufacture_date',
    );
  });

  it('pushes legacy dates, null optionals and only modelled fields', () => {
    const pushed = stockLineTranslator.toWire({ ...stockLineTranslator.fromWire(line), receivedJson: null });
    expect(pushed).toMatchObject({ expiry_date: '2022-02-17T00:00:00', location_ID: null, barcodeID: null });
    expect(pushed.oms_fields).toEqual({
      campaign_id: 'campaign_a',
      program_id: 'program_a',
      manufacture_date: null,
    });
    expect(pushed).not.toHaveProperty('stock_on_hand_tot');
    expect(stockLineTranslator.storeIdOf({ ...stockLineTranslator.fromWire(line), receivedJson: null })).toBe(
      'store_a',
    );
  });
});

describe('transact', () => {
  itHandlesEveryFixtureRecord(invoiceTranslator, [
    {
      translates: {
        id: '12e889c0f0d211eb8dddb54df6d741bc',
        nameId: 'name_store_a',
        storeId: 'store_b',
        invoiceNumber: 1,
        type: 'si',
        status: 'cn',
        currencyId: 'NEW_ZEALAND_DOLLARS',
        currencyRate: 1.32,
        entryDate: '2021-07-30',
        entryTime: 47046,
        confirmDate: '2021-07-30',
        finalisedDate: null,
        goodsReceivedId: 'some goods id',
        purchaseOrderId: 'test_purchase_order_a',
        nameInsuranceJoinId: 'NAME_INSURANCE_JOIN_1_ID',
        defaultDonorId: 'donor_a',
        insuranceDiscountAmount: 10,
        insuranceDiscountRate: 2.5,
        omStatus: null,
        omType: null,
        pickedDatetime: null,
        chargesLocalCurrency: 15.5,
        chargesForeignCurrency: 20,
      },
    },
    {
      translates: {
        id: '7c860d40f3f111eb9647790fe8518386',
        type: 'ci',
        status: 'fn',
        mode: 'store',
        currencyId: 'AUSTRALIAN_DOLLARS',
        confirmDate: null,
        confirmTime: 44806,
        transportReference: 'transport reference',
        chargesLocalCurrency: null,
      },
    },
    {
      translates: {
        id: 'Ac860d40f3f111eb9647790fe8518386',
        type: 'si',
        status: 'nw',
        omType: 'INVENTORY_ADDITION',
        omStatus: 'SHIPPED',
        colour: 'SomeColour',
        createdDatetime: '2022-08-24T09:33:00',
        verifiedDatetime: '2022-08-29T14:33:00',
        finalisedDate: '2022-08-29',
        finalisedTime: 34800,
      },
    },
    // An inventory addition (other party `invad`), om_* keys all null.
    {
      translates: {
        id: '065AEF4C9C214C9AB4ED7BA0A1EC72C0',
        nameId: 'invad',
        type: 'si',
        status: 'fn',
        comment: 'Stocktake 1; Added stock',
        entryTime: 0,
        omStatus: null,
        createdDatetime: null,
      },
    },
    // Status `FN` (upper case) is not one of nw/sg/cn/fn: the status has a catch-all, so ignored.
    { ignored: /status "FN"/ },
  ]);

  const invoice = fixtureRecord('transact', 0);
  it('rejects malformed fields, naming them', () => {
    expectFieldError(
      () => invoiceTranslator.fromWire(withFields(invoice, { entry_date: '0000-00-00' })),
      'entry_date',
    );
    expectFieldError(
      () => invoiceTranslator.fromWire(withFields(invoice, { entry_date: '2021-02-30' })),
      'entry_date',
    );
    expectFieldError(
      () => invoiceTranslator.fromWire(withFields(invoice, { invoice_num: 1.5 })),
      'invoice_num',
    );
    expectFieldError(() => invoiceTranslator.fromWire(withFields(invoice, { mode: 'warehouse' })), 'mode');
    expectFieldError(
      () => invoiceTranslator.fromWire(withFields(invoice, { name_ID: undefined })),
      'name_ID',
    );
    expectFieldError(() => invoiceTranslator.fromWire(withFields(invoice, { hold: 'false' })), 'hold');
    expectFieldError(
      () => invoiceTranslator.fromWire(withFields(invoice, { om_created_datetime: 'yesterday' })),
      'om_created_datetime',
    );
    expectFieldError(() => invoiceTranslator.fromWire(withFields(invoice, { oms_fields: [] })), 'oms_fields');
  });

  it('ignores types and statuses it does not handle', () => {
    for (const changes of [{ type: 'bu' }, { status: 'wp' }, { type: '' }]) {
      expect(thrownBy(() => invoiceTranslator.fromWire(withFields(invoice, changes)))).toBeInstanceOf(
        IgnoredRecord,
      );
    }
  });

  it('reads an invalid time as midnight, as the reference client does', () => {
    expect(invoiceTranslator.fromWire(withFields(invoice, { entry_time: 'noon' })).entryTime).toBe(0);
    expect(invoiceTranslator.fromWire(withFields(invoice, { confirm_time: 90_000 })).confirmTime).toBe(0);
  });

  it("drops the sender's om_* fields from central's copy of a transfer", () => {
    const copy = withFields(invoice, {
      om_type: 'OUTBOUND_SHIPMENT',
      om_status: 'SHIPPED',
      om_created_datetime: 'not even a date',
    });
    expect(invoiceTranslator.fromWire(copy)).toMatchObject({ type: 'si', omType: null, omStatus: null });
  });

  it('pushes legacy dates and times, null optionals, and always om_type/om_status', () => {
    const row = { ...invoiceTranslator.fromWire(invoice), receivedJson: null };
    const pushed = invoiceTranslator.toWire(row);
    expect(pushed).toMatchObject({
      entry_date: '2021-07-30T00:00:00',
      entry_time: '13:04:06',
      confirm_date: '2021-07-30T00:00:00',
      finalised_date: null,
      finalised_time: '00:00:00',
      comment: null,
      type: 'si',
      status: 'cn',
      om_type: 'INBOUND_SHIPMENT',
      om_status: 'DELIVERED',
      oms_fields: { charges_local_currency: 15.5, charges_foreign_currency: 20 },
    });
    expect(pushed).not.toHaveProperty('lastModifiedAt');
    expect(invoiceTranslator.storeIdOf(row)).toBe('store_b');
  });

  it('derives om_type/om_status from the legacy type, status and mode', () => {
    const derived = (changes: WireRecord): unknown => {
      const wire = invoiceTranslator.toWire({
        ...invoiceTranslator.fromWire(withFields(invoice, changes)),
        receivedJson: null,
      });
      return [wire.om_type, wire.om_status];
    };
    expect(derived({ type: 'ci', status: 'fn' })).toEqual(['OUTBOUND_SHIPMENT', 'SHIPPED']);
    expect(derived({ type: 'ci', status: 'cn', mode: 'dispensary' })).toEqual(['PRESCRIPTION', 'PICKED']);
    expect(derived({ type: 'ci', status: 'fn', mode: 'dispensary' })).toEqual(['PRESCRIPTION', 'VERIFIED']);
    expect(derived({ type: 'si', status: 'sg' })).toEqual(['INBOUND_SHIPMENT', 'NEW']);
    expect(derived({ type: 'si', status: 'fn' })).toEqual(['INBOUND_SHIPMENT', 'VERIFIED']);
    expect(derived({ type: 'sc', status: 'cn' })).toEqual(['SUPPLIER_RETURN', 'PICKED']);
    expect(derived({ type: 'cc', status: 'cn' })).toEqual(['CUSTOMER_RETURN', 'DELIVERED']);
    expect(derived({ type: 'sr', status: 'fn' })).toEqual(['REPACK', 'VERIFIED']);
    // Received om_* values win over the derivation.
    expect(derived({ om_type: 'INVENTORY_ADDITION', om_status: 'VERIFIED' })).toEqual([
      'INVENTORY_ADDITION',
      'VERIFIED',
    ]);
  });

  it('toWire(fromWire(x)) preserves the modelled values of every fixture record', () => {
    /** The push writes times as HH:MM:SS; the pull reads seconds. */
    const seconds = (time: unknown): number => {
      const [h = 0, m = 0, s = 0] = String(time).split(':').map(Number);
      return h * 3600 + m * 60 + s;
    };
    const records = translatableRecords(invoiceTranslator);
    expect(records).toHaveLength(4);
    for (const record of records) {
      const row = invoiceTranslator.fromWire(record);
      const pushed = invoiceTranslator.toWire({ ...row, receivedJson: null } as Invoice);
      for (const key of ['entry_time', 'confirm_time', 'finalised_time']) pushed[key] = seconds(pushed[key]);
      // om_type/om_status come back filled in when they were derived for the push.
      expect(invoiceTranslator.fromWire(pushed)).toEqual({
        ...row,
        omType: row.omType ?? pushed.om_type,
        omStatus: row.omStatus ?? pushed.om_status,
      });
    }
  });
});

describe('trans_line', () => {
  itHandlesEveryFixtureRecord(invoiceLineTranslator, [
    {
      translates: {
        id: 'A9A2D5854A15457388C8266D95DE1945',
        invoiceId: 'outbound_shipment_a',
        itemId: 'item_a',
        itemName: 'Item A',
        stockLineId: 'item_a_line_a',
        locationId: null,
        batch: null,
        expiryDate: '2022-02-22',
        packSize: 5,
        type: 'stock_out',
        numberOfPacks: 1000.9124798,
        costPricePerPack: 5,
        sellPricePerPack: 2,
        itemCode: 'item_a_code',
        taxPercentage: 33.3,
        totalBeforeTax: 105.4,
        totalAfterTax: 130.5,
        itemVariantId: '5fb99f9c-03f4-47f2-965b-c9ecd083c675',
        campaignId: 'campaign_a',
        programId: 'program_a',
      },
    },
    {
      translates: {
        id: '4A15457388C8266D95DE1945A9A2D585',
        reasonId: '0',
        taxPercentage: null,
        campaignId: null,
      },
    },
    {
      translates: {
        id: '1CC10911C7F64369B965181D78696837',
        numberOfPacks: -20,
        sellPricePerPack: -200,
        expiryDate: null,
        foreignCurrencyPrice: -200,
        campaignId: null,
      },
    },
    {
      translates: {
        id: 'C6CF33BB6BD94D30BF0F691CB9A3E9FD',
        batch: 'ABC123',
        expiryDate: '2025-08-31',
        prescribedQuantity: 21,
        itemCode: null,
        totalAfterTax: null,
      },
    },
  ]);
  itRoundTrips(invoiceLineTranslator);

  const line = fixtureRecord('trans_line', 0);
  it('ignores line types it does not handle', () => {
    const error = thrownBy(() => invoiceLineTranslator.fromWire(withFields(line, { type: 'non_stock' })));
    expect(error).toBeInstanceOf(IgnoredRecord);
  });

  it('rejects malformed fields, naming them', () => {
    expectFieldError(
      () => invoiceLineTranslator.fromWire(withFields(line, { quantity: undefined })),
      'quantity',
    );
    expectFieldError(
      () => invoiceLineTranslator.fromWire(withFields(line, { expiry_date: '2022-02-30' })),
      'expiry_date',
    );
    expectFieldError(
      () => invoiceLineTranslator.fromWire(withFields(line, { transaction_ID: '' })),
      'transaction_ID',
    );
    expectFieldError(() => invoiceLineTranslator.fromWire(withFields(line, { om_tax: '15%' })), 'om_tax');
  });

  it('has no store of its own (the push filter reaches lines through their invoice)', () => {
    expect(
      invoiceLineTranslator.storeIdOf({ ...invoiceLineTranslator.fromWire(line), receivedJson: null }),
    ).toBeNull();
  });
});
