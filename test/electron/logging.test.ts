import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import electronLog from 'electron-log/node';
import { describe, expect, it } from 'vitest';
import { redactSecrets, setupLogging } from '../../electron/logging';

const PASSWORD_SHA256 = '5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8';
const CODE_HASH = 'scrypt$16384$8$1$RSPSXtzbgvWQ+6AGuMPSZg==$xnZa7KhSDmR1VsIYaffw90S0tVTP3EtaPXGqoaimlE0=';

describe('the shell log', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'satellite-sync-log-'));
  const file = path.join(dataDir, 'logs', 'shell.log');
  const log = setupLogging(dataDir);
  // Keep the test output readable; the file is what is under test.
  electronLog.transports.console.level = false;

  it('writes to logs/shell.log in the data directory', () => {
    log.info('Satellite Sync started');
    expect(readFileSync(file, 'utf8')).toMatch(/\[info\]\s+Satellite Sync started/);
  });

  it('never writes a credential, whatever carries it', () => {
    log.warn(`Authorization: Basic ${Buffer.from(`site:${PASSWORD_SHA256}`).toString('base64')}`);
    log.error(new Error(`stored hash ${PASSWORD_SHA256} rejected`));
    log.info({ siteName: 'satellite-1', passwordSha256: PASSWORD_SHA256, code: CODE_HASH });
    log.info('unlock with authorisationCode=demo-code&newCode=s3cret');
    const text = readFileSync(file, 'utf8');
    for (const secret of [PASSWORD_SHA256, CODE_HASH, 'demo-code', 's3cret', 'c2l0ZTo1ZTg4']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('satellite-1');
    expect(text).toContain('[redacted]');
  });

  it('rotates by size and keeps three old files', () => {
    const line = 'x'.repeat(400 * 1024);
    for (let index = 0; index < 16; index += 1) log.info(line);
    expect(existsSync(`${file}.1`)).toBe(true);
    expect(existsSync(`${file}.3`)).toBe(true);
    expect(existsSync(`${file}.4`)).toBe(false);
  });

  it('leaves ordinary text alone', () => {
    expect(redactSecrets('pull central: 500 records, cursor 42, code SYNC_ID_MISMATCH')).toBe(
      'pull central: 500 records, cursor 42, code SYNC_ID_MISMATCH',
    );
  });
});
