// The IPC boundary on main's side: exactly the contract's operations are handled (an allow-list,
// nothing else), each only for our own page, each argument validated by dispatch(); the service's
// events are forwarded to the window.
import { ipcMain, type BrowserWindow } from 'electron';
import type { AppService } from '../src-main/app/app-service';
import { dispatch } from '../src-main/app/dispatch';
import {
  EVENTS,
  OPERATION_NAMES,
  channelOf,
  type EventName,
  type Outcome,
} from '../src-main/contract/operations';
import { isTrustedSender } from './security/ipc-sender';

const FOREIGN_SENDER: Outcome<never> = {
  ok: false,
  error: {
    code: 'FORBIDDEN_SENDER',
    message: 'Only the Satellite Sync window may ask for this',
    hint: 'Restart the application.',
  },
};

const EVENT_NAMES = Object.keys(EVENTS) as EventName[];

/** Registers the handlers and event forwarding; returns the function that removes them. */
export function setupIpc(service: AppService, window: () => BrowserWindow | null): () => void {
  for (const name of OPERATION_NAMES) {
    ipcMain.handle(channelOf(name), (event, rawInput: unknown) =>
      isTrustedSender(event) ? dispatch(service, name, rawInput) : FOREIGN_SENDER,
    );
  }
  const unsubscribes = EVENT_NAMES.map((name) =>
    service.on(name, (payload) => {
      const target = window();
      if (target && !target.isDestroyed()) target.webContents.send(EVENTS[name], payload);
    }),
  );
  return () => {
    for (const name of OPERATION_NAMES) ipcMain.removeHandler(channelOf(name));
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}
