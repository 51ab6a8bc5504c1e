// App information (version, hardware ID, server URL, site profile), the UI language and diagnostics.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ContractError } from '@contract/operations';
import type { AppInfo } from '@contract/views';
import { useApi } from '../api';
import { isLocale, type Locale } from '../i18n';

export const LOCALE_STORAGE_KEY = 'satellite-sync-locale';

function savedLocale(): Locale {
  try {
    const saved = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // Storage may be unavailable; fall back to the browser's language.
  }
  return globalThis.navigator?.language?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export const useAppStore = defineStore('app', () => {
  const api = useApi();
  const info = ref<AppInfo | null>(null);
  const loadError = ref<ContractError | null>(null);
  const locale = ref<Locale>(savedLocale());
  const exporting = ref(false);
  const exportedFile = ref<string | null>(null);
  const exportError = ref<ContractError | null>(null);

  async function load(): Promise<void> {
    const outcome = await api.getAppInfo({});
    if (outcome.ok) {
      info.value = outcome.value;
      loadError.value = null;
    } else loadError.value = outcome.error;
  }

  function setLocale(next: Locale): void {
    locale.value = next;
    try {
      globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, next);
    } catch {
      // Not remembered across launches; still applied now.
    }
  }

  async function exportDiagnostics(): Promise<void> {
    exporting.value = true;
    exportError.value = null;
    exportedFile.value = null;
    const outcome = await api.exportDiagnostics({});
    exporting.value = false;
    if (outcome.ok) exportedFile.value = outcome.value.file;
    else exportError.value = outcome.error;
  }

  return {
    info,
    loadError,
    locale,
    exporting,
    exportedFile,
    exportError,
    load,
    setLocale,
    exportDiagnostics,
  };
});
