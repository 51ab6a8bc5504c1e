// A private build of the shell and the renderer for the tests that run them, inside the project (so
// main.js finds typeorm and sqlite3 in node_modules) but apart from dist/, which the packaging test
// rebuilds in parallel.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { buildElectron } from '../../../electron/build';

export const PROJECT_DIR = path.resolve(import.meta.dirname, '../../..');

export interface BuiltApp {
  main: string;
  preload: string;
  rendererDir: string;
  /** Deletes this build. */
  remove(): void;
}

export async function buildApp({ renderer = true } = {}): Promise<BuiltApp> {
  mkdirSync(path.join(PROJECT_DIR, 'test-results'), { recursive: true });
  const root = mkdtempSync(path.join(PROJECT_DIR, 'test-results', 'app-build-'));
  const dist = path.join(root, 'dist');
  await buildElectron(path.join(dist, 'electron'));
  if (renderer) {
    await build({
      configFile: path.join(PROJECT_DIR, 'renderer', 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: path.join(dist, 'renderer'), emptyOutDir: true },
    });
  }
  return {
    main: path.join(dist, 'electron', 'main.js'),
    preload: path.join(dist, 'electron', 'preload.js'),
    rendererDir: path.join(dist, 'renderer'),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
