// Where the shell finds its parts and keeps its data. Once bundled, main.js and preload.js sit in
// dist/electron and the renderer in dist/renderer, inside app.asar when packaged.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PRODUCT_NAME = 'Satellite Sync';

export interface ShellPaths {
  preload: string;
  rendererDir: string;
}

/** `mainModuleUrl` is main.js's `import.meta.url`. */
export function shellPaths(mainModuleUrl: string): ShellPaths {
  const here = path.dirname(fileURLToPath(mainModuleUrl));
  return { preload: path.join(here, 'preload.js'), rendererDir: path.join(here, '..', 'renderer') };
}

export const DATA_DIR_ENV = 'SATELLITE_SYNC_DATA_DIR';

/**
 * `--data-dir=<dir>` (as for the CLI and browser mode), else SATELLITE_SYNC_DATA_DIR (how
 * `npm run demo` starts the app), else `<appData>/Satellite Sync`: the same folder in development
 * and once installed, whatever the package's name.
 */
export function dataDirFrom(argv: readonly string[], env: NodeJS.ProcessEnv, appDataDir: string): string {
  const flagAt = argv.findIndex((arg) => arg === '--data-dir' || arg.startsWith('--data-dir='));
  const flag = argv[flagAt];
  const chosen = flag?.startsWith('--data-dir=') ? flag.slice('--data-dir='.length) : argv[flagAt + 1];
  const dir = (flagAt >= 0 ? chosen : undefined) || env[DATA_DIR_ENV];
  return dir ? path.resolve(dir) : path.join(appDataDir, PRODUCT_NAME);
}
