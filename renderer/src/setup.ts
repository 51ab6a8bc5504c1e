// Installs everything the app needs on a Vue app: the API, Pinia, the router, vue-i18n and Vuetify.
// main.ts uses it with the real transport; the component tests with a fake API and a memory router.
import { createPinia } from 'pinia';
import type { App } from 'vue';
import type { Router } from 'vue-router';
import type { SatelliteSyncApi } from '@contract/operations';
import { apiKey } from './api';
import { createAppI18n, type Locale } from './i18n';
import { createAppVuetify } from './plugins/vuetify';

export function installApp(app: App, options: { api: SatelliteSyncApi; router: Router; locale?: Locale }) {
  const i18n = createAppI18n(options.locale);
  const vuetify = createAppVuetify(options.locale);
  const pinia = createPinia();
  app.provide(apiKey, options.api);
  app.use(pinia).use(i18n).use(vuetify).use(options.router);
  return { i18n, vuetify, pinia };
}
