// `npm run demo [-- --browser]`: the reference central with demo data, in-process, and the app
// pre-configured for satellite-1 (authorisation code `demo-code`): the Electron window when an
// Electron binary is installed, else browser mode in this process with its URL printed.
//
// Environment: SATELLITE_SYNC_DEMO_DIR (default .data/demo: the app's data in app/, the central's
// in central/), SATELLITE_SYNC_DEMO_PORT (the central's port, default 2048),
// SATELLITE_SYNC_DEMO_BROWSER_PORT (browser mode's port, default: any free one),
// ELECTRON_OVERRIDE_DIST_PATH (an Electron build to use instead of node_modules/electron's).
// Electron is started with --data-dir=<app dir> (and SATELLITE_SYNC_DATA_DIR, the same) and the
// SATELLITE_SYNC_DEMO_* variables of src-main/app/preconfigured-site.ts, which the shell reads with
// readPreconfiguredSite and hands to createAppService.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppService } from '../src-main/app/app-service';
import { startBrowserServer } from '../src-main/app/browser-server';
import { preconfiguredSiteEnv, type PreconfiguredSite } from '../src-main/app/preconfigured-site';
import { openCentralDatabase, seedDemo } from '../reference-central/bootstrap';
import { DEMO_SITES } from '../reference-central/demo-data';
import { startCentralServer } from '../reference-central/server';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEMO_DIR = path.resolve(process.env.SATELLITE_SYNC_DEMO_DIR ?? path.join(REPO_ROOT, '.data', 'demo'));
const APP_DIR = path.join(DEMO_DIR, 'app');
const CENTRAL_DIR = path.join(DEMO_DIR, 'central');
const CENTRAL_PORT = Number(process.env.SATELLITE_SYNC_DEMO_PORT ?? 2048);
const BROWSER_PORT = Number(process.env.SATELLITE_SYNC_DEMO_BROWSER_PORT ?? 0);
const RENDERER_INDEX = path.join(REPO_ROOT, 'dist', 'renderer', 'index.html');
const ELECTRON_MAIN = path.join(REPO_ROOT, 'dist', 'electron', 'main.js');
const AUTHORISATION_CODE = 'demo-code';

const say = (line: string): void => void process.stdout.write(`${line}\n`);

/**
 * The Electron executable, found the way the `electron` package finds it but without its
 * fall-back download (which cannot work offline and would stall the demo).
 */
function electronBinary(): { path: string } | { missing: string } {
  const packageDir = path.join(REPO_ROOT, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = path.join(override, executable ?? 'electron');
    return existsSync(candidate)
      ? { path: candidate }
      : { missing: `ELECTRON_OVERRIDE_DIST_PATH is set but ${candidate} does not exist` };
  }
  if (!executable) {
    return {
      missing:
        "the electron package has no binary (its install step downloads one from Electron's release site, which this machine cannot reach)",
    };
  }
  const candidate = path.join(packageDir, 'dist', executable);
  return existsSync(candidate) ? { path: candidate } : { missing: `${candidate} does not exist` };
}

function hasScript(name: string): boolean {
  const scripts = (
    JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      scripts?: Record<string, string>;
    }
  ).scripts;
  return scripts?.[name] !== undefined;
}

/** Runs `npm run <script>` unless `output` exists; false when it could not be built. */
function ensureBuilt(script: string, output: string): boolean {
  if (existsSync(output)) return true;
  if (!hasScript(script)) {
    say(`(${path.relative(REPO_ROOT, output)} is missing and package.json has no "${script}" script)`);
    return false;
  }
  say(`Building: npm run ${script}`);
  const built = spawnSync('npm', ['run', script], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return built.status === 0 && existsSync(output);
}

// --- the reference central, in this process
const centralDb = await openCentralDatabase(CENTRAL_DIR);
await seedDemo(centralDb);
const central = await startCentralServer({
  db: centralDb,
  port: CENTRAL_PORT,
  adminToken: 'demo-admin-token',
});
say(`Reference central (demo data in ${CENTRAL_DIR})`);
say(`  mSupply central (v5):       ${central.legacyUrl}/sync/v5/`);
say(`  Open mSupply central (v6):  ${central.omsUrl}/central/sync/`);
for (const site of DEMO_SITES) {
  say(`  site ${site.name} / password ${site.password} / sync ID ${site.siteId} / store ${site.store.name}`);
}

const demoSite = DEMO_SITES[0];
if (!demoSite) throw new Error('the reference central has no demo site');
const preconfigure: PreconfiguredSite = {
  url: central.legacyUrl,
  siteName: demoSite.name,
  password: demoSite.password,
  syncId: demoSite.siteId,
  authorisationCode: AUTHORISATION_CODE,
};
say(`The app (data in ${APP_DIR}) syncs as ${demoSite.name}; authorisation code: ${AUTHORISATION_CODE}`);

let stopApp: () => Promise<void> = async () => undefined;
let stopping = false;
async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await stopApp();
    await central.close();
    await centralDb.close();
  }
  process.exit(code);
}
process.once('SIGINT', () => void stop(0));
process.once('SIGTERM', () => void stop(0));

const electron = process.argv.includes('--browser') ? { missing: '--browser was given' } : electronBinary();
let launched = false;
if ('path' in electron) {
  if (ensureBuilt('build:renderer', RENDERER_INDEX) && ensureBuilt('build:electron', ELECTRON_MAIN)) {
    // Chromium refuses to run as root without its sandbox switched off.
    const args = [ELECTRON_MAIN, `--data-dir=${APP_DIR}`];
    if (process.getuid?.() === 0) args.push('--no-sandbox');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      SATELLITE_SYNC_DATA_DIR: APP_DIR,
      ...preconfiguredSiteEnv(preconfigure),
    };
    delete env.ELECTRON_RUN_AS_NODE;
    const child = spawn(electron.path, args, { cwd: REPO_ROOT, env, stdio: 'inherit' });
    stopApp = async () => void child.kill('SIGTERM');
    child.once('exit', (code) => void stop(code ?? 0));
    launched = true;
    say('Started the Electron app; close its window or press Ctrl+C to stop.');
  } else {
    say('The Electron app could not be built; starting browser mode instead.');
  }
} else {
  say(`No Electron window: ${electron.missing}. Starting browser mode instead.`);
}

if (!launched) {
  if (!ensureBuilt('build:renderer', RENDERER_INDEX)) {
    say('The page will say how to build the renderer.');
  }
  const server = await startBrowserServer({
    port: BROWSER_PORT,
    rendererDir: path.dirname(RENDERER_INDEX),
    openService: (origin) =>
      createAppService({ dataDir: APP_DIR, mode: 'browser', serverUrl: origin, preconfigure }),
  });
  await server.service.startAutomaticSync();
  stopApp = () => server.close();
  say('');
  say(`Satellite Sync (browser mode): ${server.url}`);
  say('Open that URL in a browser on this machine. Press Ctrl+C to stop.');
}
