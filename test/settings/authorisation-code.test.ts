import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLocalDatabase, type LocalDatabase } from '../../src-main/db/data-source';
import { AuditLogEntity } from '../../src-main/db/entities/internal';
import {
  FIRST_LOCKOUT_MS,
  hashAuthorisationCode,
  setAuthorisationCode,
  setAuthorisationCodeHash,
  tryUnlock,
  verifyAuthorisationCode,
} from '../../src-main/settings/authorisation-code';
import { KEY, readSetting } from '../../src-main/settings/key-value';

describe('authorisation code hashing', () => {
  it('stores a salted scrypt hash, never the code, and verifies it', async () => {
    const hash = await hashAuthorisationCode('demo-code');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(hash).not.toContain('demo-code');
    expect(await hashAuthorisationCode('demo-code')).not.toBe(hash); // a fresh salt each time
    expect(await verifyAuthorisationCode('demo-code', hash)).toBe(true);
    expect(await verifyAuthorisationCode('demo-codE', hash)).toBe(false);
    expect(await verifyAuthorisationCode('demo-code', 'plain:demo-code')).toBe(false);
  });
});

describe('unlocking the protected preferences', () => {
  let db: LocalDatabase;
  let now: number;
  const clock = (): number => now;

  beforeEach(async () => {
    db = await openLocalDatabase(mkdtempSync(path.join(tmpdir(), 'satellite-code-')));
    now = Date.parse('2026-11-25T10:00:00Z');
  });
  afterEach(() => db.close());

  it('says when no code is set', async () => {
    expect(await tryUnlock(db, 'anything', clock)).toEqual({ ok: false, reason: 'no-code-set' });
  });

  it('unlocks with the right code and counts down wrong ones', async () => {
    await setAuthorisationCode(db, 'demo-code');
    expect(await tryUnlock(db, 'wrong', clock)).toEqual({ ok: false, reason: 'wrong-code', attemptsLeft: 4 });
    expect(await tryUnlock(db, 'demo-code', clock)).toEqual({ ok: true });
    // a success resets the count
    expect(await tryUnlock(db, 'wrong', clock)).toEqual({ ok: false, reason: 'wrong-code', attemptsLeft: 4 });
  });

  it('locks unlocking out for 5 minutes after 5 wrong codes, doubling each time', async () => {
    await setAuthorisationCode(db, 'demo-code');
    for (let attempt = 1; attempt < 5; attempt += 1) await tryUnlock(db, 'wrong', clock);
    const lockedOut = await tryUnlock(db, 'wrong', clock);
    expect(lockedOut).toEqual({
      ok: false,
      reason: 'locked-out',
      retryAt: new Date(now + FIRST_LOCKOUT_MS).toISOString(),
    });
    // even the right code is refused while locked out
    expect((await tryUnlock(db, 'demo-code', clock)).ok).toBe(false);
    now += FIRST_LOCKOUT_MS;
    for (let attempt = 1; attempt <= 5; attempt += 1) await tryUnlock(db, 'wrong', clock);
    const second = await tryUnlock(db, 'demo-code', clock);
    expect(second).toEqual({
      ok: false,
      reason: 'locked-out',
      retryAt: new Date(now + 2 * FIRST_LOCKOUT_MS).toISOString(),
    });
    now += 2 * FIRST_LOCKOUT_MS;
    expect(await tryUnlock(db, 'demo-code', clock)).toEqual({ ok: true });
  });

  it('writes every unlock attempt and code change to the audit log, without the code', async () => {
    await setAuthorisationCode(db, 'demo-code');
    await tryUnlock(db, 'wrong', clock);
    await tryUnlock(db, 'demo-code', clock);
    await setAuthorisationCode(db, 'new-code', 'demo-code');
    const audit = await db.dataSource.getRepository(AuditLogEntity).find({ order: { id: 'ASC' } });
    expect(audit.map((row) => row.action)).toEqual([
      'authorisation-code-changed',
      'unlock-failed',
      'unlock',
      'authorisation-code-changed',
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/demo-code|new-code|scrypt/);
  });

  it('changes the code only given the current one', async () => {
    await setAuthorisationCode(db, 'demo-code');
    await expect(setAuthorisationCode(db, 'new-code')).rejects.toThrow('current authorisation code is wrong');
    await expect(setAuthorisationCode(db, 'new-code', 'nope')).rejects.toThrow(
      'current authorisation code is wrong',
    );
    await expect(setAuthorisationCode(db, 'abc', 'demo-code')).rejects.toThrow('at least 4 characters');
    await setAuthorisationCode(db, 'new-code', 'demo-code');
    expect(await tryUnlock(db, 'new-code', clock)).toEqual({ ok: true });
  });

  it('takes a hash from a site profile as it is, and refuses anything that is not an scrypt hash', async () => {
    await setAuthorisationCodeHash(db, await hashAuthorisationCode('profile-code'));
    expect(await tryUnlock(db, 'profile-code', clock)).toEqual({ ok: true });
    await expect(setAuthorisationCodeHash(db, 'profile-code')).rejects.toThrow('scrypt');
    expect(await readSetting(db.dataSource.manager, KEY.authorisationCodeHash)).toMatch(/^scrypt\$/);
  });
});
