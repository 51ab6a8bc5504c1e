import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../electron/security/ipc-sender';

const from = (url: string | null) => ({ senderFrame: url === null ? null : ({ url } as never) });

describe('the IPC sender check', () => {
  it('accepts our own page', () => {
    expect(isTrustedSender(from('app://satellite-sync/index.html'))).toBe(true);
    expect(isTrustedSender(from('app://satellite-sync/index.html#/preferences'))).toBe(true);
  });

  it('rejects foreign frames and frames that are gone', () => {
    for (const url of [
      'https://evil.example/',
      'http://127.0.0.1:5173/',
      'file:///tmp/index.html',
      'app://other/index.html',
      'about:blank',
      'devtools://devtools/bundled/inspector.html',
      '',
    ]) {
      expect(isTrustedSender(from(url)), url).toBe(false);
    }
    expect(isTrustedSender(from(null))).toBe(false);
  });
});
