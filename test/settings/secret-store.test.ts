import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileKeySecretStore } from '../../src-main/settings/secret-store';

describe('FileKeySecretStore (the Node fallback)', () => {
  it('seals and unseals, never leaving the secret readable, and says what it is', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'satellite-secrets-'));
    const store = new FileKeySecretStore(dir);
    const sealed = store.seal('5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8');
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain('5e884898');
    expect(store.unseal(sealed)).toBe('5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8');
    expect(store.seal('same')).not.toBe(store.seal('same'));
    expect(store.description).toMatch(/fallback/);
  });

  it('keeps its key in a file only the owner can read, and reuses it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'satellite-secrets-'));
    const sealed = new FileKeySecretStore(dir).seal('secret');
    expect(statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(new FileKeySecretStore(dir).unseal(sealed)).toBe('secret');
  });

  it('refuses a tampered or foreign value', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'satellite-secrets-'));
    const store = new FileKeySecretStore(dir);
    const [version, iv, tag, body] = store.seal('secret').split(':');
    const flipped = Buffer.from(body as string, 'base64');
    flipped[0] = (flipped[0] as number) ^ 1;
    expect(() => store.unseal([version, iv, tag, flipped.toString('base64')].join(':'))).toThrow();
    expect(() => store.unseal('secret')).toThrow('not in a known format');
    const other = new FileKeySecretStore(mkdtempSync(path.join(tmpdir(), 'satellite-secrets-')));
    expect(() => other.unseal(store.seal('secret'))).toThrow();
  });
});
