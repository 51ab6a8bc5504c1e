// Buffered records that failed to integrate, and retrying them.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ContractError, OperationResults } from '@contract/operations';
import type { IntegrationProblem } from '@contract/views';
import { useApi } from '../api';

export const useProblemsStore = defineStore('problems', () => {
  const api = useApi();
  const problems = ref<IntegrationProblem[]>([]);
  const loading = ref(false);
  const retrying = ref(false);
  const error = ref<ContractError | null>(null);
  const lastRetry = ref<OperationResults['retryIntegrationProblems'] | null>(null);

  async function load(): Promise<void> {
    loading.value = true;
    const outcome = await api.listIntegrationProblems({});
    loading.value = false;
    if (outcome.ok) {
      problems.value = outcome.value;
      error.value = null;
    } else error.value = outcome.error;
  }

  /** Retries the given records, or every failed record when none is given. */
  async function retry(recordIds?: string[]): Promise<void> {
    retrying.value = true;
    lastRetry.value = null;
    const outcome = await api.retryIntegrationProblems(recordIds?.length ? { recordIds } : {});
    retrying.value = false;
    if (!outcome.ok) {
      error.value = outcome.error;
      return;
    }
    lastRetry.value = outcome.value;
    await load();
  }

  return { problems, loading, retrying, error, lastRetry, load, retry };
});
