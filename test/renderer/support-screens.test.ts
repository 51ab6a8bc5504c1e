import { describe, expect, it } from 'vitest';
import DiagnosticsView from '../../renderer/src/views/DiagnosticsView.vue';
import HistoryView from '../../renderer/src/views/HistoryView.vue';
import ProblemsView from '../../renderer/src/views/ProblemsView.vue';
import { useAppStore } from '../../renderer/src/stores/app';
import { button, click, createFakeApi, mountWithApp, ok, pageText, run } from './helpers';

describe('Sync history', () => {
  it('lists the last runs with start, duration, records per step and error, and charts them', async () => {
    const api = createFakeApi();
    api.getSyncHistory.mockResolvedValue(
      ok([
        { ...run({ id: 2, durationMs: 61_000 }), recordsPerStep: { push: 4, pullCentral: 10 } },
        {
          ...run({
            id: 1,
            outcome: 'failed',
            error: { code: 'SITE_HAS_NO_STORE', message: 'm', detail: 'd', hint: 'h' },
          }),
          recordsPerStep: {},
        },
      ]),
    );
    await mountWithApp(HistoryView, { api, route: '/history' });
    expect(api.getSyncHistory).toHaveBeenCalledWith({ limit: 20 });
    const rows = [...document.querySelectorAll('tbody tr')].map((row) => row.textContent ?? '');
    expect(rows).toHaveLength(2);
    expect(rows.join('\n')).toContain('1 minute 1 second');
    expect(rows.join('\n')).toContain('Push 4 · Pull central 10');
    expect(rows.join('\n')).toContain('This site has no store');
    const chart = document.querySelector('svg[role="img"]')!;
    expect(chart.getAttribute('aria-label')).toBe('Records per run, oldest first');
    expect(chart.querySelectorAll('rect')).toHaveLength(2);
    expect(chart.querySelector('rect.history-chart__bar--failed title')?.textContent).toContain(
      'no records (failed)',
    );
  });
});

describe('Integration problems', () => {
  it('shows each failed record with its reason, and Retry retries them', async () => {
    const api = createFakeApi();
    api.listIntegrationProblems.mockResolvedValue(
      ok([
        {
          tableName: 'item_line',
          recordId: 'IL-1',
          reason: 'item ITEM-9 does not exist',
          receivedAt: run().startedAt,
        },
      ]),
    );
    api.retryIntegrationProblems.mockResolvedValue(ok({ retried: 1, stillFailing: 1 }));
    await mountWithApp(ProblemsView, { api, route: '/problems' });
    expect(pageText()).toContain('item ITEM-9 does not exist');
    await click(button('Retry'));
    expect(api.retryIntegrationProblems).toHaveBeenCalledWith({});
    expect(pageText()).toContain('Retried 1: 1 still failing.');
    expect(api.listIntegrationProblems).toHaveBeenCalledTimes(2);
  });
});

describe('Export diagnostics', () => {
  it('shows the path of the file written', async () => {
    const api = createFakeApi();
    await mountWithApp(DiagnosticsView, { api, route: '/diagnostics' });
    await useAppStore().load();
    await click(button('Export diagnostics'));
    expect(api.exportDiagnostics).toHaveBeenCalled();
    expect(document.querySelector('[data-testid="exported-file"]')?.textContent).toContain(
      'Written to /tmp/diagnostics.zip',
    );
    expect(pageText()).toContain('hw-1234-abcd');
  });
});
