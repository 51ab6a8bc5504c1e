// The supervisor's authorisation code (PRODUCT.md §5.4): kept only as a salted scrypt hash,
// compared in constant time; 5 wrong codes lock unlocking out for 5 minutes, doubling each time.
// Every unlock attempt and code change is written to the audit log.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { LocalDatabase } from '../db/data-source';
import { AuditLogEntity } from '../db/entities/internal';
import { KEY, readSetting, writeSetting } from './key-value';

const SCRYPT = { N: 16_384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
export const MAX_FAILED_UNLOCKS = 5;
export const FIRST_LOCKOUT_MS = 5 * 60_000;

function scrypt(code: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(code, salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** `scrypt$N$r$p$salt$hash` (base64): the format a site profile carries too. */
export async function hashAuthorisationCode(code: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(code, salt, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyAuthorisationCode(code: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scrypt(code, Buffer.from(salt, 'base64'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

interface UnlockState {
  failures: number;
  lockouts: number;
  lockedUntil: number;
}

async function readState(manager: EntityManager): Promise<UnlockState> {
  const raw = await readSetting(manager, KEY.unlockFailures);
  return raw ? (JSON.parse(raw) as UnlockState) : { failures: 0, lockouts: 0, lockedUntil: 0 };
}

export function audit(manager: EntityManager, action: string, detail: string): Promise<unknown> {
  return manager.insert(AuditLogEntity, { at: new Date().toISOString(), action, detail });
}

export type UnlockResult =
  | { ok: true }
  | { ok: false; reason: 'wrong-code'; attemptsLeft: number }
  | { ok: false; reason: 'locked-out'; retryAt: string }
  | { ok: false; reason: 'no-code-set' };

export async function tryUnlock(
  db: LocalDatabase,
  code: string,
  now: () => number = Date.now,
): Promise<UnlockResult> {
  return db.transaction(async (manager) => {
    const stored = await readSetting(manager, KEY.authorisationCodeHash);
    if (!stored) return { ok: false, reason: 'no-code-set' } as const;
    const state = await readState(manager);
    if (state.lockedUntil > now()) {
      await audit(manager, 'unlock-refused', 'locked out');
      return { ok: false, reason: 'locked-out', retryAt: new Date(state.lockedUntil).toISOString() } as const;
    }
    if (await verifyAuthorisationCode(code, stored)) {
      await writeSetting(manager, KEY.unlockFailures, JSON.stringify({ ...state, failures: 0 }));
      await audit(manager, 'unlock', 'preferences unlocked');
      return { ok: true } as const;
    }
    state.failures += 1;
    if (state.failures >= MAX_FAILED_UNLOCKS) {
      state.lockedUntil = now() + FIRST_LOCKOUT_MS * 2 ** state.lockouts;
      state.lockouts += 1;
      state.failures = 0;
    }
    await writeSetting(manager, KEY.unlockFailures, JSON.stringify(state));
    await audit(manager, 'unlock-failed', 'wrong authorisation code');
    if (state.lockedUntil > now()) {
      return { ok: false, reason: 'locked-out', retryAt: new Date(state.lockedUntil).toISOString() } as const;
    }
    return { ok: false, reason: 'wrong-code', attemptsLeft: MAX_FAILED_UNLOCKS - state.failures } as const;
  });
}

/** Sets the code the first time, or changes it given the current one. */
export async function setAuthorisationCode(
  db: LocalDatabase,
  newCode: string,
  currentCode?: string,
): Promise<void> {
  if (newCode.length < 4) throw new Error('The authorisation code must have at least 4 characters');
  const stored = await readSetting(db.dataSource.manager, KEY.authorisationCodeHash);
  if (stored && !(currentCode !== undefined && (await verifyAuthorisationCode(currentCode, stored)))) {
    throw new Error('The current authorisation code is wrong');
  }
  const hash = await hashAuthorisationCode(newCode);
  await db.transaction(async (manager) => {
    await writeSetting(manager, KEY.authorisationCodeHash, hash);
    await audit(manager, 'authorisation-code-changed', stored ? 'changed' : 'set for the first time');
  });
}

/** A hash baked into a site profile is taken as it is. */
export async function setAuthorisationCodeHash(db: LocalDatabase, hash: string): Promise<void> {
  if (!hash.startsWith('scrypt$')) throw new Error('An authorisation-code hash must be an scrypt$… hash');
  await db.transaction(async (manager) => {
    await writeSetting(manager, KEY.authorisationCodeHash, hash);
    await audit(manager, 'authorisation-code-changed', 'set from the site profile');
  });
}
