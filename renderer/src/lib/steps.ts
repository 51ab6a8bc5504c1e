// Which steps a run shows, and the state of each (reference/oms-sync-orchestration.md §5.4):
// done = finished; active = started and not finished; failed = active in a run that ended in error.
import type { RunView, StepName, StepView } from '@contract/views';

export type StepperLayout = 'initialisation' | 'operational';
export type StepState = 'waiting' | 'active' | 'done' | 'failed';

export const INITIALISATION_STEPS: readonly StepName[] = [
  'prepare',
  'pullCentral',
  'pullRemote',
  'pullV6',
  'integrate',
];
export const OPERATIONAL_STEPS: readonly StepName[] = [
  'pushV6',
  'push',
  'pullCentral',
  'pullRemote',
  'pullV6',
  'integrate',
];

export interface StepProgress {
  step: StepName;
  state: StepState;
  done: number;
  /** Shown as `done / total` only when it is a number above 0. */
  total: number | null;
}

export const layoutOf = (kind: RunView['kind'] | undefined): StepperLayout =>
  kind === 'operational' || kind === undefined ? 'operational' : 'initialisation';

export function stepProgress(
  layout: StepperLayout,
  steps: readonly StepView[],
  failed: boolean,
): StepProgress[] {
  const byName = new Map(steps.map((view) => [view.step, view]));
  const order = layout === 'initialisation' ? INITIALISATION_STEPS : OPERATIONAL_STEPS;
  return order.map((step) => {
    const view = byName.get(step);
    const started = !!view?.startedAt;
    const finished = !!view?.finishedAt;
    const state: StepState = finished ? 'done' : started ? (failed ? 'failed' : 'active') : 'waiting';
    const total = view?.total != null && view.total > 0 ? view.total : null;
    return { step, state, done: view?.done ?? 0, total };
  });
}
