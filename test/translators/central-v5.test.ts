// v5 central data: item, name, store, currency and the master lists, against the real legacy records.
import { describe, expect, it } from 'vitest';
import { itemTranslator } from '../../src-main/translators/tables/item';
import { nameTranslator } from '../../src-main/translators/tables/name';
import { storeTranslator } from '../../src-main/translators/tables/store';
import { currencyTranslator } from '../../src-main/translators/tables/currency';
import { masterListTranslator } from '../../src-main/translators/tables/list-master';
import { masterListLineTranslator } from '../../src-main/translators/tables/list-master-line';
import { masterListNameJoinTranslator } from '../../src-main/translators/tables/list-master-name-join';
import { IgnoredRecord } from '../../src-main/translators/types';
import {
  expectFieldError,
  fixtureRecord,
  itHandlesEveryFixtureRecord,
  itRoundTrips,
  thrownBy,
  withFields,
} from './helpers';

describe('item', () => {
  itHandlesEveryFixtureRecord(itemTranslator, [
    {
      translates: {
        id: '8F252B5884B74888AAB73A0D42C09E7A',
        name: 'Non stock items',
        code: 'NSI',
        type: 'non_stock',
        unitId: null,
        defaultPackSize: 1,
        isVaccine: false,
        venCategory: null,
        strength: null,
        doses: 0,
        volumePerPack: 0,
      },
    },
    {
      translates: {
        id: '8F252B5884B74888AAB73A0D42C09E7F',
        type: 'general',
        unitId: 'A02C91EB6C77400BA783C4CD7C565F29',
        defaultPackSize: 2,
      },
    },
  ]);
  itRoundTrips(itemTranslator);

  const item = fixtureRecord('item', 1);
  it('rejects malformed fields, naming them', () => {
    expectFieldError(() => itemTranslator.fromWire(withFields(item, { type_of: 'kit' })), 'type_of');
    expectFieldError(
      () => itemTranslator.fromWire(withFields(item, { default_pack_size: '1' })),
      'default_pack_size',
    );
    expectFieldError(() => itemTranslator.fromWire(withFields(item, { doses: 1.5 })), 'doses');
    expectFieldError(() => itemTranslator.fromWire(withFields(item, { is_vaccine: 0 })), 'is_vaccine');
    expectFieldError(() => itemTranslator.fromWire(withFields(item, { VEN_category: 'X' })), 'VEN_category');
    expectFieldError(() => itemTranslator.fromWire(withFields(item, { item_name: undefined })), 'item_name');
    expectFieldError(() => itemTranslator.fromWire(withFields(item, { ID: '' })), 'ID');
  });

  it('keeps a VEN category and pushes absent optionals as null', () => {
    const row = itemTranslator.fromWire(withFields(item, { VEN_category: 'E' }));
    expect(row.venCategory).toBe('E');
    const pushed = itemTranslator.toWire({ ...itemTranslator.fromWire(item), receivedJson: null });
    expect(pushed).toMatchObject({ strength: null, category_ID: null, VEN_category: null });
    expect(pushed).not.toHaveProperty('kit_data');
  });
});

describe('name', () => {
  itHandlesEveryFixtureRecord(nameTranslator, [
    {
      translates: {
        id: '1FB32324AF8049248D929CFB35F255BA',
        name: 'General',
        type: 'patient',
        isCustomer: true,
        isSupplier: true,
        chargeCode: 'GEN',
        isOnHold: true,
        dateOfBirth: null,
        createdDate: '2022-05-22',
        gender: 'FEMALE',
        createdDatetime: null,
        hshCode: 'HSH001',
        currencyId: null,
      },
    },
    {
      translates: {
        id: '9EDD3F83C3D64C22A3CC9C98CF4967C4',
        type: 'facility',
        nextOfKinId: '1FB32324AF8049248D929CFB35F255BA',
        currencyId: 'NEW_ZEALAND_DOLLARS',
        freightFactor: 1,
        createdDate: null,
        gender: null,
      },
    },
    { translates: { id: 'CB929EB86530455AB0392277FAC3DBA4', nationalHealthNumber: 'NHN002' } },
    // `{"check": "check"}`: a row with no ID at all.
    { fails: 'ID' },
    {
      translates: {
        id: 'C3FB3B30A8D04DDF9AF59A15BB48668A',
        firstName: 'Alex',
        lastName: 'Moemoe',
        dateOfBirth: '1998-07-29',
        isDeceased: true,
        supplyingStoreId: 'store_a',
        nextOfKinName: 'Fun Parent',
      },
    },
  ]);
  itRoundTrips(nameTranslator);

  const name = fixtureRecord('name', 4);
  it('rejects malformed fields, naming them', () => {
    expectFieldError(() => nameTranslator.fromWire(withFields(name, { customer: 'true' })), 'customer');
    expectFieldError(
      () => nameTranslator.fromWire(withFields(name, { date_of_birth: '2021-02-30' })),
      'date_of_birth',
    );
    expectFieldError(() => nameTranslator.fromWire(withFields(name, { code: undefined })), 'code');
    expectFieldError(
      () => nameTranslator.fromWire(withFields(name, { om_created_datetime: 'today' })),
      'om_created_datetime',
    );
  });

  it('keeps an unknown type as received (the field has a catch-all)', () => {
    expect(nameTranslator.fromWire(withFields(name, { type: 'alien' })).type).toBe('alien');
  });

  it('pushes dates in the legacy push format and the spaced key back', () => {
    const pushed = nameTranslator.toWire({ ...nameTranslator.fromWire(name), receivedJson: null });
    expect(pushed).toMatchObject({ date_of_birth: '1998-07-29T00:00:00', 'charge code': '00102/19/01' });
    expect(pushed.om_date_of_death).toBeNull();
  });
});

