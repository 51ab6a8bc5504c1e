// Pause at interval 0 after the current batch, resume from where it stopped, and Sync now while
// paused — with the real engine against the real reference central.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY, readNumber } from '../../../src-main/settings/key-value';
import type { RunOutcome } from '../../../src-main/sync/run';
import type { RunProgress } from '../../../src-main/sync/run-log';
import { SyncEngine } from '../../../src-main/sync-engine';
import { startCentral, type Central } from '../../reference-central/harness';

const TIMINGS = { initialisePollMs: 200, initialiseTimeoutMs: 20_000, integrationTimeoutMs: 10_000 };

function nextOutcome(engine: SyncEngine): Promise<RunOutcome> {
  return new Promise((resolve) => engine.scheduler.once('run-finished', resolve));
}

describe('pause and resume with the real engine', () => {
  let central: Central;
  beforeAll(async () => {
    central = await startCentral({ demo: true, volume: 3000 });
  }, 120_000);
  afterAll(() => central.stop());

  it('interval 0 stops the run at a batch boundary; Sync now while paused resumes from there', async () => {
    const engine = await SyncEngine.open({
      dataDir: mkdtempSync(path.join(tmpdir(), 'satellite-pause-')),
      hardwareId: 'PAUSE-TEST',
      timings: TIMINGS,
    });
    try {
      await engine.configure({
        url: central.legacyUrl,
        siteName: 'satellite-1',
        password: 'satellite-1-pass',
        syncId: 2,
        requestSize: 50,
        intervalMinutes: 5,
      });
      const pausedAtBatch = new Promise<void>((resolve) => {
        const onProgress = (run: RunProgress): void => {
          const pull = run.steps.find((step) => step.step === 'pullCentral');
          if ((pull?.done ?? 0) > 0) {
            engine.runLog.off('progress', onProgress);
            void engine.setIntervalMinutes(0).then(resolve);
          }
        };
        engine.runLog.on('progress', onProgress);
      });
      const first = nextOutcome(engine);
      engine.startAutomaticSync({ runNow: true });
      await pausedAtBatch;
      expect(await first).toEqual({ status: 'paused' });

      const manager = engine.db.dataSource.manager;
      const cursorAtPause = await readNumber(manager, KEY.centralPullCursor, 0);
      expect(cursorAtPause).toBeGreaterThan(0);
      const statusWhilePaused = await engine.status();
      expect(statusWhilePaused.paused).toBe(true);
      expect(statusWhilePaused.lastRun?.outcome).toBe('paused');
      expect(statusWhilePaused.lastSuccessfulRun).toBeNull();
      expect(engine.scheduler.state.nextRunAt).toBeNull();

      const second = nextOutcome(engine);
      engine.syncNow();
      expect(await second).toEqual({ status: 'succeeded' });
      const status = await engine.status();
      const pullCentral = status.lastRun?.steps.find((step) => step.step === 'pullCentral');
      // Resumed: the second run only pulled what was left after the pause.
      expect(pullCentral?.total).toBe((await readNumber(manager, KEY.centralPullCursor, 0)) - cursorAtPause);
      expect(status.lastSuccessfulRun?.id).toBe(status.lastRun?.id);
      expect(status.paused).toBe(true);
    } finally {
      await engine.close();
    }
  }, 120_000);
});
