// Sync errors are values with a code, a message for people, the full detail for support, and a hint.
import { SYNC_ERROR_MESSAGES as MESSAGES, type SyncErrorCode } from '../contract/sync-error-messages';

export { SYNC_ERROR_CODES, type SyncErrorCode } from '../contract/sync-error-messages';

export class SyncError extends Error {
  readonly hint: string;

  constructor(
    readonly code: SyncErrorCode,
    /** Full technical detail for support (never contains secrets). */
    readonly detail: string,
    message: string = MESSAGES[code].message,
  ) {
    super(message);
    this.name = 'SyncError';
    this.hint = MESSAGES[code].hint;
  }

  /** Whether retrying the same request later may succeed. */
  get isTransient(): boolean {
    return this.code === 'CONNECTION_ERROR' || this.code === 'INTEGRATION_TIMEOUT_REACHED';
  }

  toJSON(): { code: SyncErrorCode; message: string; detail: string; hint: string } {
    return { code: this.code, message: this.message, detail: this.detail, hint: this.hint };
  }
}

export function messageFor(code: SyncErrorCode): { message: string; hint: string } {
  return MESSAGES[code];
}
