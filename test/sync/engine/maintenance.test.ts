// Generate sync records and Retrieve sync records (PRODUCT.md §5.4) against the real central.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readLocalRecord } from '../../../src-main/local-records';
import { generateSyncRecords, requestRetrieveSyncRecords } from '../../../src-main/sync/maintenance';
import { startCentral, type Central } from '../../reference-central/harness';
import { SATELLITE_1, cleanUp, initialisedEngine, stepTotals } from './helpers';

describe('maintenance actions', () => {
  let central: Central;
  beforeAll(async () => {
    central = await startCentral({ demo: true });
  }, 60_000);
  afterAll(() => central.stop());
  afterEach(cleanUp);

  it('Generate sync records queues every local record of this site for push once more', async () => {
    const engine = await initialisedEngine(central, SATELLITE_1, 'MAINTENANCE-MACHINE');
    const storeRows = await engine.db.dataSource.query(
      `SELECT (SELECT COUNT(*) FROM stock_line WHERE store_id = 'STORE_SATELLITE_ONE')
            + (SELECT COUNT(*) FROM invoice WHERE store_id = 'STORE_SATELLITE_ONE') AS n`,
    );
    const queued = await generateSyncRecords(engine.db);
    expect(queued).toBeGreaterThanOrEqual(Number(storeRows[0].n));
    expect((await engine.status()).recordsWaitingToPush).toBe(queued);
    expect(await engine.syncOnce()).toEqual({ status: 'succeeded' });
    const push = await stepTotals(engine, 'push');
    const pushV6 = await stepTotals(engine, 'pushV6');
    expect((push.total ?? 0) + (pushV6.total ?? 0)).toBe(queued);
    expect((await engine.status()).recordsWaitingToPush).toBe(0);
  }, 90_000);

  it('Retrieve sync records pushes first, then pulls everything for this site again', async () => {
    const engine = await initialisedEngine(central, SATELLITE_1, 'MAINTENANCE-MACHINE');
    const [stockLine] = await engine.db.dataSource.query(
      "SELECT id FROM stock_line WHERE store_id = 'STORE_SATELLITE_ONE' LIMIT 1",
    );
    // Lose a row behind the engine's back (as a damaged database would), then ask for everything again.
    await engine.db.dataSource.query('DELETE FROM stock_line WHERE id = ?', [stockLine.id]);
    await requestRetrieveSyncRecords(engine.db);
    expect(await engine.syncOnce()).toEqual({ status: 'succeeded' });
    const status = await engine.status();
    expect(status.lastRun?.kind).toBe('retrieve');
    expect(status.lastRun?.steps.map((step) => step.step)).toEqual([
      'pushV6',
      'push',
      'prepare',
      'pullCentral',
      'pullRemote',
      'pullV6',
      'integrate',
    ]);
    expect(await readLocalRecord(engine.db, 'item_line', stockLine.id)).not.toBeNull();
    expect((await stepTotals(engine, 'pullRemote')).total).toBeGreaterThan(0);
    // The next run is an ordinary one again.
    expect(await engine.syncOnce()).toEqual({ status: 'succeeded' });
    expect((await engine.status()).lastRun?.kind).toBe('operational');
  }, 90_000);
});
