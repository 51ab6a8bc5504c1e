// Shapes shared by the demo-data modules.

/** One record's `recordData`, with legacy (v5) or Open mSupply (v6) column names. */
export type LegacyRow = Record<string, unknown>;

/** Rows per wire table name: the legacy name (`transact`, `Location`, …) or the v6 name (`asset`, …). */
export type RecordsByTable = Record<string, LegacyRow[]>;
