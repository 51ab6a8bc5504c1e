import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { usePreferencesStore } from '../../renderer/src/stores/preferences';
import PreferencesView from '../../renderer/src/views/PreferencesView.vue';
import {
  button,
  click,
  createFakeApi,
  field,
  fieldMessage,
  mountWithApp,
  ok,
  preferences,
  type,
  type FakeApi,
} from './helpers';

async function mountPreferences(options: { unlocked?: boolean } = {}): Promise<FakeApi> {
  const api = createFakeApi();
  api.getPreferences.mockResolvedValue(ok(preferences({ locked: !options.unlocked })));
  await mountWithApp(PreferencesView, { api, route: '/preferences' });
  return api;
}

describe('preference validation (the contract schemas, run before sending)', () => {
  it.each([
    ['-1', 'Must be at least 0'],
    ['1441', 'Must be at most 1440'],
    ['', 'Enter a whole number'],
    ['2.5', 'Enter a whole number'],
  ])('refuses the interval %j while locked: %s', async (value, message) => {
    const api = await mountPreferences();
    const interval = field('Sync time interval (minutes)');
    await type(interval, value);
    await click(button('Save'));
    expect(fieldMessage(interval)).toBe(message);
    expect(api.setSyncInterval).not.toHaveBeenCalled();
  });

  it.each([0, 1440, 60])('saves the interval %i while locked (0 pauses)', async (minutes) => {
    const api = await mountPreferences();
    await type(field('Sync time interval (minutes)'), String(minutes));
    await click(button('Save'));
    expect(api.setSyncInterval).toHaveBeenCalledWith({ minutes });
    expect(api.setProtectedPreferences).not.toHaveBeenCalled();
  });

  it('refuses a request size below 1', async () => {
    const api = await mountPreferences({ unlocked: true });
    const size = field('Sync request size');
    await type(size, '0');
    await click(button('Save'));
    expect(fieldMessage(size)).toBe('Must be at least 1');
    expect(api.setProtectedPreferences).not.toHaveBeenCalled();
  });

  it('refuses Sync ID 1 (the central server) and 0', async () => {
    const api = await mountPreferences({ unlocked: true });
    const syncId = field('Sync ID');
    for (const value of ['1', '0']) {
      await type(syncId, value);
      await click(button('Save'));
      expect(fieldMessage(syncId)).toBe('Must be a whole number greater than 1 (1 is the central server)');
    }
    expect(api.setProtectedPreferences).not.toHaveBeenCalled();
  });

  it('sends the protected preferences once valid and unlocked', async () => {
    const api = await mountPreferences({ unlocked: true });
    await type(field('Sync ID'), '3');
    await type(field('Sync request size'), '250');
    await click(field('Use js node HTTP client'));
    await click(button('Save'));
    expect(api.setProtectedPreferences).toHaveBeenCalledWith({
      syncId: 3,
      requestSize: 250,
      useNodeHttpClient: false,
    });
  });

  it("shows main's per-field message when main refuses a value", async () => {
    const api = await mountPreferences({ unlocked: true });
    api.setProtectedPreferences.mockResolvedValue({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'Invalid preferences',
        fields: { syncId: 'Sync ID 3 is used by another site' },
      },
    });
    await type(field('Sync ID'), '3');
    await click(button('Save'));
    expect(fieldMessage(field('Sync ID'))).toBe('Sync ID 3 is used by another site');
  });

  it('keeps what the user typed when the preferences reload, and updates the fields left alone', async () => {
    const api = await mountPreferences();
    await type(field('Sync time interval (minutes)'), '45');
    api.getPreferences.mockResolvedValue(ok(preferences({ locked: false, syncId: 7, intervalMinutes: 5 })));
    await usePreferencesStore().load();
    await flushPromises();
    expect((field('Sync time interval (minutes)') as HTMLInputElement).value).toBe('45');
    expect((field('Sync ID') as HTMLInputElement).value).toBe('7');
  });
});
