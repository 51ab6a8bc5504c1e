// The shape every table translator has: which wire table it handles, the local table it fills,
// what it depends on, and how a record crosses in each direction.
import type { EntitySchema } from 'typeorm';

/** A record as it travels: legacy JSON (v5) or the Open mSupply row JSON (v6). */
export type WireRecord = Record<string, unknown>;

/** Every synced local row has a text id and keeps the JSON it was last received as. */
export interface SyncedRow {
  id: string;
  /** The record as central last sent it (null for rows created here); merged under pushes. */
  receivedJson: string | null;
}

/** A field the record cannot be integrated with: which one and what is wrong. */
export class TranslationError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'TranslationError';
  }
}

/**
 * A record the client skips on purpose (a system store, an invoice type it does not handle): not an
 * error. The integrator marks the buffer row "Ignored: <reason>" instead of failing it.
 */
export class IgnoredRecord extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'IgnoredRecord';
  }
}

/** A reference from one synced record to another, checked before the record is written. */
export interface Reference<Row> {
  field: keyof Row & string;
  /** Wire table name of the referenced record. */
  table: string;
  /** A missing required reference fails the record; a missing optional one is blanked with a note. */
  required: boolean;
}

export interface TableTranslator<Row extends SyncedRow = SyncedRow> {
  /** Wire table name: the legacy name for v5 tables (`transact`, `Location`), the table name for v6. */
  readonly table: string;
  readonly api: 'v5' | 'v6';
  readonly entity: EntitySchema<Row>;
  /** Wire tables whose records must be integrated before this one's. */
  readonly pullDependencies: readonly string[];
  readonly references: readonly Reference<Row>[];
  /** Whether local changes of this table are pushed to its central server. */
  readonly pushable: boolean;
  /** Wire JSON → local row (without receivedJson); throws TranslationError for a bad field. */
  fromWire(record: WireRecord): Omit<Row, 'receivedJson'>;
  /** Local row → wire JSON, only the fields the table models, in the push formats. */
  toWire(row: Row): WireRecord;
  /** The store that owns the row (drives the push filter), or null for central data. */
  storeIdOf(row: Row): string | null;
}
