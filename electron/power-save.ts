// While a sync run is going the machine must not go to sleep (PRODUCT.md §4); the display may. The
// blocker follows the status main already publishes: on when a run starts, off when it ends.
import { powerSaveBlocker } from 'electron';
import type { SyncStatusView } from '../src-main/contract/views';

export interface StatusSource {
  on(event: 'statusChanged', listener: (status: SyncStatusView) => void): unknown;
}

/** Returns a function that releases the blocker (at quit). */
export function setupPowerSaveBlocker(source: StatusSource): () => void {
  let blocker: number | null = null;
  const release = (): void => {
    if (blocker !== null && powerSaveBlocker.isStarted(blocker)) powerSaveBlocker.stop(blocker);
    blocker = null;
  };
  source.on('statusChanged', (status) => {
    if (status.isSyncing && blocker === null) blocker = powerSaveBlocker.start('prevent-app-suspension');
    if (!status.isSyncing) release();
  });
  return release;
}
