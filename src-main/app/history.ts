// Sync history (PRODUCT.md §5.5): the last runs with their steps and the records each step handled.
import type { RunHistoryEntry, StepName } from '../contract/views';
import { SyncLogEntity } from '../db/entities/internal';
import { summarise } from '../sync/status';
import type { AppContext, ParsedInput } from './app-context';
import { runView } from './views';

export async function getSyncHistory(
  context: AppContext,
  { limit }: ParsedInput<'getSyncHistory'>,
): Promise<RunHistoryEntry[]> {
  const { engine } = context;
  const runs = await engine.db.dataSource
    .getRepository(SyncLogEntity)
    .find({ order: { id: 'DESC' }, take: limit });
  const entries: RunHistoryEntry[] = [];
  for (const run of runs) {
    const view = runView(await summarise(engine.db, run, engine.runLog.live));
    const recordsPerStep: Partial<Record<StepName, number>> = {};
    for (const step of view.steps) if (step.done !== null) recordsPerStep[step.step] = step.done;
    entries.push({ ...view, recordsPerStep });
  }
  return entries;
}
