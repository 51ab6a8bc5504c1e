// The steps of a run, in the order the user sees them.
export const SYNC_STEPS = [
  'prepare',
  'pushV6',
  'push',
  'pullCentral',
  'pullRemote',
  'pullV6',
  'integrate',
] as const;
export type SyncStep = (typeof SYNC_STEPS)[number];

export const INITIALISATION_STEPS: readonly SyncStep[] = [
  'prepare',
  'pullCentral',
  'pullRemote',
  'pullV6',
  'integrate',
];
export const OPERATIONAL_STEPS: readonly SyncStep[] = [
  'pushV6',
  'push',
  'pullCentral',
  'pullRemote',
  'pullV6',
  'integrate',
];
/** "Retrieve sync records": push first so nothing local is lost, then re-prepare and pull everything. */
export const RETRIEVE_STEPS: readonly SyncStep[] = [
  'pushV6',
  'push',
  'prepare',
  'pullCentral',
  'pullRemote',
  'pullV6',
  'integrate',
];

export type RunKind = 'initialisation' | 'operational' | 'retrieve';

export const STEPS_OF_RUN: Readonly<Record<RunKind, readonly SyncStep[]>> = {
  initialisation: INITIALISATION_STEPS,
  operational: OPERATIONAL_STEPS,
  retrieve: RETRIEVE_STEPS,
};
