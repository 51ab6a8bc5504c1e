// Waiting for a central operation (initialisation or push integration) by polling its status.
import { SyncError, type SyncErrorCode } from './errors';
import { sleep } from './sleep';

export interface WaitOptions {
  /** Wait before the first poll (0 polls at once); later waits double from 100 ms up to `maxPollMs`. */
  firstPollMs: number;
  maxPollMs: number;
  timeoutMs: number;
  timeoutCode: SyncErrorCode;
  what: string;
}

/** Polls `isIdle` until it says yes; fails with `timeoutCode` after `timeoutMs`. */
export async function waitForCentral(isIdle: () => Promise<boolean>, options: WaitOptions): Promise<void> {
  const started = Date.now();
  let delay = options.firstPollMs;
  for (;;) {
    await sleep(delay);
    if (await isIdle()) return;
    if (Date.now() - started >= options.timeoutMs) {
      throw new SyncError(
        options.timeoutCode,
        `Waited ${Math.round((Date.now() - started) / 1000)} s for ${options.what}`,
      );
    }
    delay = Math.min(Math.max(delay * 2, 100), options.maxPollMs);
  }
}
