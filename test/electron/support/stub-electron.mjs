// The Electron API as a plain module, for booting the *built* main.js under Node (bundle.test.ts):
// enough of it to start, recording what main asks for. Resolved in place of 'electron' by
// electron-loader.mjs.
import { EventEmitter } from 'node:events';

const record = {
  schemes: [],
  protocolHandlers: {},
  handlers: new Map(),
  windows: [],
  permissionHandlers: 0,
  errorBoxes: [],
  quits: 0,
  lockRequestedAfterSetPath: null,
  userData: null,
};
globalThis.__electronStub = record;

class WebContents extends EventEmitter {
  url = '';
  sent = [];
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  send(channel) {
    this.sent.push(channel);
  }
  getURL() {
    return this.url;
  }
  isDestroyed() {
    return false;
  }
}

export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new WebContents();
    record.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  async loadURL(url) {
    this.webContents.url = url;
    this.loaded = url;
  }
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  show() {}
  focus() {}
  restore() {}
}

class App extends EventEmitter {
  requestSingleInstanceLock() {
    record.lockRequestedAfterSetPath = record.userData !== null;
    return true;
  }
  whenReady() {
    return Promise.resolve();
  }
  getPath(name) {
    return `/nonexistent/${name}`;
  }
  setPath(name, value) {
    if (name === 'userData') record.userData = value;
  }
  getVersion() {
    return '0.0.0-stub';
  }
  quit() {
    record.quits += 1;
    this.emit('will-quit', { preventDefault() {} });
  }
  exit(code) {
    record.exitCode = code;
  }
}
export const app = new App();

export const ipcMain = {
  handle(channel, handler) {
    if (record.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    record.handlers.set(channel, handler);
  },
  removeHandler(channel) {
    record.handlers.delete(channel);
  },
};
export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    record.schemes.push(...schemes);
  },
  handle(scheme, handler) {
    record.protocolHandlers[scheme] = handler;
  },
};
export const session = {
  defaultSession: {
    setPermissionRequestHandler() {
      record.permissionHandlers += 1;
    },
    setPermissionCheckHandler() {
      record.permissionHandlers += 1;
    },
  },
};
export const shell = { openExternal: async () => undefined };
export const dialog = {
  showErrorBox(title, message) {
    record.errorBoxes.push(`${title}: ${message}`);
  },
};
export const powerSaveBlocker = { start: () => 1, stop() {}, isStarted: () => false };
// No keychain here: the shell must fall back to the file-key store.
export const safeStorage = {
  isEncryptionAvailable: () => false,
  getSelectedStorageBackend: () => 'basic_text',
  encryptString() {
    throw new Error('unavailable');
  },
  decryptString() {
    throw new Error('unavailable');
  },
};
export const net = { fetch: (input, init) => globalThis.fetch(input, init) };
export const contextBridge = {};
export const ipcRenderer = {};
export default {
  app,
  BrowserWindow,
  ipcMain,
  protocol,
  session,
  shell,
  dialog,
  powerSaveBlocker,
  safeStorage,
  net,
};
