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
