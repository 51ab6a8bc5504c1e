// Reading legacy fields the way the central writes them (reference/v5-legacy-central-api.md §10.1),
// and writing them back in the push formats. Every reader throws a TranslationError naming the field.
import { TranslationError, type WireRecord } from './types';

/** Looks a key up exactly, then ignoring case and spaces (legacy keys are mixed-case, some spaced). */
function lookup(record: WireRecord, key: string): { found: boolean; value: unknown } {
  if (key in record) return { found: true, value: record[key] };
  const wanted = key.toLowerCase().replaceAll(' ', '');
  for (const [candidate, value] of Object.entries(record)) {
    if (candidate.toLowerCase().replaceAll(' ', '') === wanted) return { found: true, value };
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

/** Legacy times are whole seconds after midnight; anything else counts as 0, as the reference client does. */
export function secondsAfterMidnight(record: WireRecord, key: string): number {
  const { value } = lookup(record, key);
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 86_400 ? value : 0;
}

/** An ISO-like datetime `YYYY-MM-DDTHH:MM:SS[.fff]`; `""`/`null` mean none. */
export function optionalDateTime(record: WireRecord, key: string): string | null {
  const value = optionalText(record, key);
  if (value === null) return null;
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?$/.test(value)) {
    throw new TranslationError(key, `must be a datetime YYYY-MM-DDTHH:MM:SS, got "${value}"`);
  }
  return value.replace(' ', 'T');
}

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
