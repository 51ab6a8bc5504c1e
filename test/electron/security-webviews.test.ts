import { describe, expect, it, vi } from 'vitest';
import { FakeWebContents } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { denyWebviews } = await import('../../electron/security/webviews');

describe('<webview>', () => {
  it('is never attached', () => {
    const contents = new FakeWebContents();
    denyWebviews(contents as never);
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });
});
