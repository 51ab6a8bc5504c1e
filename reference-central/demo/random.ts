// Deterministic building blocks for generated records: a seeded PRNG, stable ids and legacy dates.
import { createHash } from 'node:crypto';

/** mulberry32: small, fast and good enough for demo data; the same seed always gives the same sequence. */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** A price with two decimals in [min, max). */
  money(min: number, max: number): number {
    return Math.round((min + this.next() * (max - min)) * 100) / 100;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('Prng.pick needs a non-empty list');
    return item;
  }
}

function digest(parts: readonly (string | number)[]): string {
  return createHash('md5').update(parts.join('\u001f')).digest('hex');
}

/**
 * A legacy-style id (32 upper-case hex characters, like the fixtures) derived from its parts, so a
 * record keeps its id whatever else is generated around it.
 */
export function legacyId(...parts: (string | number)[]): string {
  return digest(parts).toUpperCase();
}

/** A v6-style id: a name-based (version 3) UUID, lower case like Open mSupply's own ids. */
export function omsId(...parts: (string | number)[]): string {
  const hex = digest(parts);
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-3${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** 32-bit integer hash (murmur3 finaliser); a bijection, so distinct inputs give distinct outputs. */
function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).toUpperCase().padStart(2, '0'));
const hexByte = (value: number): string => HEX_BYTES[value & 0xff] as string;
const hex8 = (value: number): string =>
  hexByte(value >>> 24) + hexByte(value >>> 16) + hexByte(value >>> 8) + hexByte(value);

/**
 * Legacy-style ids for the n-th row of a bulk series: as random-looking as legacyId but far cheaper,
 * and never repeating within the series (each 32-bit word is a bijection of n).
 */
export function idSeries(...namespace: (string | number)[]): (index: number) => string {
  const seed = digest(namespace);
  const words = [0, 8, 16, 24].map((offset) => parseInt(seed.slice(offset, offset + 8), 16));
  const [a = 0, b = 0, c = 0, d = 0] = words;
  return (index) =>
    (
      hex8(mix32(index ^ a)) +
      hex8(mix32(index + b)) +
      hex8(mix32(index ^ c)) +
      hex8(mix32(index + d))
    ).toUpperCase();
}

const DAY_MS = 86_400_000;

/** The day the demo data is "as of": fixed, so the data never depends on when it is generated. */
export const DEMO_TODAY = Date.UTC(2025, 2, 3) / DAY_MS;

const dates = new Map<number, string>();

/** `YYYY-MM-DD` for a day number (days since 1970-01-01). */
export function legacyDate(day: number): string {
  let date = dates.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dates.set(day, date);
  }
  return date;
}

/** Open mSupply datetime `YYYY-MM-DDTHH:MM:SS` for a day number and seconds after midnight. */
export function omsDatetime(day: number, seconds: number): string {
  return new Date(day * DAY_MS + seconds * 1000).toISOString().slice(0, 19);
}

/** Unix seconds for a day number and seconds after midnight (legacy `lastModifiedAt`). */
export function unixSeconds(day: number, seconds: number): number {
  return day * 86_400 + seconds;
}

/**
 * Legacy rows carry many unused columns; this builds a run of them with the same empty value from a
 * whitespace-separated list of column names.
 */
export function columns<V>(value: V, names: string): Record<string, V> {
  const row: Record<string, V> = {};
  for (const name of names.split(/\s+/)) if (name !== '') row[name] = value;
  return row;
}
