// The Sync navigation badge (PRODUCT §5.1): records waiting, amber when the last successful sync is
// over a day old, red over three days; a red alert badge for any error but a connection error.
import type { ErrorView, SyncStatusView } from '@contract/views';

export const DAY_MS = 24 * 60 * 60 * 1000;
export const WARNING_AFTER_MS = DAY_MS;
export const DANGER_AFTER_MS = 3 * DAY_MS;

export type BadgeColour = 'default' | 'warning' | 'error';

export type SyncBadge =
  | { kind: 'none' }
  | { kind: 'count'; count: number; colour: BadgeColour }
  | { kind: 'error'; error: ErrorView; count: number };

export function ageColour(lastSuccessAt: string | null | undefined, now: number): BadgeColour {
  if (!lastSuccessAt) return 'default';
  const age = now - Date.parse(lastSuccessAt);
  if (age > DANGER_AFTER_MS) return 'error';
  if (age > WARNING_AFTER_MS) return 'warning';
  return 'default';
}

export function syncBadge(status: SyncStatusView | null, now: number): SyncBadge {
  if (!status) return { kind: 'none' };
  const count = status.recordsWaitingToPush;
  const error = status.isSyncing ? null : status.lastRun?.error;
  if (error && error.code !== 'CONNECTION_ERROR') return { kind: 'error', error, count };
  const lastSuccess = status.lastSuccessfulRun;
  const colour = ageColour(lastSuccess?.finishedAt ?? lastSuccess?.startedAt, now);
  // Nothing waiting and a recent success: nothing to say.
  if (count === 0 && colour === 'default') return { kind: 'none' };
  return { kind: 'count', count, colour };
}
