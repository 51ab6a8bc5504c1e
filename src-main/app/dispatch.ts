// The one door into the application service, for Electron's ipcMain handlers and browser mode
// alike: known operation, validated input, and every failure turned into a ContractError that
// carries a code, words for people and support detail, never a secret.
import { ZodError } from 'zod';
import { OPERATIONS, type ContractError, type OperationName, type Outcome } from '../contract/operations';
import { NotConfiguredError } from '../settings/sync-settings';
import { SyncError } from '../sync/errors';
import type { AppOperations } from './app-service';
import { AppError } from './errors';

export function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(OPERATIONS, name);
}

/**
 * Belt and braces: anything shaped like a password hash (64 hex digits), an scrypt hash or a sealed
 * secret is blanked from text that leaves main, whatever error carried it.
 */
export function scrubSecrets(text: string): string {
  return text
    .replace(/\b[0-9a-f]{64}\b/gi, '[redacted]')
    .replace(/scrypt\$[^\s"',;]+/g, '[redacted]')
    .replace(/\bv1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+/g, '[redacted]');
}

function fieldsOf(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.');
    fields[field] ??= issue.message;
  }
  return fields;
}

function invalidInput(error: ZodError): ContractError {
  const invalid = new AppError('INVALID_INPUT');
  const fields = fieldsOf(error);
  const detail = Object.entries(fields)
    .map(([field, message]) => `${field || '(input)'}: ${message}`)
    .join('; ');
  return { code: invalid.code, message: invalid.message, detail, hint: invalid.hint, fields };
}

export function toContractError(error: unknown): ContractError {
  if (error instanceof ZodError) return invalidInput(error);
  if (error instanceof SyncError || error instanceof AppError) {
    return {
      code: error.code,
      message: error.message,
      detail: scrubSecrets(error.detail),
      hint: error.hint,
      ...(error instanceof AppError && error.fields ? { fields: error.fields } : {}),
    };
  }
  if (error instanceof NotConfiguredError) {
    const notConfigured = new AppError('NOT_CONFIGURED');
    return { code: notConfigured.code, message: notConfigured.message, hint: notConfigured.hint };
  }
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  // Unexpected: the stack goes to main's stderr for support, only its first line to the renderer.
  process.stderr.write(`${scrubSecrets(error instanceof Error ? (error.stack ?? detail) : detail)}\n`);
  return { code: 'UNKNOWN', message: 'Something went wrong', detail: scrubSecrets(detail) };
}

export async function dispatch(
  service: AppOperations,
  name: string,
  rawInput: unknown,
): Promise<Outcome<unknown>> {
  if (!isOperationName(name)) {
    const unknown = new AppError('UNKNOWN_OPERATION', `"${name.slice(0, 100)}" is not an operation`);
    return { ok: false, error: toContractError(unknown) };
  }
  try {
    // The API's input is optional on every operation: a missing one is the empty object.
    const input: unknown = OPERATIONS[name].parse(rawInput === undefined ? {} : rawInput);
    const operation = service[name] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await operation.call(service, input) };
  } catch (error) {
    return { ok: false, error: toContractError(error) };
  }
}
