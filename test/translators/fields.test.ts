// The field readers of reference §10.1 that the translators share, and the push shape that keeps
// what central sent under the modelled fields.
import { describe, expect, it } from 'vitest';
import {
  requiredOptionalDate,
  requiredOptionalDateTime,
  requiredOptionalOneOf,
  requiredOptionalText,
  secondsAfterMidnight,
} from '../../src-main/translators/fields';
import { mergeOverReceived } from '../../src-main/translators/push-shape';
import { expectFieldError } from './helpers';

describe('R optional readers', () => {
  it('need the key, and read "" and null as none', () => {
    for (const value of ['', null]) {
      expect(requiredOptionalText({ note: value }, 'note')).toBeNull();
      expect(requiredOptionalDate({ day: value }, 'day')).toBeNull();
      expect(requiredOptionalDateTime({ at: value }, 'at')).toBeNull();
      expect(requiredOptionalOneOf({ state: value }, 'state', ['a', 'b'])).toBeNull();
    }
    expect(requiredOptionalDate({ day: '0000-00-00' }, 'day')).toBeNull();
    expectFieldError(() => requiredOptionalText({}, 'note'), 'note');
    expectFieldError(() => requiredOptionalDate({}, 'day'), 'day');
    expectFieldError(() => requiredOptionalDateTime({}, 'at'), 'at');
    expectFieldError(() => requiredOptionalOneOf({}, 'state', ['a']), 'state');
  });

  it('find mixed-case and spaced keys, and still check the value', () => {
    expect(requiredOptionalText({ 'Charge Code': 'GEN' }, 'charge code')).toBe('GEN');
    expectFieldError(() => requiredOptionalText({ NOTE: 5 }, 'note'), 'note');
    expectFieldError(() => requiredOptionalOneOf({ state: 'c' }, 'state', ['a', 'b']), 'state');
  });
});

describe('optionalDateTime', () => {
  it('reads a datetime of a real day and time, with a space or a T, fractions kept', () => {
    expect(requiredOptionalDateTime({ at: '2024-02-29 23:59:59.125' }, 'at')).toBe('2024-02-29T23:59:59.125');
    for (const impossible of [
      '2023-02-29T10:00:00',
      '2023-01-01T24:00:00',
      '2023-01-01T10:60:00',
      '2023-13-01T00:00:00',
    ]) {
      expectFieldError(() => requiredOptionalDateTime({ at: impossible }, 'at'), 'at');
    }
  });
});

describe('secondsAfterMidnight', () => {
  it('reads whole seconds, the push format, and anything else as midnight', () => {
    expect(secondsAfterMidnight({ t: 47046 }, 't')).toBe(47046);
    expect(secondsAfterMidnight({ t: '13:04:06' }, 't')).toBe(47046);
    for (const invalid of [-1, 86_400, 1.5, '1:2:3', '24:00:00', null, '', true]) {
      expect(secondsAfterMidnight({ t: invalid }, 't')).toBe(0);
    }
  });

  it('needs the key: legacy always sends its times', () => {
    expectFieldError(() => secondsAfterMidnight({}, 'entry_time'), 'entry_time');
  });
});

describe('mergeOverReceived', () => {
  it('keeps unmodelled keys, nested ones included, and replaces other spellings of modelled keys', () => {
    const received = {
      ID: 'X',
      Comment: 'old',
      kit_data: { a: 1 },
      oms_fields: { campaign_id: 'c', status: 'PENDING' },
    };
    const modelled = { ID: 'X', comment: 'new', oms_fields: { campaign_id: null } };
    expect(mergeOverReceived(received, modelled)).toEqual({
      ID: 'X',
      comment: 'new',
      kit_data: { a: 1 },
      oms_fields: { campaign_id: null, status: 'PENDING' },
    });
  });

  it('writes a modelled object over a received "" or null', () => {
    expect(mergeOverReceived({ oms_fields: '' }, { oms_fields: { a: 1 } })).toEqual({ oms_fields: { a: 1 } });
    expect(mergeOverReceived({ oms_fields: null }, { oms_fields: { a: 1 } })).toEqual({
      oms_fields: { a: 1 },
    });
  });
});
