// Boots a built main.js under Node with the Electron stub, drives it a little, and prints a JSON
// report on stdout: node --import <register> boot-main.mjs <main.js> <data dir>.
import { setTimeout as sleep } from 'node:timers/promises';

const [mainPath, dataDir] = process.argv.slice(2);
process.argv.push(`--data-dir=${dataDir}`);
Object.defineProperty(process, 'resourcesPath', { value: dataDir });

const { default: electron } = await import('electron');
const record = globalThis.__electronStub;
await import(mainPath);

for (let waited = 0; record.windows.length === 0 || record.handlers.size === 0; waited += 50) {
  if (record.errorBoxes.length > 0 || waited > 20_000) break;
  await sleep(50);
}
const ours = { senderFrame: { url: 'app://satellite-sync/index.html' } };
const foreign = { senderFrame: { url: 'https://evil.example/' } };
const report = {
  errorBoxes: record.errorBoxes,
  userData: record.userData,
  lockRequestedAfterSetPath: record.lockRequestedAfterSetPath,
  schemes: record.schemes,
  permissionHandlers: record.permissionHandlers,
  channels: [...record.handlers.keys()].sort(),
  windows: record.windows.map((window) => ({
    webPreferences: window.options.webPreferences,
    loaded: window.loaded,
  })),
};
const getStatus = record.handlers.get('satellite-sync:getStatus');
if (getStatus) {
  report.status = await getStatus(ours, undefined);
  report.foreign = await getStatus(foreign, undefined);
  report.appInfo = await record.handlers.get('satellite-sync:getAppInfo')(ours, {});
}
const serve = record.protocolHandlers.app;
if (serve) {
  const page = await serve({ url: 'app://satellite-sync/index.html' });
  report.page = {
    status: page.status,
    csp: page.headers.get('content-security-policy'),
    text: await page.text(),
  };
}
const opened = record.windows[0]?.webContents.windowOpenHandler?.({ url: 'https://example.org/' });
report.windowOpen = opened ?? null;
// Quit: the shell closes the service, then quits for real.
electron.app.quit();
for (let waited = 0; record.quits < 2 && waited < 10_000; waited += 50) await sleep(50);
report.quits = record.quits;
report.handlersAfterQuit = record.handlers.size;
process.stdout.write(`${JSON.stringify(report)}\n`);
process.exit(0);
