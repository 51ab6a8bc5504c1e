// Shared by the translator tests: the real legacy records of ../shared/fixtures/legacy-records.json
// grouped by wire table, and one expected outcome per record.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import {
  IgnoredRecord,
  TranslationError,
  type SyncedRow,
  type TableTranslator,
  type WireRecord,
} from '../../src-main/translators/types';

const FIXTURE_FILE = fileURLToPath(new URL('../../../shared/fixtures/legacy-records.json', import.meta.url));

type Fixture = Record<string, { legacyTable: string | null; records: WireRecord[] }>;

/** Fixture entries without a `legacyTable` are named by their source file. */
const SOURCE_FILE_TABLES: Record<string, string> = { master_list_line: 'list_master_line' };

const fixture = JSON.parse(readFileSync(FIXTURE_FILE, 'utf8')) as Fixture;

/** Every fixture record of one wire table, across source files, in file order. */
export function fixtureRecords(table: string): WireRecord[] {
  return Object.entries(fixture)
    .filter(([source, entry]) => (entry.legacyTable ?? SOURCE_FILE_TABLES[source]) === table)
    .flatMap(([, entry]) => entry.records);
}

/** The `index`-th fixture record of a wire table (0-based). */
export function fixtureRecord(table: string, index: number): WireRecord {
  const record = fixtureRecords(table)[index];
  if (!record) throw new Error(`the fixtures have no ${table} record #${index}`);
  return record;
}

export type Outcome<Row> =
  | { translates: Partial<Omit<Row, 'receivedJson'>> }
  | { ignored: RegExp }
  /** The name of the field the TranslationError blames. */
  | { fails: string };

/** The error `work` throws (fails the test when it throws nothing). */
export function thrownBy(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, none was thrown');
}

/** Asserts `work` throws a TranslationError blaming `field`. */
export function expectFieldError(work: () => unknown, field: string): void {
  const error = thrownBy(work);
  expect(error).toBeInstanceOf(TranslationError);
  expect((error as TranslationError).field).toBe(field);
}

/** Asserts that each change of `record` makes the translator fail on the field named beside it. */
export function expectFieldErrors<Row extends SyncedRow>(
  translator: TableTranslator<Row>,
  record: WireRecord,
  cases: readonly (readonly [changes: WireRecord, field: string])[],
): void {
  for (const [changes, field] of cases)
    expectFieldError(() => translator.fromWire(withFields(record, changes)), field);
}

/** One test per fixture record of the translator's wire table, each with its expected outcome. */
export function itHandlesEveryFixtureRecord<Row extends SyncedRow>(
  translator: TableTranslator<Row>,
  outcomes: readonly Outcome<Row>[],
): void {
  const records = fixtureRecords(translator.table);
  it(`has an expected outcome for each of the ${outcomes.length} fixture records`, () => {
    expect(records).toHaveLength(outcomes.length);
  });
  outcomes.forEach((outcome, index) => {
    const record = records[index] ?? {};
    const label = `fixture record ${index + 1} (${String(record.ID ?? record.id ?? 'no id')})`;
    if ('translates' in outcome) {
      it(`${label} translates`, () => {
        expect(translator.fromWire(record)).toMatchObject(outcome.translates);
      });
    } else if ('ignored' in outcome) {
      it(`${label} is ignored`, () => {
        const error = thrownBy(() => translator.fromWire(record));
        expect(error).toBeInstanceOf(IgnoredRecord);
        expect((error as IgnoredRecord).reason).toMatch(outcome.ignored);
      });
    } else {
      it(`${label} fails on ${outcome.fails}`, () => {
        expectFieldError(() => translator.fromWire(record), outcome.fails);
      });
    }
  });
}

/** The fixture records of the table that translate. */
export function translatableRecords<Row extends SyncedRow>(translator: TableTranslator<Row>): WireRecord[] {
  return fixtureRecords(translator.table).filter((record) => {
    try {
      translator.fromWire(record);
      return true;
    } catch {
      return false;
    }
  });
}

/** Row → push JSON → row: the push shape carries every modelled value in a form the pull reads back. */
export function itRoundTrips<Row extends SyncedRow>(translator: TableTranslator<Row>): void {
  it('toWire(fromWire(x)) preserves the modelled values of every fixture record', () => {
    const records = translatableRecords(translator);
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      const row = translator.fromWire(record);
      const pushed = translator.toWire({ ...row, receivedJson: null } as Row);
      expect(translator.fromWire(pushed)).toEqual(row);
    }
  });
}

/** A copy of `record` with `changes` applied; an `undefined` value removes the key. */
export function withFields(record: WireRecord, changes: WireRecord): WireRecord {
  const copy: WireRecord = { ...record, ...changes };
  for (const [key, value] of Object.entries(changes)) if (value === undefined) delete copy[key];
  return copy;
}
