// Initialisation of satellite-1 from the demo central: every record central routes to the site
// lands in its table (except those a translator ignores on purpose), untranslated records are kept,
// and nothing received is pushed back.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KEY, readNumber } from '../../../src-main/settings/key-value';
import { TRANSLATORS, translatorFor } from '../../../src-main/translators/registry';
import { SyncBufferEntity } from '../../../src-main/db/entities/internal';
import type { SyncEngine } from '../../../src-main/sync-engine';
import { seed, startCentral, type Central } from '../../reference-central/harness';
import { routeOf } from '../../../reference-central/table-routing';
import {
  SATELLITE_1,
  centralQuery,
  centralSnapshot,
  cleanUp,
  openEngine,
  siteSettings,
  stepTotals,
} from './helpers';

let central: Central;

beforeAll(async () => {
  central = await startCentral({ demo: true });
});
afterAll(async () => {
  await central?.dispose();
});
afterEach(cleanUp);

/**
 * Ids per wire table of the records central routes to a site owning `storeId`: every record of a
 * central table (v5 central change log, v6 central tables), and of store-owned tables only the
 * store's own (the central keeps each record's owning store, through its parent for lines).
 */
async function recordsRoutedTo(storeId: string): Promise<Map<string, Set<string>>> {
  const rows = await centralQuery<{ table_name: string; record_id: string; store_id: string | null }>(
    central,
    'SELECT table_name, record_id, store_id FROM record',
  );
  const routed = new Map<string, Set<string>>();
  for (const row of rows) {
    const route = routeOf(row.table_name);
    const isCentralData =
      (route.api === 'v5' && route.kind === 'central') || (route.api === 'v6' && route.style === 'central');
    if (!isCentralData && row.store_id !== storeId) continue;
    let ids = routed.get(row.table_name);
    if (!ids) routed.set(row.table_name, (ids = new Set()));
    ids.add(row.record_id);
  }
  return routed;
}

async function localIds(engine: SyncEngine, table: string): Promise<string[]> {
  const translator = translatorFor(table);
  if (!translator) throw new Error(`no translator for ${table}`);
  const rows = (await engine.db.dataSource
    .getRepository(translator.entity)
    .find({ select: { id: true } as never })) as { id: string }[];
  return rows.map((row) => row.id).sort();
}

async function bufferedWithError(engine: SyncEngine, prefix: string) {
  const rows = await engine.db.dataSource.getRepository(SyncBufferEntity).find();
  return rows.filter((row) => row.integrationError?.startsWith(prefix));
}

describe('initialising satellite-1 from the demo central', () => {
  it('holds every record routed to the site, keeps untranslated ones, and pushes nothing back', async () => {
    // The demo has only tables this version translates: add records of two that it does not (one
    // central, one the store's own), as real sites send them.
    await seed(central.dataDir, {
      abbreviation: [{ ID: 'ABBREVIATION_KEPT', abbreviation: 'k', expansion: 'kept for later' }],
      om_activity_log: [
        {
          ID: 'ACTIVITY_LOG_KEPT',
          type: 'InvoiceCreated',
          user_ID: '',
          store_ID: SATELLITE_1.storeId,
          record_ID: '',
          datetime: '2025-03-01T10:00:00',
          changed_to: '',
          changed_from: '',
        },
      ],
    });
    const routed = await recordsRoutedTo(SATELLITE_1.storeId);
    const engine = await openEngine({ hardwareId: 'HW-INITIALISE' });
    await engine.configure(siteSettings(central, SATELLITE_1));

    expect(await engine.syncOnce()).toEqual({ status: 'succeeded' });

    const status = await engine.status();
    expect(status.initialised).toBe(true);
    expect(status.lastRun).toMatchObject({ kind: 'initialisation', outcome: 'succeeded', error: null });
    expect(status.integrationProblems).toBe(0);
    // Integrate counts every record received (one buffer row each), those integrated ahead of it
    // while the pulls went on too.
    const received = await engine.db.dataSource.getRepository(SyncBufferEntity).count();
    expect(await stepTotals(engine, 'integrate')).toEqual({ done: received, total: received });

    // Translated tables: exactly what central routes here, less the records a translator ignores.
    const ignored = await bufferedWithError(engine, 'Ignored: ');
    expect(ignored.length).toBeGreaterThan(0); // the demo's system store (code SM)
    for (const translator of TRANSLATORS) {
      const expected = routed.get(translator.table) ?? new Set<string>();
      expect(expected.size, `central routes ${translator.table} records to satellite-1`).toBeGreaterThan(0);
      const ignoredIds = ignored
        .filter((row) => row.tableName === translator.table)
        .map((row) => row.recordId);
      for (const id of ignoredIds) expect(expected.has(id), `ignored ${translator.table} ${id}`).toBe(true);
      const kept = [...expected].filter((id) => !ignoredIds.includes(id)).sort();
      expect(await localIds(engine, translator.table), translator.table).toEqual(kept);
    }

    // Untranslated tables: every routed record is kept in the buffer, noted.
    const untranslatedTables = [...routed.keys()].filter((table) => !translatorFor(table));
    expect(untranslatedTables.sort()).toEqual(['abbreviation', 'om_activity_log']);
    const expectedUntranslated = untranslatedTables
      .flatMap((table) => [...(routed.get(table) ?? [])].map((id) => `${table} ${id}`))
      .sort();
    const kept = await bufferedWithError(engine, 'no translator for table ');
    expect(kept.map((row) => `${row.tableName} ${row.recordId}`).sort()).toEqual(expectedUntranslated);
    for (const row of kept) expect(row.integrationError).toBe(`no translator for table ${row.tableName}`);
    expect(status.untranslatedRecords).toBe(expectedUntranslated.length);

    // Push cursors moved past everything received: nothing waits, a second run pushes nothing.
    const manager = engine.db.dataSource.manager;
    const [{ max }] = (await manager.query('SELECT MAX(cursor) AS max FROM change_log')) as [{ max: number }];
    expect(max).toBeGreaterThan(0);
    expect(await readNumber(manager, KEY.pushCursorV5, 0)).toBe(max + 1);
    expect(await readNumber(manager, KEY.pushCursorV6, 0)).toBe(max + 1);
    expect(status.recordsWaitingToPush).toBe(0);

    const before = await centralSnapshot(central);
    expect(await engine.syncOnce()).toEqual({ status: 'succeeded' });
    expect(await centralSnapshot(central)).toEqual(before);
    const second = await engine.status();
    expect(second.lastRun).toMatchObject({ kind: 'operational', outcome: 'succeeded' });
    expect(await stepTotals(engine, 'pushV6')).toEqual({ done: 0, total: 0 });
    expect(await stepTotals(engine, 'push')).toEqual({ done: 0, total: 0 });
    // Only what is still pending (the untranslated records) is integrated again.
    expect(await stepTotals(engine, 'integrate')).toEqual({
      done: expectedUntranslated.length,
      total: expectedUntranslated.length,
    });
    expect(second.recordsWaitingToPush).toBe(0);
    expect(second.integrationProblems).toBe(0);
  });
});
