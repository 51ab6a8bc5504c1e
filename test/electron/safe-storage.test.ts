import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FileKeySecretStore } from '../../src-main/settings/secret-store';
import { resetFakeElectron, safeStorage } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { SafeStorageSecretStore, createSecretStore } = await import('../../electron/safe-storage');

const SECRET = '5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8';
let dataDir: string;
const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

describe('secrets at rest in Electron', () => {
  beforeEach(() => {
    resetFakeElectron();
    log.warn.mockClear();
    dataDir = mkdtempSync(path.join(tmpdir(), 'satellite-sync-secrets-'));
  });

  it('seal and unseal through safeStorage, as base64 of its ciphertext', () => {
    const store = createSecretStore(dataDir, log);
    expect(store).toBeInstanceOf(SafeStorageSecretStore);
    const sealed = store.seal(SECRET);
    expect(sealed).not.toContain(SECRET);
    expect(sealed).toMatch(/^safe-storage:v1:[A-Za-z0-9+/]+=*$/);
    expect(safeStorage.encryptString).toHaveBeenCalledWith(SECRET);
    expect(store.unseal(sealed)).toBe(SECRET);
    expect(store.description).toContain('OS keychain');
    expect(log.warn).not.toHaveBeenCalled();
    // No key file is made while the keychain does the work.
    expect(existsSync(path.join(dataDir, 'secret.key'))).toBe(false);
  });

  it('fall back to the file-key store when encryption is unavailable, and say so', () => {
    safeStorage.available = false;
    const store = createSecretStore(dataDir, log);
    expect(store).toBeInstanceOf(FileKeySecretStore);
    expect(store.unseal(store.seal(SECRET))).toBe(SECRET);
    expect(safeStorage.encryptString).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledExactlyOnceWith(expect.stringContaining('file-key fallback'));
  });

  it('do not trust Linux’s built-in-key backend (no keyring)', () => {
    safeStorage.backend = 'basic_text';
    const store = createSecretStore(dataDir, log);
    expect(store).toBeInstanceOf(FileKeySecretStore);
    expect(log.warn).toHaveBeenCalledExactlyOnceWith(expect.stringContaining('no keyring'));
  });

  it('still unseal what the fallback sealed once a keychain appears', () => {
    safeStorage.available = false;
    const sealedBefore = createSecretStore(dataDir, log).seal(SECRET);
    safeStorage.available = true;
    const store = createSecretStore(dataDir, log);
    expect(store.unseal(sealedBefore)).toBe(SECRET);
    expect(store.unseal(store.seal(SECRET))).toBe(SECRET);
  });
});
