// Reading legacy fields the way the central writes them (reference/v5-legacy-central-api.md §10.1),
// and writing them back in the push formats. Every reader throws a TranslationError naming the field.
import { TranslationError, type WireRecord } from './types';

/** A key as the readers match it: legacy keys come mixed-case and some spaced (`charge code`). */
export function normalisedKey(key: string): string {
  return key.toLowerCase().replaceAll(' ', '');
}

/** Looks a key up exactly, then ignoring case and spaces. */
function lookup(record: WireRecord, key: string): { found: boolean; value: unknown } {
  if (key in record) return { found: true, value: record[key] };
  const wanted = normalisedKey(key);
  for (const [candidate, value] of Object.entries(record)) {
    if (normalisedKey(candidate) === wanted) return { found: true, value };
  }
  return { found: false, value: undefined };
}

function required(record: WireRecord, key: string): unknown {
  const { found, value } = lookup(record, key);
  if (!found) throw new TranslationError(key, 'is missing');
  return value;
}

/** A required string; `""` is kept as the empty string. */
export function text(record: WireRecord, key: string): string {
  const value = required(record, key);
  if (typeof value !== 'string') throw new TranslationError(key, `must be a string, got ${describe(value)}`);
  return value;
}

/** A required, non-empty string (ids). */
export function id(record: WireRecord, key: string): string {
  const value = text(record, key);
  if (value === '') throw new TranslationError(key, 'must not be empty');
  return value;
}

/** An optional string: absent, `""` and `null` all mean none. */
export function optionalText(record: WireRecord, key: string): string | null {
  const { value } = lookup(record, key);
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new TranslationError(key, `must be a string, got ${describe(value)}`);
  return value;
}

/**
 * The reference marks some optional fields R: legacy always sends the key, so a row without it is not
 * a legacy row (§10.1 "the key must be present but `""` is fine"). These readers check the key, then
 * read the value as their optional twin does.
 */
function present<T>(read: (record: WireRecord, key: string) => T): (record: WireRecord, key: string) => T {
  return (record, key) => {
    required(record, key);
    return read(record, key);
  };
}

/** An R optional string: the key must be there; `""` and `null` mean none. */
export const requiredOptionalText = present(optionalText);

export function integer(record: WireRecord, key: string): number {
  const value = required(record, key);
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new TranslationError(key, `must be a whole number, got ${describe(value)}`);
  }
  return value;
}

export function optionalInteger(record: WireRecord, key: string): number | null {
  const { value } = lookup(record, key);
  if (value === undefined || value === null || value === '') return null;
  return integer({ [key]: value }, key);
}

export function number(record: WireRecord, key: string): number {
  const value = required(record, key);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new TranslationError(key, `must be a number, got ${describe(value)}`);
  }
  return value;
}

export function optionalNumber(record: WireRecord, key: string): number | null {
  const { value } = lookup(record, key);
  if (value === undefined || value === null || value === '') return null;
  return number({ [key]: value }, key);
}

export function boolean(record: WireRecord, key: string): boolean {
  const value = required(record, key);
  if (typeof value !== 'boolean')
    throw new TranslationError(key, `must be true or false, got ${describe(value)}`);
  return value;
}

export function optionalBoolean(record: WireRecord, key: string): boolean | null {
  const { value } = lookup(record, key);
  if (value === undefined || value === null || value === '') return null;
  return boolean({ [key]: value }, key);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?)?$/;

/** A legacy date: `"YYYY-MM-DD"` (a trailing time is allowed); `""`, `null` and `"0000-00-00"` mean none. */
export function optionalDate(record: WireRecord, key: string): string | null {
  const value = optionalText(record, key);
  if (value === null || value.startsWith('0000-00-00')) return null;
  const match = DATE.exec(value);
  if (!match || !isRealDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw new TranslationError(key, `must be a date YYYY-MM-DD, got "${value}"`);
  }
  return value.slice(0, 10);
}

/** An R optional date: the key must be there; `""`, `null` and `"0000-00-00"` mean none. */
export const requiredOptionalDate = present(optionalDate);

/** A date that must be real (e.g. `transact.entry_date`). */
export function date(record: WireRecord, key: string): string {
  const value = optionalDate(record, key);
  if (value === null) throw new TranslationError(key, 'must be a real date, got none');
  return value;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const candidate = new Date(Date.UTC(year, month - 1, day));
  return (
    candidate.getUTCFullYear() === year &&
    candidate.getUTCMonth() === month - 1 &&
    candidate.getUTCDate() === day
  );
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d):([0-5]\d)$/;

/**
 * Legacy times are whole seconds after midnight and the key is always sent; an invalid value counts
 * as 0, as the reference client does. `"HH:MM:SS"` (the push format, which a central may echo back
 * in another site's record) is read as the time it names.
 */
export function secondsAfterMidnight(record: WireRecord, key: string): number {
  const value = required(record, key);
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 0 && value < 86_400 ? value : 0;
  }
  const match = typeof value === 'string' ? TIME.exec(value) : null;
  return match ? Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]) : 0;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?$/;

/** An ISO-like datetime `YYYY-MM-DDTHH:MM:SS[.fff]` of a real day; `""`/`null` mean none. */
export function optionalDateTime(record: WireRecord, key: string): string | null {
  const value = optionalText(record, key);
  if (value === null) return null;
  const match = DATE_TIME.exec(value);
  if (!match || !isRealDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw new TranslationError(key, `must be a datetime YYYY-MM-DDTHH:MM:SS, got "${value}"`);
  }
  return value.replace(' ', 'T');
}

/** An R optional datetime (e.g. name `om_created_datetime`): the key must be there, `""`/null mean none. */
export const requiredOptionalDateTime = present(optionalDateTime);

/** A datetime that must be present (e.g. asset `created_datetime`). */
export function dateTime(record: WireRecord, key: string): string {
  const value = optionalDateTime(record, key);
  if (value === null) throw new TranslationError(key, 'must be a datetime, got none');
  return value;
}

/** One of `allowed`; with no catch-all an unexpected value fails the record. */
export function oneOf<T extends string>(record: WireRecord, key: string, allowed: readonly T[]): T {
  const value = text(record, key);
  if (!(allowed as readonly string[]).includes(value)) {
    throw new TranslationError(
      key,
      `must be one of ${allowed.map((v) => `"${v}"`).join(', ')}, got "${value}"`,
    );
  }
  return value as T;
}

/**
 * An R enumeration whose empty value means none (requisition `authorisationStatus`): the key must be
 * there, `""`/null give null, anything else must be one of `allowed` (no catch-all).
 */
export function requiredOptionalOneOf<T extends string>(
  record: WireRecord,
  key: string,
  allowed: readonly T[],
): T | null {
  return requiredOptionalText(record, key) === null ? null : oneOf(record, key, allowed);
}

/** Nested `oms_fields`: an object, or `""`, `{}`, `null` meaning none. */
export function omsFields(record: WireRecord): WireRecord {
  const { value } = lookup(record, 'oms_fields');
  if (value === undefined || value === null || value === '') return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new TranslationError('oms_fields', `must be an object, got ${describe(value)}`);
  }
  return value as WireRecord;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  return JSON.stringify(value) ?? String(value);
}

// --- push formats (reference/v5-legacy-central-api.md §10.1) ---

/** Dates are pushed as `"YYYY-MM-DDT00:00:00"`, or null. */
export function dateToLegacy(value: string | null): string | null {
  return value === null ? null : `${value}T00:00:00`;
}

/** Times are pushed as `"HH:MM:SS"`. */
export function timeToLegacy(seconds: number): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
}
