import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import InitialiseView from '../../renderer/src/views/InitialiseView.vue';
import { useAppStore } from '../../renderer/src/stores/app';
import { useSyncStore } from '../../renderer/src/stores/sync';
import {
  APP_INFO,
  button,
  click,
  createFakeApi,
  fail,
  field,
  fieldMessage,
  mountWithApp,
  ok,
  run,
  status,
  step,
  type,
  type FakeApi,
} from './helpers';

const notConfigured = status({
  configured: false,
  initialised: false,
  lastRun: null,
  lastSuccessfulRun: null,
});

async function mountInitialise(api: FakeApi = createFakeApi()) {
  api.getStatus.mockResolvedValue(ok(notConfigured));
  const mounted = await mountWithApp(InitialiseView, { api, route: '/initialise' });
  const sync = useSyncStore();
  sync.subscribe();
  await Promise.all([useAppStore().load(), sync.load()]);
  await flushPromises();
  return mounted;
}

describe('the Initialise screen', () => {
  it("pre-fills the fields from the installer's site profile", async () => {
    const api = createFakeApi();
    api.getAppInfo.mockResolvedValue(
      ok({
        ...APP_INFO,
        siteProfile: {
          code: 'kla',
          displayName: 'Kampala store',
          url: 'https://central.example.org',
          siteName: 'kla-1',
          syncId: 12,
        },
      }),
    );
    await mountInitialise(api);
    expect(field('Central server URL').value).toBe('https://central.example.org');
    expect(field('Site name').value).toBe('kla-1');
    expect(field('Sync ID').value).toBe('12');
    expect(field('Site password').value).toBe('');
    expect(document.body.textContent).toContain('Pre-filled for Kampala store');
  });

  it('checks every field before asking main', async () => {
    const api = createFakeApi();
    await mountInitialise(api);
    await type(field('Central server URL'), 'central.example.org');
    await type(field('Sync ID'), '1');
    await click(button('Initialise'));
    expect(fieldMessage(field('Central server URL'))).toBe('Enter an http or https URL');
    expect(fieldMessage(field('Site name'))).toBe('Required');
    expect(fieldMessage(field('Site password'))).toBe('Required');
    expect(fieldMessage(field('Sync ID'))).toBe(
      'Must be a whole number greater than 1 (1 is the central server)',
    );
    expect(api.initialise).not.toHaveBeenCalled();
  });

  it('initialises, then shows the initialisation stepper with the running step', async () => {
    const api = createFakeApi();
    api.initialise.mockResolvedValue(
      ok(
        status({
          initialised: false,
          isSyncing: true,
          lastRun: null,
          lastSuccessfulRun: null,
          current: {
            runId: 1,
            kind: 'initialisation',
            startedAt: new Date().toISOString(),
            steps: [
              step('prepare', { startedAt: 'x', finishedAt: 'y' }),
              step('pullCentral', { startedAt: 'x', done: 40, total: 900 }),
            ],
          },
        }),
      ),
    );
    await mountInitialise(api);
    await type(field('Central server URL'), 'http://127.0.0.1:2048');
    await type(field('Site name'), 'satellite-1');
    await type(field('Site password'), 'satellite-1-pass');
    await type(field('Sync ID'), '2');
    await click(button('Initialise'));

    expect(api.initialise).toHaveBeenCalledWith({
      url: 'http://127.0.0.1:2048',
      siteName: 'satellite-1',
      password: 'satellite-1-pass',
      syncId: 2,
    });
    const labels = [...document.querySelectorAll('[data-step]')].map((item) =>
      item.getAttribute('aria-label'),
    );
    expect(labels).toEqual(['Prepare', 'Pull central', 'Pull remote', 'Pull V6', 'Integrate']);
    expect(document.querySelector('[aria-current="step"]')?.textContent).toContain('40 / 900');
    expect(field('Site name').disabled).toBe(true);
    expect(() => button('Initialise')).toThrow();
  });

  it("shows main's refusal with its details and a Retry", async () => {
    const api = createFakeApi();
    api.initialise.mockResolvedValue(
      fail('INCORRECT_PASSWORD', 'Incorrect password', { detail: '401 site_incorrect_password', hint: 'h' }),
    );
    await mountInitialise(api);
    await type(field('Central server URL'), 'http://127.0.0.1:2048');
    await type(field('Site name'), 'satellite-1');
    await type(field('Site password'), 'wrong');
    await type(field('Sync ID'), '2');
    await click(button('Initialise'));

    expect(document.querySelector('[data-testid="initialise-error"]')?.textContent).toContain(
      'Incorrect password',
    );
    expect(button('Error details')).toBeTruthy();
    await click(button('Retry'));
    expect(api.initialise).toHaveBeenCalledTimes(2);
  });

  it('offers Retry (a new sync) when the first sync failed', async () => {
    const api = createFakeApi();
    const failed = run({
      kind: 'initialisation',
      outcome: 'failed',
      error: { code: 'HARDWARE_ID_MISMATCH', message: 'm', detail: '401', hint: 'h' },
      steps: [step('prepare', { startedAt: 'x' })],
    });
    api.getPreferences.mockResolvedValue(
      ok({
        locked: true,
        lockedOutUntil: null,
        url: 'http://127.0.0.1:2048',
        siteName: 'satellite-1',
        syncId: 2,
        intervalMinutes: 5,
        requestSize: 500,
        useNodeHttpClient: true,
        omSupplyCentralUrl: null,
      }),
    );
    await mountInitialise(api);
    api.emit('statusChanged', status({ initialised: false, lastRun: failed, lastSuccessfulRun: null }));
    await flushPromises();

    expect(field('Site name').value).toBe('satellite-1');
    expect(document.querySelector('[data-step="prepare"]')?.classList).toContain('v-stepper-item--error');
    expect(document.body.textContent).toContain('This computer is not the one registered for this site');
    await click(button('Retry'));
    expect(api.syncNow).toHaveBeenCalledTimes(1);
  });
});
