// Dates, durations and counts in the current locale.
import { useI18n } from 'vue-i18n';
import { durationParts } from '../lib/duration';

export function useFormat() {
  const { t, d, locale } = useI18n();

  const dateTime = (iso: string | null | undefined): string => (iso ? d(new Date(iso), 'dateTime') : '');
  const shortDateTime = (iso: string): string => d(new Date(iso), 'short');

  const duration = (ms: number): string =>
    durationParts(ms)
      .map(({ unit, value }) => t(`duration.${unit}`, { n: value }, value))
      .join(' ');

  /** "3 hours ago", "in 2 minutes", in the current locale. */
  const relative = (iso: string, now = Date.now()): string => {
    const seconds = Math.round((Date.parse(iso) - now) / 1000);
    const format = new Intl.RelativeTimeFormat(locale.value, { numeric: 'auto' });
    const abs = Math.abs(seconds);
    if (abs < 60) return format.format(seconds, 'second');
    if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
    if (abs < 86400) return format.format(Math.round(seconds / 3600), 'hour');
    return format.format(Math.round(seconds / 86400), 'day');
  };

  const records = (n: number): string => t('sync.records', { n }, n);

  return { dateTime, shortDateTime, duration, relative, records };
}
