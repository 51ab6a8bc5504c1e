// Secrets at rest. The Electron shell plugs in safeStorage; under Node (CLI, browser mode, tests)
// a key file in the data directory stands in, and says so: it only protects against casual reading.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface SecretStore {
  /** How secrets are protected, for diagnostics and the log. */
  readonly description: string;
  seal(plain: string): string;
  unseal(sealed: string): string;
}

const KEY_FILE = 'secret.key';

/** AES-256-GCM with a random key kept beside the database (file mode 0600). */
export class FileKeySecretStore implements SecretStore {
  readonly description =
    'file-key fallback (no OS keychain available): secrets are encrypted with a key file';
  private readonly key: Buffer;

  constructor(dataDir: string) {
    const keyPath = path.join(dataDir, KEY_FILE);
    if (!existsSync(keyPath))
      writeFileSync(keyPath, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    this.key = Buffer.from(readFileSync(keyPath, 'utf8'), 'base64');
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [
      'v1',
      iv.toString('base64'),
      cipher.getAuthTag().toString('base64'),
      body.toString('base64'),
    ].join(':');
  }

  unseal(sealed: string): string {
    const [version, iv, tag, body] = sealed.split(':');
    if (version !== 'v1' || !iv || !tag || !body) throw new Error('Sealed secret is not in a known format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  }
}
