// Support details must never carry credentials, not even when a server echoes them back.
import { SyncError } from '../errors';

const REDACTED = '[redacted]';

export function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((result, secret) => (secret ? result.split(secret).join(REDACTED) : result), text);
}

/** The same error with every secret taken out of its message and detail; other errors as they are. */
export function redactError(error: unknown, secrets: readonly string[]): unknown {
  if (!(error instanceof SyncError)) return error;
  return new SyncError(error.code, redact(error.detail, secrets), redact(error.message, secrets));
}
