// A fake SatelliteSyncApi (the boundary the renderer talks to) and a mount that installs the real
// stores, i18n, Vuetify and a memory router around a component.
import { flushPromises, mount } from '@vue/test-utils';
import { vi, type Mock } from 'vitest';
import { defineComponent, h, type Component } from 'vue';
import { createMemoryHistory } from 'vue-router';
import { VApp } from 'vuetify/components';
import {
  OPERATION_NAMES,
  type EventName,
  type EventPayloads,
  type OperationName,
  type OperationResults,
  type Outcome,
  type SatelliteSyncApi,
} from '@contract/operations';
import type { AppInfo, Preferences, RunView, ServerEntry, StepView, SyncStatusView } from '@contract/views';
import type { Locale } from '../../renderer/src/i18n';
import { createAppRouter } from '../../renderer/src/router';
import { installApp } from '../../renderer/src/setup';

export type FakeApi = SatelliteSyncApi & {
  [Name in OperationName]: Mock<(input?: unknown) => Promise<Outcome<OperationResults[Name]>>>;
} & {
  emit<Name extends EventName>(event: Name, payload: EventPayloads[Name]): void;
};

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const fail = (code: string, message = code, extra: Record<string, unknown> = {}): Outcome<never> => ({
  ok: false,
  error: { code, message, ...extra },
});

export const step = (name: StepView['step'], extra: Partial<StepView> = {}): StepView => ({
  step: name,
  startedAt: null,
  finishedAt: null,
  done: null,
  total: null,
  ...extra,
});

const HOUR = 3600_000;
export const hoursAgo = (hours: number): string => new Date(Date.now() - hours * HOUR).toISOString();

export function run(extra: Partial<RunView> = {}): RunView {
  return {
    id: 1,
    kind: 'operational',
    startedAt: hoursAgo(1),
    finishedAt: hoursAgo(0.99),
    durationMs: 42_000,
    outcome: 'succeeded',
    error: null,
    steps: [],
    ...extra,
  };
}

export function status(extra: Partial<SyncStatusView> = {}): SyncStatusView {
  const last = run();
  return {
    configured: true,
    initialised: true,
    isSyncing: false,
    paused: false,
    current: null,
    lastRun: last,
    lastSuccessfulRun: last,
    recordsWaitingToPush: 0,
    integrationProblems: 0,
    untranslatedRecords: 0,
    ...extra,
  };
}

export function preferences(extra: Partial<Preferences> = {}): Preferences {
  return {
    locked: true,
    lockedOutUntil: null,
    url: 'http://127.0.0.1:2048',
    siteName: 'satellite-1',
    syncId: 2,
    intervalMinutes: 5,
    requestSize: 500,
    useNodeHttpClient: true,
    omSupplyCentralUrl: 'http://127.0.0.1:2048/oms',
    ...extra,
  };
}

export const SERVERS: ServerEntry[] = [
  {
    syncId: 2,
    userName: 'satellite-1',
    url: 'http://127.0.0.1:2048',
    kind: 'msupply-central',
    readOnly: false,
  },
  {
    syncId: 7,
    userName: 'oms-central',
    url: 'http://127.0.0.1:2048/oms',
    kind: 'open-msupply-central',
    readOnly: true,
  },
];

export const APP_INFO: AppInfo = {
  version: '0.1.0',
  hardwareId: 'hw-1234-abcd',
  serverUrl: 'https://192.168.1.20:8000',
  secretStorage: 'file key (test)',
  mode: 'browser',
  siteProfile: null,
};

