// Preferences › Synchronisation: the lock, the interval, the protected preferences, the servers this site
// syncs with, the connection check and the two maintenance actions. Actions return the error (or null)
// so the dialog that asked can show it beside its fields.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { ContractError, OperationInput, OperationResults, Outcome } from '@contract/operations';
import type { ConnectionReport, Preferences, ServerEntry, UnlockOutcome } from '@contract/views';
import { useApi } from '../api';

export const usePreferencesStore = defineStore('preferences', () => {
  const api = useApi();
  const preferences = ref<Preferences | null>(null);
  const servers = ref<ServerEntry[]>([]);
  const loadError = ref<ContractError | null>(null);
  const connectionReport = ref<ConnectionReport | null>(null);
  const connectionError = ref<ContractError | null>(null);
  const checking = ref(false);
  /** Wall clock for the lock-out message; refreshed by the padlock when it matters. */
  const now = ref(Date.now());

  const locked = computed(() => preferences.value?.locked ?? true);
  const lockedOutUntil = computed(() => {
    const until = preferences.value?.lockedOutUntil;
    return until && Date.parse(until) > now.value ? until : null;
  });

  function setPreferences(next: Preferences): void {
    preferences.value = next;
  }

  /** Applies a successful outcome with `apply`; gives back the error otherwise. */
  function settle<T>(outcome: Outcome<T>, apply: (value: T) => void): ContractError | null {
    if (!outcome.ok) return outcome.error;
    apply(outcome.value);
    return null;
  }

  async function load(): Promise<void> {
    const [prefs, list] = await Promise.all([api.getPreferences({}), api.listServers({})]);
    loadError.value = settle(prefs, setPreferences) ?? settle(list, (value) => (servers.value = value));
  }

  async function unlock(code: string): Promise<UnlockOutcome | ContractError> {
    now.value = Date.now();
    const outcome = await api.unlockPreferences({ code });
    if (!outcome.ok) return outcome.error;
    const result = outcome.value;
    if (result.unlocked) setPreferences(result.preferences);
    else if (result.reason === 'locked-out' && preferences.value)
      setPreferences({ ...preferences.value, lockedOutUntil: result.retryAt });
    return result;
  }

  async function lock(): Promise<ContractError | null> {
    return settle(await api.lockPreferences({}), setPreferences);
  }

  async function saveInterval(minutes: number): Promise<ContractError | null> {
    return settle(await api.setSyncInterval({ minutes }), setPreferences);
  }

  async function saveProtected(
    input: OperationInput<'setProtectedPreferences'>,
  ): Promise<ContractError | null> {
    return settle(await api.setProtectedPreferences(input), setPreferences);
  }

  async function changeCode(currentCode: string, newCode: string): Promise<ContractError | null> {
    return settle(await api.changeAuthorisationCode({ currentCode, newCode }), () => undefined);
  }

  async function checkConnection(): Promise<void> {
    checking.value = true;
    connectionError.value = null;
    const outcome = await api.checkConnection({});
    checking.value = false;
    connectionError.value = settle(outcome, (report) => (connectionReport.value = report));
  }

  async function saveServer(input: OperationInput<'saveServer'>): Promise<ContractError | null> {
    return settle(await api.saveServer(input), (list) => (servers.value = list));
  }

  async function removeServer(syncId: number): Promise<ContractError | null> {
    return settle(await api.removeServer({ syncId }), (list) => (servers.value = list));
  }

  async function generateSyncRecords(): Promise<Outcome<OperationResults['generateSyncRecords']>> {
    return api.generateSyncRecords({});
  }

  async function retrieveSyncRecords(): Promise<Outcome<OperationResults['retrieveSyncRecords']>> {
    return api.retrieveSyncRecords({});
  }

  function subscribe(): () => void {
    return api.on('preferencesChanged', setPreferences);
  }

  return {
    preferences,
    servers,
    loadError,
    connectionReport,
    connectionError,
    checking,
    now,
    locked,
    lockedOutUntil,
    load,
    unlock,
    lock,
    saveInterval,
    saveProtected,
    changeCode,
    checkConnection,
    saveServer,
    removeServer,
    generateSyncRecords,
    retrieveSyncRecords,
    subscribe,
  };
});
