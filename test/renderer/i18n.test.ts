import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../renderer/src/i18n/en';
import fr from '../../renderer/src/i18n/fr';
import { createAppI18n } from '../../renderer/src/i18n';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : leaves(value, `${prefix}${key}.`),
  );
}

const enLeaves = new Map(leaves(en));
const frLeaves = new Map(leaves(fr));

describe('messages', () => {
  it('English and French have exactly the same keys', () => {
    expect([...frLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
  });

  it('no message is empty', () => {
    for (const [key, value] of [...enLeaves, ...frLeaves]) expect(value.trim(), key).not.toBe('');
  });

  it('plural messages have the same number of forms in both languages', () => {
    for (const [key, value] of enLeaves) {
      expect(frLeaves.get(key)!.split('|').length, key).toBe(value.split('|').length);
    }
  });

  it('every key the renderer uses exists', () => {
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(vue|ts)$/.test(name) && !path.includes('i18n')) sources.push(readFileSync(path, 'utf8'));
      }
    };
    walk('renderer/src');
    const used = new Set(
      sources.flatMap((source) => [...source.matchAll(/\bt\('([\w.-]+)'/g)].map((m) => m[1]!)),
    );
    expect(used.size).toBeGreaterThan(50);
    for (const key of used) expect(enLeaves.has(key), key).toBe(true);
  });

  it('compiles every message and pluralises per language', () => {
    const i18n = createAppI18n('en');
    const { t } = i18n.global;
    for (const key of enLeaves.keys()) expect(() => t(key, { n: 2 })).not.toThrow();
    expect(t('sync.records', { n: 0 }, 0)).toBe('no records');
    expect(t('sync.records', { n: 1 }, 1)).toBe('1 record');
    expect(t('sync.records', { n: 4 }, 4)).toBe('4 records');
    expect(t('duration.seconds', { n: 0 }, 0)).toBe('0 seconds');

    i18n.global.locale.value = 'fr';
    expect(t('sync.records', { n: 1 }, 1)).toBe('1 enregistrement');
    expect(t('sync.records', { n: 4 }, 4)).toBe('4 enregistrements');
    expect(t('duration.seconds', { n: 0 }, 0)).toBe('0 seconde');
    expect(t('duration.minutes', { n: 2 }, 2)).toBe('2 minutes');
  });
});