export function createFakeApi(): FakeApi {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const defaults: { [Name in OperationName]: () => OperationResults[Name] } = {
    getStatus: () => status(),
    syncNow: () => ({ queued: true }),
    initialise: () => status({ isSyncing: true, initialised: false }),
    getAppInfo: () => APP_INFO,
    getPreferences: () => preferences(),
    setSyncInterval: () => preferences(),
    setProtectedPreferences: () => preferences({ locked: false }),
    unlockPreferences: () => ({ unlocked: true, preferences: preferences({ locked: false }) }),
    lockPreferences: () => preferences(),
    changeAuthorisationCode: () => ({ changed: true }),
    checkConnection: () => ({ checks: [] }),
    listServers: () => SERVERS,
    saveServer: () => SERVERS,
    removeServer: () => SERVERS,
    generateSyncRecords: () => ({ queued: 3 }),
    retrieveSyncRecords: () => ({ requested: true }),
    listIntegrationProblems: () => [],
    retryIntegrationProblems: () => ({ retried: 0, stillFailing: 0 }),
    getSyncHistory: () => [],
    exportDiagnostics: () => ({ file: '/tmp/diagnostics.zip' }),
  };
  const api: Record<string, unknown> = {
    on(event: EventName, listener: (payload: never) => void) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
      return () => listeners.get(event)!.delete(listener);
    },
    emit(event: EventName, payload: unknown) {
      for (const listener of listeners.get(event) ?? []) (listener as (value: unknown) => void)(payload);
    },
  };
  for (const name of OPERATION_NAMES) api[name] = vi.fn(async () => ok(defaults[name]()));
  return api as unknown as FakeApi;
}

/**
 * Mounts `component` inside a VApp with the app's plugins and `api`; `before` runs with the stores
 * available, before the component mounts (e.g. to load state into a store).
 */
export async function mountWithApp(
  component: Component,
  options: {
    api?: FakeApi;
    props?: Record<string, unknown>;
    route?: string;
    locale?: Locale;
  } = {},
) {
  const api = options.api ?? createFakeApi();
  const router = createAppRouter(createMemoryHistory());
  const Host = defineComponent({
    setup: () => () => h(VApp, () => h(component, options.props ?? {})),
  });
  await router.push(options.route ?? '/sync');
  const wrapper = mount(Host, {
    attachTo: document.body,
    global: {
      plugins: [{ install: (app) => installApp(app, { api, router, locale: options.locale }) }],
    },
  });
  await flushPromises();
  return { wrapper, api, router };
}

/** Text content of the page (overlays are teleported out of the wrapper). */
export const pageText = (): string => document.body.textContent?.replace(/\s+/g, ' ') ?? '';

/** The button whose accessible name (aria-label, else text) is exactly `name`. */
export function button(name: string, root: ParentNode = document): HTMLButtonElement {
  const found = [...root.querySelectorAll<HTMLButtonElement>('button')].find(
    (element) => (element.getAttribute('aria-label') ?? element.textContent?.trim()) === name,
  );
  if (!found) throw new Error(`No button named "${name}"`);
  return found;
}

/** The input whose label is exactly `name` (Vuetify renders two labels per field; one has `for`). */
export function field(name: string, root: ParentNode = document): HTMLInputElement {
  const label = [...root.querySelectorAll('label')].find(
    (element) => element.htmlFor && element.textContent?.trim() === name,
  );
  const input = label ? document.getElementById(label.htmlFor) : null;
  if (!(input instanceof HTMLInputElement)) throw new Error(`No field labelled "${name}"`);
  return input;
}

/** The open dialog on top (Vuetify teleports dialogs to the end of the body). */
export function dialog(): HTMLElement {
  const open = [...document.querySelectorAll<HTMLElement>('.v-overlay--active .v-card')].pop();
  if (!open) throw new Error('No dialog is open');
  return open;
}

/** Whether a field shows `message` among its validation messages. */
export function fieldMessage(input: HTMLInputElement): string {
  const id = input.getAttribute('aria-describedby');
  return (id && document.getElementById(id)?.textContent?.trim()) || '';
}

export async function type(input: HTMLInputElement, value: string): Promise<void> {
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await flushPromises();
}

export async function click(element: HTMLElement): Promise<void> {
  element.click();
  await flushPromises();
}
