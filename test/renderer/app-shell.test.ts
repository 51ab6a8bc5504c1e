import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import App from '../../renderer/src/App.vue';
import { createAppRouter } from '../../renderer/src/router';
import { installApp } from '../../renderer/src/setup';
import { button, click, createFakeApi, ok, status, type FakeApi } from './helpers';

async function mountApp(api: FakeApi, path = '/sync') {
  const router = createAppRouter(createMemoryHistory());
  await router.push(path);
  mount(App, {
    attachTo: document.body,
    global: { plugins: [{ install: (app) => installApp(app, { api, router }) }] },
  });
  await flushPromises();
  await flushPromises();
  return router;
}

const links = (root: ParentNode = document) =>
  [...root.querySelectorAll('a')].map((a) => a.getAttribute('aria-label') ?? a.textContent?.trim());

describe('the app shell', () => {
  it('has a navigation drawer with Sync (and Preferences) in its lower section', async () => {
    await mountApp(createFakeApi());
    const drawer = document.querySelector('nav.v-navigation-drawer')!;
    expect(drawer.getAttribute('aria-label')).toBe('Main navigation');
    const lower = drawer.querySelector('.v-navigation-drawer__append')!;
    expect(links(lower)).toEqual(['Preferences', 'Sync']);
    expect(links(drawer)).toContain('History');
  });

  it('shows the Initialise screen on first run, without the drawer', async () => {
    const api = createFakeApi();
    api.getStatus.mockResolvedValue(ok(status({ configured: false, initialised: false, lastRun: null })));
    const router = await mountApp(api);
    expect(router.currentRoute.value.name).toBe('initialise');
    expect(document.querySelector('nav.v-navigation-drawer')).toBeNull();
    expect(button('Initialise')).toBeTruthy();

    // Once main says the site is initialised, the Sync screen takes over.
    api.emit('statusChanged', status());
    await flushPromises();
    expect(router.currentRoute.value.name).toBe('sync');
  });

  it('switches language from the app bar, and remembers it', async () => {
    await mountApp(createFakeApi());
    expect(button('Sync now')).toBeTruthy();
    await click(button('Français'));
    expect(button('Synchroniser maintenant')).toBeTruthy();
    expect(document.documentElement.lang).toBe('fr');
    expect(window.localStorage.getItem('satellite-sync-locale')).toBe('fr');
    await click(button('English'));
    expect(button('Sync now')).toBeTruthy();
  });
});
