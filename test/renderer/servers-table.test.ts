import { describe, expect, it } from 'vitest';
import PreferencesView from '../../renderer/src/views/PreferencesView.vue';
import {
  button,
  click,
  dialog,
  createFakeApi,
  field,
  fieldMessage,
  mountWithApp,
  ok,
  pageText,
  preferences,
  SERVERS,
  type,
  type FakeApi,
} from './helpers';

const table = () => {
  const caption = [...document.querySelectorAll('caption')].find(
    (c) => c.textContent === 'Synchronize parameters',
  );
  if (!caption) throw new Error('No table named "Synchronize parameters"');
  return caption.closest('table')!;
};
const rowTexts = () => [...table().querySelectorAll('tbody tr')].map((row) => row.textContent ?? '');
const dialogTitle = () =>
  [...document.querySelectorAll('.v-overlay--active .v-card-title')].map((title) => title.textContent).pop();

async function mountServers(options: { unlocked?: boolean } = {}): Promise<FakeApi> {
  const api = createFakeApi();
  api.getPreferences.mockResolvedValue(ok(preferences({ locked: !options.unlocked })));
  await mountWithApp(PreferencesView, { api, route: '/preferences' });
  return api;
}

describe('the "Synchronize parameters" table', () => {
  it('lists the servers with Sync ID, User name and URL', async () => {
    await mountServers();
    const headers = [...table().querySelectorAll('thead th')].map((th) => th.textContent?.trim());
    expect(headers).toEqual(expect.arrayContaining(['Sync ID', 'User name', 'URL']));
    expect(rowTexts()).toHaveLength(2);
    expect(rowTexts()[0]).toContain('satellite-1');
    expect(rowTexts()[1]).toContain('oms-central');
  });

  it('filters by Sync ID and user name', async () => {
    await mountServers();
    const search = field('Search sync IDs, user names');
    await type(search, 'oms');
    expect(rowTexts()).toHaveLength(1);
    expect(rowTexts()[0]).toContain('oms-central');

    await type(search, '2');
    expect(rowTexts()).toHaveLength(1);
    expect(rowTexts()[0]).toContain('satellite-1');

    // The URL is not searched.
    await type(search, '127.0.0.1');
    expect(rowTexts()[0]).toContain('No servers');
  });

  it('shows the Open mSupply central server read-only: no edit, not selectable', async () => {
    await mountServers({ unlocked: true });
    const [msupply, oms] = [...table().querySelectorAll('tbody tr')];
    expect(oms!.querySelector('[data-testid="read-only"]')?.textContent?.trim()).toBe('read-only');
    expect(oms!.querySelector('button[aria-label^="Edit"]')).toBeNull();
    expect(oms!.querySelector<HTMLInputElement>('input[type="checkbox"]')?.disabled).toBe(true);
    expect(msupply!.querySelector('button[aria-label="Edit satellite-1"]')).not.toBeNull();
  });

  it('needs the preferences unlocked for + and −', async () => {
    await mountServers();
    expect(button('Add server').disabled).toBe(true);
    expect(button('Remove server').disabled).toBe(true);
  });

  it('validates the add dialog field by field before sending', async () => {
    const api = await mountServers({ unlocked: true });
    await click(button('Add server'));
    expect(dialogTitle()).toBe('New server');
    expect(field('Hardware ID', dialog()).value).toBe('hw-1234-abcd');
    expect(field('Hardware ID', dialog()).readOnly).toBe(true);

    await type(field('Sync ID', dialog()), '1');
    await type(field('URL', dialog()), 'ftp://example.org');
    await click(button('OK', dialog()));

    expect(fieldMessage(field('Sync ID', dialog()))).toBe(
      'Must be a whole number greater than 1 (1 is the central server)',
    );
    expect(fieldMessage(field('User name', dialog()))).toBe('Required');
    expect(fieldMessage(field('URL', dialog()))).toBe('Enter an http or https URL');
    expect(api.saveServer).not.toHaveBeenCalled();

    await type(field('Sync ID', dialog()), '9');
    await type(field('User name', dialog()), 'satellite-9');
    await type(field('Password', dialog()), 'secret');
    await type(field('URL', dialog()), 'https://central.example.org:2048');
    await click(button('OK', dialog()));
    expect(api.saveServer).toHaveBeenCalledWith({
      syncId: 9,
      userName: 'satellite-9',
      password: 'secret',
      url: 'https://central.example.org:2048',
    });
    expect(dialogTitle()).toBeUndefined();
  });

  it('edits a server: pre-filled, empty password keeps the stored one', async () => {
    const api = await mountServers({ unlocked: true });
    await click(button('Edit satellite-1'));
    expect(dialogTitle()).toBe('Server satellite-1');
    expect(field('User name', dialog()).value).toBe('satellite-1');
    expect(field('URL', dialog()).value).toBe(SERVERS[0]!.url);
    expect(field('Password', dialog()).value).toBe('');
    await click(button('OK', dialog()));
    expect(api.saveServer).toHaveBeenCalledWith({
      syncId: 2,
      userName: 'satellite-1',
      password: '',
      url: SERVERS[0]!.url,
    });
  });

  it('asks before Generate sync records and Retrieve sync records', async () => {
    const api = await mountServers({ unlocked: true });
    await click(button('Edit satellite-1'));

    await click(button('Generate sync records'));
    expect(pageText()).toContain("Queue every local record of this site's stores to be pushed again?");
    await click(button('No'));
    expect(api.generateSyncRecords).not.toHaveBeenCalled();

    await click(button('Generate sync records'));
    await click(button('Yes'));
    expect(api.generateSyncRecords).toHaveBeenCalledTimes(1);
    expect(pageText()).toContain('3 records queued for push.');

    await click(button('Retrieve sync records'));
    expect(pageText()).toContain(
      'Ask the central server to send everything for this site again, and pull it?',
    );
    await click(button('Yes'));
    expect(api.retrieveSyncRecords).toHaveBeenCalledTimes(1);
    expect(pageText()).toContain('Requested: the records arrive with the next sync.');
  });

  it('removes the selected server after a confirmation', async () => {
    const api = await mountServers({ unlocked: true });
    const checkbox = table().querySelector<HTMLInputElement>('tbody tr input[type="checkbox"]')!;
    expect(checkbox.getAttribute('aria-label')).toBe('Select satellite-1');
    await click(checkbox);
    await click(button('Remove server'));
    expect(pageText()).toContain('Remove the server satellite-1');
    await click(button('Yes'));
    expect(api.removeServer).toHaveBeenCalledWith({ syncId: 2 });
  });
});
