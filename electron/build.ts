// `npm run build:electron`: bundles the shell into dist/electron with Vite (SSR mode: Node
// resolution, Node built-ins left alone).
// - main.js, ESM: everything bundled except electron and the two packages that must stay real
//   node_modules: typeorm (loads its driver by name) and sqlite3 (a native module).
// - preload.js, CommonJS: a sandboxed preload can require nothing but `electron`, so the contract
//   (and zod) are bundled in.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type InlineConfig } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ELECTRON_OUT_DIR = path.join(root, 'dist', 'electron');
export const MAIN_EXTERNALS = ['electron', 'sqlite3', 'typeorm'];

function bundle(
  entry: string,
  format: 'es' | 'cjs',
  fileName: string,
  external: string[],
  outDir: string,
): InlineConfig {
  return {
    configFile: false,
    root,
    logLevel: 'warn',
    ssr: { target: 'node', noExternal: true, external },
    build: {
      ssr: path.join(root, entry),
      outDir,
      emptyOutDir: false,
      target: 'node22',
      minify: false,
      sourcemap: true,
      rolldownOptions: { external, output: { format, entryFileNames: fileName } },
    },
  };
}

/** Into dist/electron, or `outDir` (tests build their own copy). */
export async function buildElectron(outDir: string = ELECTRON_OUT_DIR): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  await build(bundle('electron/main.ts', 'es', 'main.js', MAIN_EXTERNALS, outDir));
  await build(bundle('electron/preload.ts', 'cjs', 'preload.js', ['electron'], outDir));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildElectron();
  console.log(`Electron shell built into ${path.relative(process.cwd(), ELECTRON_OUT_DIR)}/`);
}
