// Sync status: loaded once, then kept current by main's statusChanged events (or the 2 s poll).
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { ContractError, OperationInput } from '@contract/operations';
import type { SyncStatusView } from '@contract/views';
import { useApi } from '../api';
import { syncBadge } from '../lib/badge';
import { isOlderStatus } from '../lib/status-order';
import { layoutOf, stepProgress } from '../lib/steps';

/** Records waiting at or above which the Sync screen warns that sync may take longer. */
export const HIGH_VOLUME_THRESHOLD = 100;
const CLOCK_TICK_MS = 30_000;

export const useSyncStore = defineStore('sync', () => {
  const api = useApi();
  const status = ref<SyncStatusView | null>(null);
  const loadError = ref<ContractError | null>(null);
  /** The error of the last Sync now / Initialise request itself (not of a run). */
  const requestError = ref<ContractError | null>(null);
  const requesting = ref(false);
  /** Wall clock for the badge's age colours; ticks while subscribed. */
  const now = ref(Date.now());

  /** Shows `next` unless it is older than what is shown (answers and events can cross). */
  function setStatus(next: SyncStatusView): void {
    loadError.value = null;
    if (status.value && isOlderStatus(next, status.value)) return;
    status.value = next;
  }

  async function load(): Promise<void> {
    const outcome = await api.getStatus({});
    if (outcome.ok) setStatus(outcome.value);
    else loadError.value = outcome.error;
  }

  async function syncNow(): Promise<boolean> {
    requesting.value = true;
    requestError.value = null;
    try {
      const outcome = await api.syncNow({});
      if (!outcome.ok) {
        requestError.value = outcome.error;
        return false;
      }
      await load();
      return true;
    } finally {
      requesting.value = false;
    }
  }

  async function initialise(input: OperationInput<'initialise'>): Promise<boolean> {
    requesting.value = true;
    requestError.value = null;
    try {
      const outcome = await api.initialise(input);
      if (!outcome.ok) {
        requestError.value = outcome.error;
        return false;
      }
      setStatus(outcome.value);
      // The first run may already be further along than the answer says; events carry it on from here.
      await load();
      return true;
    } finally {
      requesting.value = false;
    }
  }

  /** Listens to main's status events; returns the function that stops listening. */
  function subscribe(): () => void {
    const off = api.on('statusChanged', setStatus);
    const clock = setInterval(() => (now.value = Date.now()), CLOCK_TICK_MS);
    return () => {
      off();
      clearInterval(clock);
    };
  }

  const isSyncing = computed(() => status.value?.isSyncing ?? false);
  const busy = computed(() => requesting.value || isSyncing.value);
  const recordsWaiting = computed(() => status.value?.recordsWaitingToPush ?? 0);
  const highVolume = computed(() => recordsWaiting.value >= HIGH_VOLUME_THRESHOLD);
  const paused = computed(() => status.value?.paused ?? false);
  const badge = computed(() => syncBadge(status.value, now.value));
  /** The last run's error, while no newer run is going. */
  const runError = computed(() => (isSyncing.value ? null : (status.value?.lastRun?.error ?? null)));
  /** The run the stepper shows: the one going, else the last one. */
  const shownRun = computed(() => status.value?.current ?? status.value?.lastRun ?? null);
  const stepperLayout = computed(() => layoutOf(shownRun.value?.kind));
  const steps = computed(() =>
    stepProgress(stepperLayout.value, shownRun.value?.steps ?? [], !!runError.value),
  );
  const needsInitialise = computed(
    () => !!status.value && (!status.value.configured || !status.value.initialised),
  );

  return {
    status,
    loadError,
    requestError,
    requesting,
    now,
    load,
    syncNow,
    initialise,
    subscribe,
    setStatus,
    isSyncing,
    busy,
    recordsWaiting,
    highVolume,
    paused,
    badge,
    runError,
    shownRun,
    stepperLayout,
    steps,
    needsInitialise,
  };
});
