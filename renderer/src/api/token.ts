// The browser-mode token: taken from `?token=` on first load, then kept in sessionStorage and removed
// from the address bar so it is not bookmarked, shared or left in the history.
export const TOKEN_STORAGE_KEY = 'satellite-sync-token';

export function takeTokenFromLocation(win: Window = window): string | null {
  const url = new URL(win.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    win.sessionStorage.setItem(TOKEN_STORAGE_KEY, fromUrl);
    url.searchParams.delete('token');
    win.history.replaceState(win.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return win.sessionStorage.getItem(TOKEN_STORAGE_KEY);
}
