// <webview> could embed a page with its own, weaker preferences; the app never uses one.
import type { WebContents } from 'electron';

export function denyWebviews(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
