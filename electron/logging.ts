// The shell's own log: <data dir>/logs/shell.log beside the engine's sync.log (so diagnostics export
// picks it up), rotated by size, and scrubbed of anything that looks like a credential before it is
// written. electron-log's Node flavour: the shell chooses the path itself, and no IPC channel for
// renderer logging is opened.
import log from 'electron-log/node';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { LOG_DIRECTORY } from '../src-main/logging';

export const SHELL_LOG_FILE = 'shell.log';
const MAX_BYTES = 1024 * 1024;
const KEEP = 3;
const REDACTED = '[redacted]';

export interface ShellLog {
  info(...params: unknown[]): void;
  warn(...params: unknown[]): void;
  error(...params: unknown[]): void;
}

const SECRET_PATTERNS: [RegExp, string][] = [
  // HTTP Basic credentials (site name : password hash).
  [/\b(Basic\s+)[A-Za-z0-9+/=]{8,}/g, `$1${REDACTED}`],
  // Password SHA-256 (the site credential itself) and scrypt hashes of the authorisation code.
  [/\b[0-9a-fA-F]{64}\b/g, REDACTED],
  [/scrypt\$[^\s"',]+/g, REDACTED],
  // Named secrets in JSON, query strings or key=value text.
  [
    /((?:password|passwordSha256|authorisationCode|currentCode|newCode|secret|token)"?\s*[:=]\s*"?)[^"&\s,}]+/gi,
    `$1${REDACTED}`,
  ],
];

export function redactSecrets(text: string): string {
  return SECRET_PATTERNS.reduce(
    (result, [pattern, replacement]) => result.replace(pattern, replacement),
    text,
  );
}

function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  if (value instanceof Error) {
    const copy = new Error(redactSecrets(value.message));
    copy.name = value.name;
    copy.stack = value.stack === undefined ? undefined : redactSecrets(value.stack);
    return copy;
  }
  if (value !== null && typeof value === 'object') {
    try {
      return JSON.parse(redactSecrets(JSON.stringify(value))) as unknown;
    } catch {
      return '[unserialisable value]';
    }
  }
  return value;
}

/** shell.log → shell.log.1 → … → shell.log.3, the oldest dropped. */
function rotate(file: string): void {
  rmSync(`${file}.${KEEP}`, { force: true });
  for (let index = KEEP - 1; index >= 1; index -= 1) {
    if (existsSync(`${file}.${index}`)) renameSync(`${file}.${index}`, `${file}.${index + 1}`);
  }
  renameSync(file, `${file}.1`);
}

export function setupLogging(dataDir: string): ShellLog {
  const file = path.join(dataDir, LOG_DIRECTORY, SHELL_LOG_FILE);
  log.transports.file.resolvePathFn = () => file;
  log.transports.file.maxSize = MAX_BYTES;
  log.transports.file.level = 'info';
  log.transports.file.archiveLogFn = (oldFile) => rotate(oldFile.path);
  log.hooks.push((message) => ({ ...message, data: message.data.map(redactValue) }));
  return log;
}

/** Uncaught errors and unhandled rejections go to the log (no dialog) instead of vanishing. */
export function catchUncaughtErrors(): void {
  log.errorHandler.startCatching({ showDialog: false });
}
