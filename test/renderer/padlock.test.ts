import { describe, expect, it } from 'vitest';
import PreferencesView from '../../renderer/src/views/PreferencesView.vue';
import {
  button,
  click,
  createFakeApi,
  field,
  mountWithApp,
  ok,
  pageText,
  preferences,
  type,
} from './helpers';

async function openUnlockDialog() {
  await click(button('Click to un-lock'));
  expect(document.querySelector('.v-dialog .v-card-title')?.textContent).toBe('Authorisation code');
  // A screen reader announces the dialog by name.
  expect(document.querySelector('[role="dialog"]')?.getAttribute('aria-label')).toBe('Authorisation code');
  return field('Authorisation code');
}

describe('the padlock of the protected preferences', () => {
  it('starts locked: only the interval can be edited', async () => {
    await mountWithApp(PreferencesView, { route: '/preferences' });
    expect(button('Click to un-lock')).toBeTruthy();
    expect(field('Sync time interval (minutes)').disabled).toBe(false);
    expect(field('Sync ID').disabled).toBe(true);
    expect(field('Sync request size').disabled).toBe(true);
    expect(field('Use js node HTTP client').disabled).toBe(true);
    expect(button('Add server').disabled).toBe(true);
  });

  it('says so when the code is wrong, and unlocks nothing', async () => {
    const api = createFakeApi();
    api.unlockPreferences.mockResolvedValue(ok({ unlocked: false, reason: 'wrong-code', attemptsLeft: 3 }));
    await mountWithApp(PreferencesView, { api, route: '/preferences' });

    await type(await openUnlockDialog(), 'guess');
    await click(button('OK'));

    expect(api.unlockPreferences).toHaveBeenCalledWith({ code: 'guess' });
    expect(pageText()).toContain('Wrong authorisation code: 3 attempts left.');
    expect(button('Click to un-lock')).toBeTruthy();
    expect(field('Sync ID').disabled).toBe(true);
  });

  it('unlocks with the right code, then locks again on request', async () => {
    const api = createFakeApi();
    await mountWithApp(PreferencesView, { api, route: '/preferences' });

    await type(await openUnlockDialog(), 'right-code');
    await click(button('OK'));

    expect(button('Click to lock')).toBeTruthy();
    expect(field('Sync ID').disabled).toBe(false);
    expect(field('Sync request size').disabled).toBe(false);
    expect(button('Add server').disabled).toBe(false);

    await click(button('Click to lock'));
    expect(api.lockPreferences).toHaveBeenCalled();
    expect(button('Click to un-lock')).toBeTruthy();
  });

  it('Cancel closes the dialog without asking main', async () => {
    const api = createFakeApi();
    await mountWithApp(PreferencesView, { api, route: '/preferences' });
    await type(await openUnlockDialog(), 'something');
    await click(button('Cancel'));
    expect(api.unlockPreferences).not.toHaveBeenCalled();
  });

  it('shows the lock-out with the time unlocking is possible again', async () => {
    const retryAt = new Date(Date.now() + 5 * 60_000).toISOString();
    const api = createFakeApi();
    api.unlockPreferences.mockResolvedValue(ok({ unlocked: false, reason: 'locked-out', retryAt }));
    await mountWithApp(PreferencesView, { api, route: '/preferences' });

    await type(await openUnlockDialog(), 'sixth-guess');
    await click(button('OK'));

    const when = new Date(retryAt);
    const minutes = String(when.getMinutes()).padStart(2, '0');
    expect(pageText()).toMatch(/Too many wrong codes: unlocking is possible again at .+\./);
    expect(pageText()).toContain(minutes);
    expect(document.querySelector('[data-testid="locked-out"]')).not.toBeNull();
  });

  it('shows a lock-out main reports on load', async () => {
    const api = createFakeApi();
    const until = new Date(Date.now() + 60_000).toISOString();
    api.getPreferences.mockResolvedValue(ok(preferences({ lockedOutUntil: until })));
    await mountWithApp(PreferencesView, { api, route: '/preferences' });
    expect(document.querySelector('[data-testid="locked-out"]')?.textContent).toContain(
      'Too many wrong codes',
    );
  });
});
