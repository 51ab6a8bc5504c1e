// Vuetify with the mdi-svg icon set (icons are @mdi/js paths bundled into the app: no web fonts).
import { createVuetify } from 'vuetify';
import { aliases, mdi } from 'vuetify/iconsets/mdi-svg';
import { en, fr } from 'vuetify/locale';
import 'vuetify/styles';
import type { Locale } from '../i18n';

export function createAppVuetify(locale: Locale = 'en') {
  return createVuetify({
    icons: { defaultSet: 'mdi', aliases, sets: { mdi } },
    locale: { locale, fallback: 'en', messages: { en, fr } },
    theme: {
      defaultTheme: 'light',
      themes: {
        light: {
          colors: { primary: '#c2410c', secondary: '#1d4ed8', warning: '#9a5b00', error: '#c62828' },
        },
      },
    },
    defaults: {
      VTextField: { variant: 'outlined', density: 'comfortable' },
      VBtn: { variant: 'flat' },
    },
  });
}
