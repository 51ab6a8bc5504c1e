// The padlock's operations: unlock with the authorisation code (wrong codes counted, lockout after
// five), lock, and change the code. While no code is set, the first one may be set without
// unlocking (PRODUCT.md §5.4: "set … on first run").
import type { Preferences, UnlockOutcome } from '../contract/views';
import {
  audit,
  setAuthorisationCode,
  tryUnlock,
  verifyAuthorisationCode,
} from '../settings/authorisation-code';
import { KEY, readSetting } from '../settings/key-value';
import type { AppContext, ParsedInput } from './app-context';
import { AppError } from './errors';
import { readPreferences } from './preferences';

export async function unlockPreferences(
  context: AppContext,
  { code }: ParsedInput<'unlockPreferences'>,
): Promise<UnlockOutcome> {
  const result = await tryUnlock(context.engine.db, code, context.now);
  if (!result.ok) {
    // A lockout shows in the preferences too (lockedOutUntil).
    if (result.reason === 'locked-out') context.publishPreferences();
    const { ok: _ok, ...outcome } = result;
    return { unlocked: false, ...outcome };
  }
  context.lock.unlock();
  context.publishPreferences();
  return { unlocked: true, preferences: await readPreferences(context) };
}

export async function lockPreferences(context: AppContext): Promise<Preferences> {
  if (context.lock.isUnlocked) {
    context.lock.lock();
    await context.engine.db.transaction((manager) => audit(manager, 'lock', 'preferences locked'));
    context.publishPreferences();
  }
  return readPreferences(context);
}

export async function changeAuthorisationCode(
  context: AppContext,
  { currentCode, newCode }: ParsedInput<'changeAuthorisationCode'>,
): Promise<{ changed: true }> {
  const { db } = context.engine;
  const stored = await readSetting(db.dataSource.manager, KEY.authorisationCodeHash);
  if (stored) {
    context.lock.require();
    if (!(await verifyAuthorisationCode(currentCode, stored))) {
      await db.transaction((manager) =>
        audit(manager, 'authorisation-code-change-refused', 'wrong current code'),
      );
      throw new AppError('WRONG_AUTHORISATION_CODE');
    }
  }
  await setAuthorisationCode(db, newCode, stored ? currentCode : undefined);
  return { changed: true };
}
