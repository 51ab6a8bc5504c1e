// The engine's log: JSON lines in <data dir>/logs/sync.log, rotated by size (sync.log.1, .2 …).
// Callers never pass secrets; SyncError details are built without them.
import { appendFileSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';

export const LOG_DIRECTORY = 'logs';
const LOG_FILE = 'sync.log';
const MAX_BYTES = 1024 * 1024;
const KEEP = 3;

export type LogLevel = 'info' | 'warn' | 'error';

export class FileLog {
  private readonly file: string;

  constructor(dataDir: string) {
    const directory = path.join(dataDir, LOG_DIRECTORY);
    mkdirSync(directory, { recursive: true });
    this.file = path.join(directory, LOG_FILE);
  }

  write(level: LogLevel, event: string, fields: Record<string, unknown> = {}): void {
    this.rotateIfFull();
    appendFileSync(
      this.file,
      `${JSON.stringify({ at: new Date().toISOString(), level, event, ...fields })}\n`,
    );
  }

  private rotateIfFull(): void {
    if (!existsSync(this.file) || statSync(this.file).size < MAX_BYTES) return;
    for (let index = KEEP - 1; index >= 1; index -= 1) {
      const older = `${this.file}.${index}`;
      if (existsSync(older)) renameSync(older, `${this.file}.${index + 1}`);
    }
    renameSync(this.file, `${this.file}.1`);
  }
}