describe('store', () => {
  itHandlesEveryFixtureRecord(storeTranslator, [
    {
      translates: {
        id: '4E27CEB263354EB7B1B33CEA8F7884D8',
        nameId: '1FB32324AF8049248D929CFB35F255BA',
        code: 'GEN',
        siteId: 1,
        logo: 'No logo',
        mode: 'store',
        createdDate: '2021-09-03',
        isDisabled: false,
      },
    },
    // Drug registration: a legacy system store.
    { ignored: /DRG/ },
    // Supervisor store: a system store (and it has no name).
    { ignored: /SM/ },
  ]);
  itRoundTrips(storeTranslator);

  const store = fixtureRecord('store', 0);
  it('ignores a store without a name and the HIS store', () => {
    expect(thrownBy(() => storeTranslator.fromWire(withFields(store, { name_ID: '' })))).toBeInstanceOf(
      IgnoredRecord,
    );
    expect(thrownBy(() => storeTranslator.fromWire(withFields(store, { code: 'HIS' })))).toBeInstanceOf(
      IgnoredRecord,
    );
  });

  it('rejects malformed fields, naming them', () => {
    expectFieldError(
      () => storeTranslator.fromWire(withFields(store, { store_mode: 'warehouse' })),
      'store_mode',
    );
    expectFieldError(
      () => storeTranslator.fromWire(withFields(store, { sync_id_remote_site: 1.5 })),
      'sync_id_remote_site',
    );
    expectFieldError(
      () => storeTranslator.fromWire(withFields(store, { created_date: '2021-13-01' })),
      'created_date',
    );
    expectFieldError(() => storeTranslator.fromWire(withFields(store, { disabled: undefined })), 'disabled');
  });
});

describe('currency', () => {
  itHandlesEveryFixtureRecord(currencyTranslator, [
    {
      translates: {
        id: 'NEW_ZEALAND_DOLLARS',
        code: 'NZD',
        rate: 1,
        isHomeCurrency: true,
        dateUpdated: '2020-01-01',
      },
    },
  ]);
  itRoundTrips(currencyTranslator);

  it('rejects malformed fields, naming them', () => {
    const currency = fixtureRecord('currency', 0);
    expectFieldError(() => currencyTranslator.fromWire(withFields(currency, { rate: '1.0' })), 'rate');
    expectFieldError(
      () => currencyTranslator.fromWire(withFields(currency, { currency: undefined })),
      'currency',
    );
  });
});

describe('list_master', () => {
  itHandlesEveryFixtureRecord(masterListTranslator, [
    {
      translates: {
        id: '87027C44835B48E6989376F42A58F7EA',
        name: 'District Store',
        code: null,
        description: 'note 1',
        isActive: false,
        isDefaultPriceList: null,
      },
    },
    { translates: { id: '87027C44835B48E6989376F42A58F7E3', name: 'District Store 2', isActive: true } },
    {
      translates: {
        id: '4d9a615e-eebb-42ad-a806-e3854f7733ae',
        name: 'Default Price List',
        isDefaultPriceList: true,
        discountPercentage: 0,
      },
    },
    // From the program-requisition-settings file: a program is a master list too.
    { translates: { id: 'program_test', name: 'Program Test 01', description: 'note 3', isActive: true } },
  ]);
  itRoundTrips(masterListTranslator);

  it('rejects malformed fields, naming them', () => {
    const list = fixtureRecord('list_master', 0);
    expectFieldError(
      () => masterListTranslator.fromWire(withFields(list, { description: undefined })),
      'description',
    );
    expectFieldError(() => masterListTranslator.fromWire(withFields(list, { inactive: 'yes' })), 'inactive');
  });

  it('treats a list without `inactive` as active', () => {
    const list = withFields(fixtureRecord('list_master', 0), { inactive: undefined });
    expect(masterListTranslator.fromWire(list).isActive).toBe(true);
  });
});

describe('list_master_line', () => {
  itHandlesEveryFixtureRecord(masterListLineTranslator, [
    {
      translates: {
        id: '9B02D0770B544BD1AC7DB99BB85FCDD5',
        masterListId: 'item_query_test1',
        itemId: 'item_a',
        price: 3.15,
      },
    },
  ]);
  itRoundTrips(masterListLineTranslator);

  it('rejects malformed fields, naming them', () => {
    const line = fixtureRecord('list_master_line', 0);
    expectFieldError(
      () => masterListLineTranslator.fromWire(withFields(line, { item_ID: undefined })),
      'item_ID',
    );
    expectFieldError(
      () => masterListLineTranslator.fromWire(withFields(line, { item_master_ID: '' })),
      'item_master_ID',
    );
    expectFieldError(() => masterListLineTranslator.fromWire(withFields(line, { price: 'free' })), 'price');
  });
});

describe('list_master_name_join', () => {
  itHandlesEveryFixtureRecord(masterListNameJoinTranslator, [
    {
      translates: {
        id: 'A7A06D78361041448B836857ED4330C4',
        masterListId: '87027C44835B48E6989376F42A58F7E3',
        nameId: 'name_store_a',
      },
    },
  ]);
  itRoundTrips(masterListNameJoinTranslator);

  it('rejects malformed fields, naming them', () => {
    const join = fixtureRecord('list_master_name_join', 0);
    expectFieldError(
      () => masterListNameJoinTranslator.fromWire(withFields(join, { list_master_ID: undefined })),
      'list_master_ID',
    );
    expectFieldError(
      () => masterListNameJoinTranslator.fromWire(withFields(join, { name_ID: 7 })),
      'name_ID',
    );
  });
});
