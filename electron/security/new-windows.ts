// No page may open a window. A link to an http(s) page, clicked in our own app, opens in the
// user's browser instead; every other scheme (file:, smb:, custom handlers …) is dropped, because
// shell.openExternal would hand it to whatever the OS associates with it.
import { shell, type WebContents } from 'electron';
import { isAppUrl } from '../app-origin';

export function isSafeExternalUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

export function denyNewWindows(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isAppUrl(contents.getURL()) && isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}
