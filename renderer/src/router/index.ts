// Screens. Hash history: the built renderer is loaded from a file in Electron and from `/` in browser mode.
import { createRouter, createWebHashHistory, type RouterHistory } from 'vue-router';
import DiagnosticsView from '../views/DiagnosticsView.vue';
import HistoryView from '../views/HistoryView.vue';
import InitialiseView from '../views/InitialiseView.vue';
import PreferencesView from '../views/PreferencesView.vue';
import ProblemsView from '../views/ProblemsView.vue';
import SyncView from '../views/SyncView.vue';

export const routes = [
  { path: '/', redirect: { name: 'sync' } },
  { path: '/initialise', name: 'initialise', component: InitialiseView, meta: { bare: true } },
  { path: '/sync', name: 'sync', component: SyncView },
  { path: '/preferences', name: 'preferences', component: PreferencesView },
  { path: '/history', name: 'history', component: HistoryView },
  { path: '/problems', name: 'problems', component: ProblemsView },
  { path: '/diagnostics', name: 'diagnostics', component: DiagnosticsView },
  { path: '/:pathMatch(.*)*', redirect: { name: 'sync' } },
];

export function createAppRouter(history: RouterHistory = createWebHashHistory()) {
  return createRouter({ history, routes });
}
