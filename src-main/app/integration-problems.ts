// Integration problems (PRODUCT.md §5.5) for the app: the failed records of sync/problems.ts, with
// their reason, and Retry. Records kept for a later version and records skipped on purpose are not
// problems the user can act on, so the screen leaves them out.
import type { IntegrationProblem } from '../contract/views';
import {
  listIntegrationProblems as listBufferProblems,
  retryIntegrationProblems as retry,
} from '../sync/problems';
import type { AppContext, ParsedInput } from './app-context';
import { AppError } from './errors';

/** The list shows this many at most (the status has the full count). */
export const MAX_PROBLEMS_LISTED = 1000;

export async function listIntegrationProblems(context: AppContext): Promise<IntegrationProblem[]> {
  const { failed } = await listBufferProblems(context.engine.db);
  return failed
    .slice(0, MAX_PROBLEMS_LISTED)
    .map(({ tableName, recordId, reason, receivedAt }) => ({ tableName, recordId, reason, receivedAt }));
}

export async function retryIntegrationProblems(
  context: AppContext,
  { recordIds }: ParsedInput<'retryIntegrationProblems'>,
): Promise<{ retried: number; stillFailing: number }> {
  const { engine } = context;
  // Never beside a run's own Integrate step.
  if (engine.scheduler.state.isRunning) throw new AppError('SYNC_IN_PROGRESS');
  const result = await retry(engine.db, recordIds);
  context.publishStatus();
  return { retried: result.retried, stillFailing: result.stillFailing };
}
