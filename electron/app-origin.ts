// The app's own origin, `app://satellite-sync`: what the page is served from, and so the only
// origin that may navigate, open links externally or call main over IPC.
export const APP_SCHEME = 'app';
export const APP_HOST = 'satellite-sync';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Node's URL gives custom schemes an opaque origin, so compare scheme and host instead. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
