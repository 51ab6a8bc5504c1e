// The last sync runs, for the Sync history screen.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ContractError } from '@contract/operations';
import type { RunHistoryEntry } from '@contract/views';
import { useApi } from '../api';

export const useHistoryStore = defineStore('history', () => {
  const api = useApi();
  const runs = ref<RunHistoryEntry[]>([]);
  const loading = ref(false);
  const error = ref<ContractError | null>(null);

  async function load(limit = 20): Promise<void> {
    loading.value = true;
    const outcome = await api.getSyncHistory({ limit });
    loading.value = false;
    if (outcome.ok) {
      runs.value = outcome.value;
      error.value = null;
    } else error.value = outcome.error;
  }

  return { runs, loading, error, load };
});
