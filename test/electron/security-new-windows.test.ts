import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebContents, resetFakeElectron, shell } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { denyNewWindows, isSafeExternalUrl } = await import('../../electron/security/new-windows');

function openWindow(contents: FakeWebContents, url: string): string | undefined {
  return contents.windowOpenHandler?.({ url }).action;
}

describe('new windows', () => {
  beforeEach(resetFakeElectron);

  it('are always denied', () => {
    const contents = new FakeWebContents();
    denyNewWindows(contents as never);
    for (const url of [
      'https://msupply.org/',
      'app://satellite-sync/index.html',
      'about:blank',
      'file:///x',
    ]) {
      expect(openWindow(contents, url), url).toBe('deny');
    }
  });

  it('open http(s) links from the app in the user’s browser instead', () => {
    const contents = new FakeWebContents();
    denyNewWindows(contents as never);
    openWindow(contents, 'https://docs.msupply.org/sync');
    openWindow(contents, 'http://central.example:2048/');
    expect(shell.openExternal.mock.calls).toEqual([
      ['https://docs.msupply.org/sync'],
      ['http://central.example:2048/'],
    ]);
  });

  it('never hand any other scheme to the OS', () => {
    const contents = new FakeWebContents();
    denyNewWindows(contents as never);
    for (const url of [
      'file:///etc/passwd',
      'smb://server/share',
      'javascript:alert(1)',
      'ms-msdt:/id',
      'not a url',
    ]) {
      openWindow(contents, url);
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
    expect(isSafeExternalUrl('https://x.test')).toBe(true);
    expect(isSafeExternalUrl('HTTPS://X.TEST')).toBe(true);
    expect(isSafeExternalUrl('mailto:a@b.c')).toBe(false);
  });

  it('open nothing for a page that is not the app', () => {
    const contents = new FakeWebContents();
    contents.url = 'https://evil.example/';
    denyNewWindows(contents as never);
    expect(openWindow(contents, 'https://evil.example/phish')).toBe('deny');
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});
