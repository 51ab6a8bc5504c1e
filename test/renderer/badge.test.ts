import { describe, expect, it } from 'vitest';
import SyncNavItem from '../../renderer/src/components/SyncNavItem.vue';
import { ageColour, DAY_MS, syncBadge } from '../../renderer/src/lib/badge';
import { hoursAgo, mountWithApp, run, status } from './helpers';

const NOW = Date.parse('2025-06-01T12:00:00Z');
const at = (msBefore: number) => new Date(NOW - msBefore).toISOString();
const error = (code: string) => ({ code, message: code, detail: 'detail', hint: 'hint' });

describe('the Sync badge colour', () => {
  it('is amber when the last successful sync is over a day old and red over three days', () => {
    expect(ageColour(at(DAY_MS - 60_000), NOW)).toBe('default');
    expect(ageColour(at(DAY_MS), NOW)).toBe('default');
    expect(ageColour(at(DAY_MS + 60_000), NOW)).toBe('warning');
    expect(ageColour(at(3 * DAY_MS), NOW)).toBe('warning');
    expect(ageColour(at(3 * DAY_MS + 60_000), NOW)).toBe('error');
  });

  it('counts the records waiting', () => {
    const badge = syncBadge(
      status({ recordsWaitingToPush: 4, lastSuccessfulRun: run({ finishedAt: at(60_000) }) }),
      NOW,
    );
    expect(badge).toEqual({ kind: 'count', count: 4, colour: 'default' });
  });

  it('shows nothing with nothing waiting and a recent success, but still shows an old success', () => {
    expect(syncBadge(status({ lastSuccessfulRun: run({ finishedAt: at(60_000) }) }), NOW)).toEqual({
      kind: 'none',
    });
    expect(syncBadge(status({ lastSuccessfulRun: run({ finishedAt: at(4 * DAY_MS) }) }), NOW)).toEqual({
      kind: 'count',
      count: 0,
      colour: 'error',
    });
  });

  it('is a red alert for any error but a connection error', () => {
    const recent = run({ finishedAt: at(60_000) });
    const hardware = syncBadge(
      status({
        recordsWaitingToPush: 2,
        lastRun: run({ outcome: 'failed', error: error('HARDWARE_ID_MISMATCH') }),
        lastSuccessfulRun: recent,
      }),
      NOW,
    );
    expect(hardware.kind).toBe('error');

    const connection = syncBadge(
      status({
        recordsWaitingToPush: 2,
        lastRun: run({ outcome: 'failed', error: error('CONNECTION_ERROR') }),
        lastSuccessfulRun: recent,
      }),
      NOW,
    );
    expect(connection).toEqual({ kind: 'count', count: 2, colour: 'default' });
  });

  it('tolerates connection errors until the age thresholds are reached', () => {
    const connection = syncBadge(
      status({
        recordsWaitingToPush: 2,
        lastRun: run({ outcome: 'failed', error: error('CONNECTION_ERROR') }),
        lastSuccessfulRun: run({ finishedAt: at(2 * DAY_MS) }),
      }),
      NOW,
    );
    expect(connection).toEqual({ kind: 'count', count: 2, colour: 'warning' });
  });
});

describe('the Sync navigation link', () => {
  const badgeElement = () => document.querySelector<HTMLElement>('.sync-nav-item__badge .v-badge__badge');
  const link = () => document.querySelector<HTMLAnchorElement>('a.sync-nav-item')!;

  it('is a link named "Sync" to the Sync screen, with the count described', async () => {
    const badge = syncBadge(status({ recordsWaitingToPush: 4 }), Date.now());
    await mountWithApp(SyncNavItem, { props: { badge }, route: '/preferences' });
    expect(link().getAttribute('aria-label')).toBe('Sync');
    expect(link().getAttribute('href')).toContain('/sync');
    expect(badgeElement()?.textContent).toBe('4');
    const description = document.getElementById(link().getAttribute('aria-describedby')!);
    expect(description?.textContent).toBe('4 records waiting to be pushed');
  });

  it.each([
    [hoursAgo(2), 'default', 'bg-secondary'],
    [hoursAgo(25), 'warning', 'bg-amber-darken-1'],
    [hoursAgo(73), 'error', 'bg-error'],
  ])(
    'colours the count by the age of the last successful sync (%s)',
    async (finishedAt, colour, className) => {
      const badge = syncBadge(
        status({ recordsWaitingToPush: 7, lastSuccessfulRun: run({ finishedAt }) }),
        Date.now(),
      );
      await mountWithApp(SyncNavItem, { props: { badge } });
      expect(document.querySelector('.sync-nav-item__badge')?.getAttribute('data-badge')).toBe(colour);
      expect(badgeElement()?.classList).toContain(className);
    },
  );

  it('shows a red alert badge for an error other than a connection error', async () => {
    const badge = syncBadge(
      status({
        recordsWaitingToPush: 3,
        lastRun: run({ outcome: 'failed', error: error('SITE_HAS_NO_STORE') }),
      }),
      Date.now(),
    );
    await mountWithApp(SyncNavItem, { props: { badge } });
    expect(document.querySelector('.sync-nav-item__badge')?.getAttribute('data-badge')).toBe('error');
    expect(badgeElement()?.classList).toContain('bg-error');
    expect(badgeElement()?.querySelector('svg')).not.toBeNull();
    const description = document.getElementById(link().getAttribute('aria-describedby')!);
    expect(description?.textContent).toContain('Sync error: This site has no store');
  });
});
