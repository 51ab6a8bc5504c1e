// Status events: read only when someone listens, in order, and one read per burst of progress.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SyncEngine } from '../../../src-main/sync-engine';
import type { SyncStatus } from '../../../src-main/sync/status';

const settled = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 200));

describe('sync engine status events', () => {
  let engine: SyncEngine;
  beforeEach(async () => {
    engine = await SyncEngine.open({
      dataDir: mkdtempSync(path.join(tmpdir(), 'satellite-events-')),
      hardwareId: 'HW-EVENTS',
    });
  });
  afterEach(() => engine.close());

  it('reads the status once for a burst of progress events, and that read sees the latest state', async () => {
    const statuses: SyncStatus[] = [];
    engine.on('status', (status: SyncStatus) => statuses.push(status));
    await engine.runLog.start('operational');
    await settled();
    statuses.length = 0;

    // Fifty progress events in one burst (as a busy step emits them faster than status is read).
    for (let count = 0; count < 50; count += 1) engine.runLog.emit('progress', engine.runLog.live);
    await engine.runLog.progress('push', 50, 50);
    await settled();

    expect(statuses.length).toBeLessThanOrEqual(2);
    const push = statuses.at(-1)?.current?.steps.find((step) => step.step === 'push');
    expect(push).toMatchObject({ done: 50, total: 50 });
  });
});
