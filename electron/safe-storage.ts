// Secrets at rest through the OS keychain (Electron safeStorage), behind src-main's SecretStore.
// SecretStore is synchronous, so this uses the synchronous safeStorage calls (deprecated in
// Electron 45 in favour of the async ones; the interface has to change before Electron 46).
import { safeStorage } from 'electron';
import { FileKeySecretStore, type SecretStore } from '../src-main/settings/secret-store';
import type { ShellLog } from './logging';

/** Marks what safeStorage sealed, so a secret from the file-key fallback is recognised as such. */
const PREFIX = 'safe-storage:v1:';

export class SafeStorageSecretStore implements SecretStore {
  readonly description: string;

  constructor(
    backend: string | null,
    /** Unseals secrets written while the keychain was unavailable (the file-key fallback). */
    private readonly previous: () => SecretStore,
  ) {
    this.description = `OS keychain (Electron safeStorage${backend ? `, ${backend}` : ''})`;
  }

  seal(plain: string): string {
    return PREFIX + safeStorage.encryptString(plain).toString('base64');
  }

  unseal(sealed: string): string {
    if (!sealed.startsWith(PREFIX)) return this.previous().unseal(sealed);
    return safeStorage.decryptString(Buffer.from(sealed.slice(PREFIX.length), 'base64'));
  }
}

/**
 * The keychain when there is one. On Linux without a keyring safeStorage falls back to a key
 * compiled into Electron ('basic_text'), which protects nothing: the file-key store is used then,
 * as when encryption is unavailable altogether, and the log says so.
 */
export function createSecretStore(dataDir: string, log: ShellLog): SecretStore {
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null;
  const fileKey = (): SecretStore => new FileKeySecretStore(dataDir);
  if (safeStorage.isEncryptionAvailable() && backend !== 'basic_text') {
    return new SafeStorageSecretStore(backend, fileKey);
  }
  const fallback = fileKey();
  const why =
    backend === 'basic_text' ? 'no keyring (safeStorage would use a built-in key)' : 'not available';
  log.warn(`OS keychain ${why}: secrets use the ${fallback.description}`);
  return fallback;
}
