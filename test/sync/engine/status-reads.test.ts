// A status read can overlap the start or the end of a run. Whatever the interleaving, a run whose
// row is seen unfinished while it is going must read as running, never as interrupted.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLocalDatabase, type LocalDatabase } from '../../../src-main/db/data-source';
import { RunLog, type RunProgress } from '../../../src-main/sync/run-log';
import { readSyncStatus } from '../../../src-main/sync/status';

const syncing = () => ({ isRunning: true, paused: false });

/** A live-run getter that answers `first` on its first call and `later` afterwards. */
function liveChangingTo(first: RunProgress | undefined, later: RunProgress | undefined) {
  let calls = 0;
  return () => (calls++ === 0 ? first : later);
}

describe('sync status read while a run starts or finishes', () => {
  let db: LocalDatabase;
  let runLog: RunLog;
  beforeEach(async () => {
    db = await openLocalDatabase(mkdtempSync(path.join(tmpdir(), 'satellite-status-')));
    runLog = new RunLog(db);
  });
  afterEach(() => db.close());

  it('a run is live as soon as its row can be read', async () => {
    const started = runLog.start('operational');
    let rows: unknown[] = [];
    while (rows.length === 0) rows = await db.dataSource.query('SELECT id FROM sync_log');
    expect(runLog.live?.runId).toBe((rows[0] as { id: number }).id);
    await started;
  });

  it('reads a run that became live during the read as running', async () => {
    await runLog.start('operational');
    const live = runLog.live!;
    const status = await readSyncStatus(db, liveChangingTo(undefined, live), syncing);
    expect(status.current?.runId).toBe(live.runId);
    expect(status.lastRun).toMatchObject({ id: live.runId, outcome: 'running' });
  });

  it('reads a run that ended during the read (its row not yet saying so) as running, not interrupted', async () => {
    await runLog.start('operational');
    const live = runLog.live!;
    const status = await readSyncStatus(db, liveChangingTo(live, undefined), syncing);
    expect(status.current?.runId).toBe(live.runId);
    expect(status.lastRun).toMatchObject({ id: live.runId, outcome: 'running' });
  });

  it('reads a finished run as finished even when it was live as the read began', async () => {
    await runLog.start('operational');
    const live = runLog.live!;
    await runLog.finish(undefined);
    const status = await readSyncStatus(db, liveChangingTo(live, undefined), syncing);
    expect(status.current).toBeNull();
    expect(status.lastRun).toMatchObject({ id: live.runId, outcome: 'succeeded' });
  });

  it('reads a run left unfinished by an earlier process as interrupted', async () => {
    await runLog.start('operational');
    const runId = runLog.live!.runId;
    const status = await readSyncStatus(
      db,
      () => undefined,
      () => ({ isRunning: false, paused: false }),
    );
    expect(status.current).toBeNull();
    expect(status.lastRun).toMatchObject({ id: runId, outcome: 'interrupted' });
  });
});
