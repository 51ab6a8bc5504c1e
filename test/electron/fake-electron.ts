// A hand-written stand-in for the Electron API (the Fiddle pattern): the only thing the shell's
// unit tests replace. Each test file mocks 'electron' with this module and calls resetFakeElectron().
// The fake lives on globalThis, so a test that re-imports modules (vi.resetModules) still shares it.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

class FakeWebContentsImpl extends EventEmitter {
  url = 'app://satellite-sync/index.html';
  windowOpenHandler: WindowOpenHandler | null = null;
  send = vi.fn();
  getURL(): string {
    return this.url;
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return false;
  }
}

class BrowserWindowImpl extends EventEmitter {
  static instances: BrowserWindowImpl[] = [];
  /** When set, loadURL rejects with it (a renderer that is missing or broken). */
  static loadFailure: Error | null = null;
  readonly webContents = new FakeWebContentsImpl();
  minimized = false;
  destroyed = false;
  loadURL = vi.fn(async (_url: string) => {
    if (BrowserWindowImpl.loadFailure) throw BrowserWindowImpl.loadFailure;
  });
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn(() => {
    this.minimized = false;
  });
  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindowImpl.instances.push(this);
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

class FakeApp extends EventEmitter {
  hasLock = true;
  requestSingleInstanceLock = vi.fn(() => this.hasLock);
  quit = vi.fn();
  exit = vi.fn();
  whenReady = vi.fn(async () => undefined);
  getPath = vi.fn((_name: string) => '/nonexistent/app-data');
  setPath = vi.fn();
  getVersion = vi.fn(() => '0.0.0-test');
}
function createFake() {
  const app = new FakeApp();

  type Handler = (event: unknown, ...args: unknown[]) => unknown;
  const ipcMain = {
    handlers: new Map<string, Handler>(),
    handle: vi.fn((channel: string, handler: Handler) => {
      // Electron refuses a second handler for a channel; so does the fake.
      if (ipcMain.handlers.has(channel))
        throw new Error(`Attempted to register a second handler for '${channel}'`);
      ipcMain.handlers.set(channel, handler);
    }),
    removeHandler: vi.fn((channel: string) => {
      ipcMain.handlers.delete(channel);
    }),
  };

  class FakeIpcRenderer extends EventEmitter {
    invoke = vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } }));
  }
  const ipcRenderer = new FakeIpcRenderer();

  const contextBridge = {
    exposed: new Map<string, unknown>(),
    exposeInMainWorld: vi.fn((key: string, api: unknown) => {
      contextBridge.exposed.set(key, api);
    }),
  };

  const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
  const shell = { openExternal: vi.fn(async (_url: string) => undefined) };
  const dialog = { showErrorBox: vi.fn() };

  const powerSaveBlocker = {
    active: new Map<number, string>(),
    nextId: 1,
    start: vi.fn((type: string) => {
      const id = powerSaveBlocker.nextId++;
      powerSaveBlocker.active.set(id, type);
      return id;
    }),
    stop: vi.fn((id: number) => powerSaveBlocker.active.delete(id)),
    isStarted: vi.fn((id: number) => powerSaveBlocker.active.has(id)),
  };

  /** "Encryption" that is visibly not the plain text and round-trips: XOR with a key byte, tagged. */
  const xor = (bytes: Buffer): Buffer => Buffer.from(bytes.map((byte) => byte ^ 0x5a));
  const safeStorage = {
    available: true,
    backend: 'gnome_libsecret' as string,
    isEncryptionAvailable: vi.fn(() => safeStorage.available),
    getSelectedStorageBackend: vi.fn(() => safeStorage.backend),
    encryptString: vi.fn((plain: string) =>
      Buffer.concat([Buffer.from('FAKE'), xor(Buffer.from(plain, 'utf8'))]),
    ),
    decryptString: vi.fn((sealed: Buffer) => {
      if (sealed.subarray(0, 4).toString() !== 'FAKE')
        throw new Error('Error while decrypting the ciphertext');
      return xor(sealed.subarray(4)).toString('utf8');
    }),
  };

  const session = {
    defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() },
  };

  /** Chromium's fetch stands in as Node's: same API, and requests really go out. */
  const net = {
    fetch: vi.fn((input: string | Request, init?: RequestInit) => globalThis.fetch(input, init)),
  };
  return {
    BrowserWindow: BrowserWindowImpl,
    FakeWebContents: FakeWebContentsImpl,
    app,
    ipcMain,
    ipcRenderer,
    contextBridge,
    protocol,
    shell,
    dialog,
    powerSaveBlocker,
    safeStorage,
    session,
    net,
  };
}

type Fake = ReturnType<typeof createFake>;
const holder = globalThis as { __satelliteSyncFakeElectron?: Fake };
const fake = (holder.__satelliteSyncFakeElectron ??= createFake());

export const {
  BrowserWindow,
  FakeWebContents,
  app,
  ipcMain,
  ipcRenderer,
  contextBridge,
  protocol,
  shell,
  dialog,
  powerSaveBlocker,
  safeStorage,
  session,
  net,
} = fake;
export type BrowserWindow = BrowserWindowImpl;
export type FakeWebContents = FakeWebContentsImpl;

export function resetFakeElectron(): void {
  vi.clearAllMocks();
  BrowserWindow.instances = [];
  BrowserWindow.loadFailure = null;
  app.removeAllListeners();
  app.hasLock = true;
  ipcMain.handlers.clear();
  ipcRenderer.removeAllListeners();
  contextBridge.exposed.clear();
  powerSaveBlocker.active.clear();
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
}
