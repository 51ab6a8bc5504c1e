// vue-i18n set-up: English and French, per-locale date formats and plural rules.
import { createI18n } from 'vue-i18n';
import en, { type MessageSchema } from './en';
import fr from './fr';

export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

const dateTime = {
  dateTime: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' },
  time: { hour: '2-digit', minute: '2-digit', second: '2-digit' },
  short: { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' },
} as const;

/**
 * French counts 0 and 1 as singular. With three forms (`none | one | many`) 0 picks the first form
 * in both languages; with two forms (`one | many`) French keeps 0 singular.
 */
function frenchPlural(choice: number, choicesLength: number): number {
  const n = Math.abs(choice);
  if (choicesLength === 3) return n === 0 ? 0 : n === 1 ? 1 : 2;
  return n <= 1 ? 0 : 1;
}

export function createAppI18n(locale: Locale = 'en') {
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { en, fr },
    datetimeFormats: { en: dateTime, fr: dateTime },
    pluralRules: { fr: frenchPlural },
    missingWarn: false,
    fallbackWarn: false,
  });
}

export type AppI18n = ReturnType<typeof createAppI18n>;
