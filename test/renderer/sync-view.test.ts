import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import SyncView from '../../renderer/src/views/SyncView.vue';
import { useSyncStore } from '../../renderer/src/stores/sync';
import {
  button,
  click,
  createFakeApi,
  mountWithApp,
  ok,
  pageText,
  run,
  status,
  step,
  type FakeApi,
} from './helpers';

async function mountSync(api: FakeApi = createFakeApi()) {
  const mounted = await mountWithApp(SyncView, { api });
  // The shell loads status and listens to main; here the view is mounted alone, so do as the shell does.
  const store = useSyncStore();
  store.subscribe();
  await store.load();
  await flushPromises();
  return { ...mounted, store };
}

const text = (testId: string) =>
  document.querySelector(`[data-testid="${testId}"]`)?.textContent?.trim() ?? '';

describe('the Sync screen', () => {
  it.each([
    [0, 'no records'],
    [1, '1 record'],
    [4, '4 records'],
  ])('counts %i waiting record(s) once: "%s"', async (count, wording) => {
    const api = createFakeApi();
    api.getStatus.mockResolvedValue(ok(status({ recordsWaitingToPush: count })));
    await mountSync(api);
    expect(text('records-waiting')).toBe(wording);
  });

  it('warns at 100 or more records waiting, not at 99', async () => {
    const api = createFakeApi();
    api.getStatus.mockResolvedValue(ok(status({ recordsWaitingToPush: 99 })));
    const { store } = await mountSync(api);
    expect(document.querySelector('[data-testid="high-volume-warning"]')).toBeNull();

    store.setStatus(status({ recordsWaitingToPush: 100 }));
    await flushPromises();
    expect(text('high-volume-warning')).toContain('A high number of records are waiting to be synced');
  });

  it('says when automatic sync is paused, with a link to the interval setting', async () => {
    const api = createFakeApi();
    api.getStatus.mockResolvedValue(ok(status({ paused: true })));
    await mountSync(api);
    const notice = document.querySelector('[data-testid="paused-notice"]')!;
    expect(notice.textContent).toContain('Automatic sync is paused');
    const link = notice.querySelector('a')!;
    expect(link.textContent).toBe('Change the interval');
    expect(link.getAttribute('href')).toContain('/preferences?focus=interval');
  });

  it('links to the interval setting when not paused too', async () => {
    await mountSync();
    expect(document.querySelector('[data-testid="paused-notice"]')).toBeNull();
    expect(text('interval-line')).toContain('Automatic sync every 5 minutes.');
    expect(document.querySelector('[data-testid="interval-line"] a')?.textContent).toBe(
      'Change the interval',
    );
  });

  it('shows the last sync and the last successful sync with its duration', async () => {
    const api = createFakeApi();
    const failed = run({
      id: 2,
      startedAt: '2026-03-01T12:00:00Z',
      finishedAt: '2026-03-04T12:00:00Z',
      outcome: 'failed',
      error: { code: 'CONNECTION_ERROR', message: 'm', detail: 'ECONNREFUSED', hint: 'h' },
    });
    api.getStatus.mockResolvedValue(
      ok(status({ lastRun: failed, lastSuccessfulRun: run({ durationMs: 125_000 }) })),
    );
    await mountSync(api);
    expect(text('last-sync')).toContain('failed');
    // The time the run ended, not the time it began.
    expect(text('last-sync')).toContain('Mar 4, 2026');
    expect(text('last-sync')).not.toContain('Mar 1, 2026');
    expect(text('last-successful-sync')).toContain('completed in 2 minutes 5 seconds');
    expect(text('run-error')).toContain('Could not connect to the central server');
    expect(button('Error details')).toBeTruthy();
  });

  it('Sync now asks main and becomes a spinner while the run goes; the stepper shows the active step', async () => {
    const api = createFakeApi();
    let finishRequest!: () => void;
    api.syncNow.mockImplementation(
      () => new Promise((resolve) => (finishRequest = () => resolve(ok({ queued: true })))),
    );
    await mountSync(api);
    const syncNow = button('Sync now');
    expect(syncNow.classList).not.toContain('v-btn--loading');

    await click(syncNow);
    expect(api.syncNow).toHaveBeenCalledTimes(1);
    expect(button('Sync now').classList).toContain('v-btn--loading');

    const running = status({
      isSyncing: true,
      current: {
        runId: 3,
        kind: 'operational',
        startedAt: new Date().toISOString(),
        steps: [
          step('pushV6', { startedAt: 'x', finishedAt: 'y', done: 4, total: 4 }),
          step('push', { startedAt: 'x', done: 1, total: 4 }),
        ],
      },
    });
    api.getStatus.mockResolvedValue(ok(running));
    finishRequest();
    await flushPromises();
    api.emit('statusChanged', running);
    await flushPromises();

    expect(button('Sync now').classList).toContain('v-btn--loading');
    const active = document.querySelector('[aria-current="step"]')!;
    expect(active.getAttribute('aria-label')).toBe('Push');
    expect(active.textContent).toContain('1 / 4');

    // The run's end (its id is the run shown going) takes the spinner away.
    api.emit('statusChanged', status({ lastRun: run({ id: 3 }), lastSuccessfulRun: run({ id: 3 }) }));
    await flushPromises();
    expect(button('Sync now').classList).not.toContain('v-btn--loading');
  });

  it("shows this server's URL and a QR code that enlarges on click", async () => {
    await mountSync();
    expect(text('server-url')).toBe('https://192.168.1.20:8000');
    const qr = button('Server address QR code');
    await vi.waitFor(() =>
      expect(qr.querySelector('img')?.getAttribute('src')).toMatch(/^data:image\/svg\+xml/),
    );

    await click(qr);
    const large = document.querySelector<HTMLImageElement>('img[alt="QR code of https://192.168.1.20:8000"]');
    expect(large).not.toBeNull();
    expect(large!.width).toBe(256);
    expect(pageText()).toContain('Scan this code with mSupply Cold Chain');
  });
});
