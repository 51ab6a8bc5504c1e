// The Electron main process: a short runner of setupX() modules (PRODUCT.md §2). Everything the app
// does lives in src-main; this shell only wires it to windows, IPC and the OS.
import { app, dialog, session, type BrowserWindow } from 'electron';
import { createAppService } from '../src-main/app/app-service';
import { readPreconfiguredSite } from '../src-main/app/preconfigured-site';
import { registerAppScheme, setupAppProtocol } from './app-protocol';
import { createPreferredTransport } from './http-transport';
import { setupIpc } from './ipc';
import { setupLifecycle } from './lifecycle';
import { catchUncaughtErrors, setupLogging } from './logging';
import { findSiteProfile } from './packaged-site-profile';
import { dataDirFrom, shellPaths } from './paths';
import { setupPowerSaveBlocker } from './power-save';
import { createSecretStore } from './safe-storage';
import { setupSecurity } from './security';
import { claimSingleInstance } from './single-instance';
import { createMainWindow, focusWindow } from './window';

const paths = shellPaths(import.meta.url);
const dataDir = dataDirFrom(process.argv, process.env, app.getPath('appData'));
const log = setupLogging(dataDir);
catchUncaughtErrors();
let mainWindow: BrowserWindow | null = null;

async function start(): Promise<void> {
  setupSecurity(app, session.defaultSession);
  setupAppProtocol(paths.rendererDir);

  let useNodeHttpClient = true;
  const service = await createAppService({
    dataDir,
    mode: 'electron',
    secrets: createSecretStore(dataDir, log),
    transport: createPreferredTransport(() => useNodeHttpClient),
    siteProfile: findSiteProfile(process.resourcesPath, process.env),
    preconfigure: readPreconfiguredSite(process.env),
  });
  useNodeHttpClient = (await service.getPreferences()).useNodeHttpClient;
  service.on('preferencesChanged', (preferences) => {
    useNodeHttpClient = preferences.useNodeHttpClient;
  });

  const openWindow = (): void => {
    mainWindow = createMainWindow(paths.preload, (error) => log.error('The window could not load', error));
    mainWindow.on('closed', () => (mainWindow = null));
  };
  const removeIpc = setupIpc(service, () => mainWindow);
  const releasePowerSave = setupPowerSaveBlocker(service);
  setupLifecycle(
    app,
    {
      hasWindow: () => mainWindow !== null,
      openWindow,
      shutdown: async () => {
        removeIpc();
        releasePowerSave();
        await service.close();
      },
    },
    log,
  );
  openWindow();
  await service.startAutomaticSync();
  log.info(`Satellite Sync ${app.getVersion()} started; data in ${dataDir}`);
}

registerAppScheme();
// Before the lock: the lock is per data directory, so a test instance with its own --data-dir runs.
app.setPath('userData', dataDir);
if (!claimSingleInstance(app, () => focusWindow(mainWindow))) {
  app.quit();
} else {
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log.error('Satellite Sync could not start', error);
      dialog.showErrorBox(
        'Satellite Sync could not start',
        error instanceof Error ? error.message : String(error),
      );
      app.exit(1);
    });
}
