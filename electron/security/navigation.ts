// The window never leaves the app: a link or script that tries to load another page is stopped
// (in-app routes are history/hash changes, which do not count as navigation).
import type { WebContents } from 'electron';
import { isAppUrl } from '../app-origin';

export function denyNavigation(contents: WebContents): void {
  const refuseForeign = (event: { url: string; preventDefault(): void }): void => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', refuseForeign);
  contents.on('will-frame-navigate', refuseForeign);
  contents.on('will-redirect', refuseForeign);
}
