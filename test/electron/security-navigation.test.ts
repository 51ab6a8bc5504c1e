import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebContents, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { denyNavigation } = await import('../../electron/security/navigation');

function navigate(contents: FakeWebContents, event: string, url: string): boolean {
  const details = { url, preventDefault: vi.fn() };
  contents.emit(event, details, url);
  return details.preventDefault.mock.calls.length === 0;
}

describe('navigation', () => {
  beforeEach(resetFakeElectron);

  it('is refused for any page that is not the app', () => {
    const contents = new FakeWebContents();
    denyNavigation(contents as never);
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      for (const url of [
        'https://example.com/',
        'http://127.0.0.1:2048/sync/v5/site',
        'file:///etc/passwd',
        'app://elsewhere/index.html',
        'javascript:alert(1)',
      ]) {
        expect(navigate(contents, event, url), `${event} ${url}`).toBe(false);
      }
    }
  });

  it('stays allowed within the app itself', () => {
    const contents = new FakeWebContents();
    denyNavigation(contents as never);
    expect(navigate(contents, 'will-navigate', 'app://satellite-sync/index.html')).toBe(true);
  });
});
