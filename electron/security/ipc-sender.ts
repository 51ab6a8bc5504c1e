// Main answers IPC only from our own page: the frame that sent the message must be showing an
// app:// URL (not a page that somehow got loaded, and not a frame that has gone away).
import type { IpcMainInvokeEvent } from 'electron';
import { isAppUrl } from '../app-origin';

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return frame !== null && isAppUrl(frame.url);
}
