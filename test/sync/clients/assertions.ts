// Every SyncError a test sees is checked for the one thing it must never carry: credentials.
import { expect } from 'vitest';
import { SyncError, type SyncErrorCode } from '../../../src-main/sync/errors';

/** Awaits the rejection, checks its code, and that no secret shows in message, detail or hint. */
export async function expectSyncError(
  promise: Promise<unknown>,
  code: SyncErrorCode,
  secrets: readonly string[],
): Promise<SyncError> {
  const error = await promise.then(
    () => expect.unreachable(`expected a SyncError ${code}`),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(SyncError);
  const syncError = error as SyncError;
  expect(syncError.code, syncError.detail).toBe(code);
  const shown = JSON.stringify(syncError.toJSON());
  for (const secret of secrets) expect(shown).not.toContain(secret);
  return syncError;
}

/** A `sleep` that resolves at once and remembers the delays asked for. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; delays: number[] } {
  const delays: number[] = [];
  return { delays, sleep: async (ms) => void delays.push(ms) };
}

/** What must never leak for a site: its password hash and its Basic credentials. */
export function secretsOf(site: { siteName: string; passwordSha256: string }): string[] {
  return [site.passwordSha256, Buffer.from(`${site.siteName}:${site.passwordSha256}`).toString('base64')];
}
