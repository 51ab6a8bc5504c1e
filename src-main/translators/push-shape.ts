// What a push sends for a local row: the JSON central last sent, with the fields the table models
// written over it in the push formats, so that fields we do not model go back exactly as received.
import { normalisedKey } from './fields';
import type { SyncedRow, TableTranslator, WireRecord } from './types';

function isObject(value: unknown): value is WireRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `modelled` over `received`. Nested objects (`oms_fields`) merge key by key, so their unmodelled keys
 * survive too; a received key spelt differently (case, spaces) from a modelled one is replaced by it
 * rather than sent twice.
 */
export function mergeOverReceived(received: WireRecord, modelled: WireRecord): WireRecord {
  const modelledKeys = new Set(Object.keys(modelled).map(normalisedKey));
  const merged: WireRecord = {};
  const replaced = new Map<string, unknown>();
  for (const [key, value] of Object.entries(received)) {
    if (modelledKeys.has(normalisedKey(key))) replaced.set(normalisedKey(key), value);
    else merged[key] = value;
  }
  for (const [key, value] of Object.entries(modelled)) {
    const before = replaced.get(normalisedKey(key));
    merged[key] = isObject(value) && isObject(before) ? mergeOverReceived(before, value) : value;
  }
  return merged;
}

/** The push record of a row: what `satellite-sync records` shows and what Push sends. */
export function pushShapeOf(translator: TableTranslator, row: SyncedRow): WireRecord {
  const received = row.receivedJson ? (JSON.parse(row.receivedJson) as WireRecord) : {};
  return mergeOverReceived(received, translator.toWire(row));
}
