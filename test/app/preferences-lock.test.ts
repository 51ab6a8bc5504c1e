// The padlock of Preferences › Synchronisation (PRODUCT.md §5.4): locked by default, unlocked by the
// authorisation code, 5 wrong codes lock unlocking out (5 min, doubling), 10 idle minutes lock it
// again, protected operations refused while locked (the sync interval excepted), all audited.
import { afterEach, describe, expect, it } from 'vitest';
import { UNLOCK_IDLE_MS } from '../../src-main/app/preferences-lock';
import type { OperationInput, OperationName } from '../../src-main/contract/operations';
import type { Preferences } from '../../src-main/contract/views';
import { FakeClock, auditActions, closeApps, failure, openApp, value } from './helpers';

afterEach(closeApps);

const MINUTE = 60_000;
const CODE = 'open-sesame';

async function appWithCode(clock: FakeClock) {
  const app = await openApp({ now: clock.now });
  expect(await value(app.service, 'changeAuthorisationCode', { currentCode: '', newCode: CODE })).toEqual({
    changed: true,
  });
  return app;
}

/** Every protected operation with an input that would be valid. */
const PROTECTED: { [Name in OperationName]?: OperationInput<Name> } = {
  setProtectedPreferences: { requestSize: 100 },
  saveServer: { syncId: 2, userName: 'site', password: 'secret', url: 'http://127.0.0.1:9' },
  removeServer: { syncId: 2 },
  generateSyncRecords: {},
  retrieveSyncRecords: {},
  changeAuthorisationCode: { currentCode: CODE, newCode: 'another-code' },
};

describe('the preferences lock', () => {
  it('is locked by default; with no code set, unlocking says so and the first code may be set', async () => {
    const clock = new FakeClock();
    const { service, dataDir } = await openApp({ now: clock.now });
    expect(await value(service, 'getPreferences')).toMatchObject({ locked: true, lockedOutUntil: null });
    expect(await value(service, 'unlockPreferences', { code: 'anything' })).toEqual({
      unlocked: false,
      reason: 'no-code-set',
    });
    await value(service, 'changeAuthorisationCode', { currentCode: '', newCode: CODE });
    // Once set, changing it needs the padlock open.
    await failure(
      service,
      'changeAuthorisationCode',
      { currentCode: CODE, newCode: 'other' },
      'PREFERENCES_LOCKED',
    );
    expect(await auditActions(dataDir)).toEqual(['authorisation-code-changed']);
  });

  it('counts wrong codes, locks out after five (5 minutes, then 10), and unlocks with the right one', async () => {
    const clock = new FakeClock();
    const { service, dataDir } = await appWithCode(clock);
    for (const attemptsLeft of [4, 3, 2, 1]) {
      expect(await value(service, 'unlockPreferences', { code: 'wrong' })).toEqual({
        unlocked: false,
        reason: 'wrong-code',
        attemptsLeft,
      });
    }
    const fiveMinutes = new Date(clock.now() + 5 * MINUTE).toISOString();
    expect(await value(service, 'unlockPreferences', { code: 'wrong' })).toEqual({
      unlocked: false,
      reason: 'locked-out',
      retryAt: fiveMinutes,
    });
    expect(await value(service, 'getPreferences')).toMatchObject({
      locked: true,
      lockedOutUntil: fiveMinutes,
    });
    // Even the right code waits out the lockout.
    expect(await value(service, 'unlockPreferences', { code: CODE })).toMatchObject({ reason: 'locked-out' });

    clock.advance(5 * MINUTE);
    const unlocked = await value(service, 'unlockPreferences', { code: CODE });
    expect(unlocked).toMatchObject({ unlocked: true, preferences: { locked: false, lockedOutUntil: null } });
    await value(service, 'lockPreferences');

    for (let attempt = 0; attempt < 4; attempt += 1)
      await value(service, 'unlockPreferences', { code: 'no' });
    expect(await value(service, 'unlockPreferences', { code: 'no' })).toEqual({
      unlocked: false,
      reason: 'locked-out',
      retryAt: new Date(clock.now() + 10 * MINUTE).toISOString(),
    });

    expect(await auditActions(dataDir)).toEqual([
      'authorisation-code-changed',
      ...Array<string>(5).fill('unlock-failed'),
      'unlock-refused',
      'unlock',
      'lock',
      ...Array<string>(5).fill('unlock-failed'),
    ]);
  });

  it('locks again after 10 idle minutes; preferences activity keeps it open', async () => {
    const clock = new FakeClock();
    const { service } = await appWithCode(clock);
    const seen: Preferences[] = [];
    service.on('preferencesChanged', (preferences) => seen.push(preferences));
    await value(service, 'unlockPreferences', { code: CODE });

    clock.advance(UNLOCK_IDLE_MS - MINUTE);
    await value(service, 'setProtectedPreferences', { requestSize: 250 });
    clock.advance(UNLOCK_IDLE_MS - MINUTE);
    expect(await value(service, 'getPreferences')).toMatchObject({ locked: false, requestSize: 250 });

    clock.advance(UNLOCK_IDLE_MS);
    expect(await value(service, 'getPreferences')).toMatchObject({ locked: true });
    await failure(service, 'setProtectedPreferences', { requestSize: 300 }, 'PREFERENCES_LOCKED');
    expect(seen.some((preferences) => !preferences.locked)).toBe(true);
  });

  it('refuses every protected operation while locked, and allows the sync interval', async () => {
    const clock = new FakeClock();
    const { service, dataDir } = await appWithCode(clock);
    for (const [name, input] of Object.entries(PROTECTED)) {
      await failure(service, name as OperationName, input as never, 'PREFERENCES_LOCKED');
    }
    expect(await value(service, 'setSyncInterval', { minutes: 0 })).toMatchObject({
      locked: true,
      intervalMinutes: 0,
    });
    expect(await value(service, 'getStatus')).toMatchObject({ paused: true });
    // Nothing but the code itself was written.
    expect(await auditActions(dataDir)).toEqual(['authorisation-code-changed']);
  });

  it('audits each protected change once unlocked, and checks the current code before changing it', async () => {
    const clock = new FakeClock();
    const { service, dataDir } = await appWithCode(clock);
    await value(service, 'unlockPreferences', { code: CODE });
    expect(
      await value(service, 'setProtectedPreferences', {
        requestSize: 120,
        useNodeHttpClient: false,
        syncId: 7,
      }),
    ).toMatchObject({ requestSize: 120, useNodeHttpClient: false, syncId: 7, locked: false });
    await failure(
      service,
      'changeAuthorisationCode',
      { currentCode: 'not-it', newCode: 'new-code' },
      'WRONG_AUTHORISATION_CODE',
    );
    await value(service, 'changeAuthorisationCode', { currentCode: CODE, newCode: 'new-code' });
    await value(service, 'lockPreferences');
    expect(await value(service, 'unlockPreferences', { code: 'new-code' })).toMatchObject({ unlocked: true });

    expect(await auditActions(dataDir)).toEqual([
      'authorisation-code-changed',
      'unlock',
      'preference-changed',
      'preference-changed',
      'preference-changed',
      'authorisation-code-change-refused',
      'authorisation-code-changed',
      'lock',
      'unlock',
    ]);
  });
});
