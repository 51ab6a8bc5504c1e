// `npm run package:site -- <code> [--electron-dist <dir>] [--skip-build]`: one site's desktop package
// (PRODUCT.md §8). Validates resources/sites/<code>.json, builds the renderer and the Electron shell,
// then runs electron-builder (electron-builder.yml) fully offline: a local Electron distribution
// (`electronDist`), no native rebuild, the profile as the extra resource `site-profile.json`, output
// in dist/<code>/.
// `npm run package:site -- --hash-code` reads an authorisation code on stdin and prints the hash a
// profile carries.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Platform, build as runElectronBuilder } from 'electron-builder';
import { MAIN_EXTERNALS } from '../electron/build';
import { hashAuthorisationCode } from '../src-main/settings/authorisation-code';
import {
  SITES_DIRECTORY,
  SITE_PROFILE_RESOURCE,
  loadSiteProfile,
  type SiteProfile,
} from '../src-main/site-profile';

export interface PackageSiteOptions {
  code: string;
  /** An unpacked Electron (with its `electron` executable), or a folder holding Electron's zip. */
  electronDist: string;
  projectDir?: string;
  /** Where `<code>.json` is; resources/sites by default. */
  sitesDir?: string;
  /** dist/<code> by default. */
  outputDir?: string;
  /** Build the renderer and the shell first (default); off when they are fresh already. */
  build?: boolean;
}

export interface PackagedSite {
  profile: SiteProfile;
  outputDir: string;
  /** The unpacked application (e.g. dist/<code>/linux-unpacked). */
  appDir: string;
  /** Where app.asar and site-profile.json are. */
  resourcesDir: string;
}

export class PackagingError extends Error {
  override name = 'PackagingError';
}

const EXECUTABLE: Partial<Record<NodeJS.Platform, string>> = {
  linux: 'electron',
  win32: 'electron.exe',
  darwin: 'Electron.app',
};

/** Refuses an electronDist electron-builder would only fail on later, with a less clear message. */
function checkElectronDist(electronDist: string): void {
  if (!existsSync(electronDist)) throw new PackagingError(`--electron-dist ${electronDist} does not exist`);
  if (!statSync(electronDist).isDirectory() || electronDist.endsWith('.zip')) return;
  const entries = readdirSync(electronDist);
  const executable = EXECUTABLE[process.platform] ?? 'electron';
  if (!entries.includes(executable) && !entries.some((entry) => /^electron-v.+\.zip$/.test(entry))) {
    throw new PackagingError(
      `--electron-dist ${electronDist} holds neither an unpacked Electron (${executable}) nor Electron's zip`,
    );
  }
}

/** A local Electron: ELECTRON_OVERRIDE_DIST_PATH, or the electron package's binary if it was downloaded. */
export function defaultElectronDist(projectDir: string): string | null {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) return override;
  const downloaded = path.join(projectDir, 'node_modules', 'electron', 'dist');
  return existsSync(downloaded) ? downloaded : null;
}

function run(projectDir: string, script: string): void {
  const scripts = (
    JSON.parse(readFileSync(path.join(projectDir, 'package.json'), 'utf8')) as {
      scripts?: Record<string, string>;
    }
  ).scripts;
  if (!scripts?.[script]) throw new PackagingError(`package.json has no "${script}" script`);
  const result = spawnSync('npm', ['run', script], { cwd: projectDir, stdio: 'inherit' });
  if (result.status !== 0) throw new PackagingError(`npm run ${script} failed (exit ${result.status})`);
}

function packageDirOf(name: string, fromDir: string, projectDir: string): string | null {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === projectDir || dir === path.dirname(dir)) return null;
  }
}

/**
 * Dependencies a package declares but never loads once installed: sqlite3 lists the tools that
 * build its binary; at run time it needs only `bindings` to find it.
 */
const INSTALL_TIME_ONLY: Record<string, readonly string[]> = {
  sqlite3: ['node-gyp', 'prebuild-install', 'tar', 'node-addon-api'],
};

/** The package directories `roots` load at run time: their dependencies, transitively. */
export function runtimeDependencies(projectDir: string, roots: readonly string[]): Set<string> {
  const found = new Set<string>();
  const pending = roots.map((name) => ({ name, from: projectDir }));
  for (let next = pending.pop(); next; next = pending.pop()) {
    const dir = packageDirOf(next.name, next.from, projectDir);
    if (!dir || found.has(dir)) continue;
    found.add(dir);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    const skipped = INSTALL_TIME_ONLY[next.name] ?? [];
    for (const name of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
      if (!skipped.includes(name)) pending.push({ name, from: dir });
    }
  }
  return found;
}

/**
 * electron-builder copies the production dependencies (and, resolving by name, a few more), but
 * main.js bundles everything except typeorm and sqlite3 (electron is the runtime itself): the
 * renderer's Vue stack, the CLI's tsx and the rest would be dead weight in app.asar. Returns `files`
 * patterns that leave out every installed package main.js does not load. By name: electron-builder
 * lays node_modules out afresh, so a package nested here may sit at the top there.
 */
export function nodeModulesExclusions(projectDir: string): string[] {
  const needed = new Set(
    [
      ...runtimeDependencies(
        projectDir,
        MAIN_EXTERNALS.filter((name) => name !== 'electron'),
      ),
    ].map(
      (dir) => (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name: string }).name,
    ),
  );
  const topLevel = path.join(projectDir, 'node_modules');
  const installed = readdirSync(topLevel)
    .filter((entry) => !entry.startsWith('.'))
    .flatMap((entry) =>
      entry.startsWith('@')
        ? readdirSync(path.join(topLevel, entry)).map((name) => `${entry}/${name}`)
        : [entry],
    );
  return installed.filter((name) => !needed.has(name)).map((name) => `!node_modules/${name}\${/*}`);
}

function unpackedApp(outputDir: string): { appDir: string; resourcesDir: string } {
  const dir = readdirSync(outputDir).find((entry) => entry.endsWith('-unpacked') || /^mac/.test(entry));
  if (!dir) throw new PackagingError(`electron-builder left no unpacked app in ${outputDir}`);
  const appDir = path.join(outputDir, dir);
  const resourcesDir = dir.startsWith('mac')
    ? path.join(appDir, 'Satellite Sync.app', 'Contents', 'Resources')
    : path.join(appDir, 'resources');
  return { appDir, resourcesDir };
}

export async function packageSite(options: PackageSiteOptions): Promise<PackagedSite> {
  const projectDir = path.resolve(options.projectDir ?? process.cwd());
  const profileFile = path.resolve(
    options.sitesDir ?? path.join(projectDir, SITES_DIRECTORY),
    `${options.code}.json`,
  );
  // First, before any work: a profile that would mis-configure a site is refused with its reasons.
  const profile = loadSiteProfile(profileFile, options.code);
  const electronDist = path.resolve(options.electronDist);
  checkElectronDist(electronDist);
  if (options.build !== false) {
    run(projectDir, 'build:renderer');
    run(projectDir, 'build:electron');
  }
  for (const built of ['dist/electron/main.js', 'dist/electron/preload.js', 'dist/renderer/index.html']) {
    if (!existsSync(path.join(projectDir, built)))
      throw new PackagingError(`${built} is missing: build first`);
  }
  const outputDir = path.resolve(projectDir, options.outputDir ?? path.join('dist', profile.code));
  const previousEnv = { SITE_CODE: process.env.SITE_CODE, SITE_PROFILE_FILE: process.env.SITE_PROFILE_FILE };
  process.env.SITE_CODE = profile.code;
  // electron-builder reads extraResources `from` relative to the project, even when absolute.
  process.env.SITE_PROFILE_FILE = path.relative(projectDir, profileFile);
  try {
    await runElectronBuilder({
      projectDir,
      targets: Platform.current().createTarget('dir'),
      publish: 'never',
      config: {
        electronDist,
        npmRebuild: false,
        directories: { output: outputDir },
        files: nodeModulesExclusions(projectDir),
      },
    });
  } finally {
    for (const [name, value] of Object.entries(previousEnv)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  const { appDir, resourcesDir } = unpackedApp(outputDir);
  // electron-builder only warns about a missing extra resource: a site package without its profile
  // would start unconfigured, so check it arrived.
  const baked = path.join(resourcesDir, SITE_PROFILE_RESOURCE);
  if (!existsSync(baked) || !readFileSync(baked).equals(readFileSync(profileFile))) {
    throw new PackagingError(`The site profile did not reach the package (${baked})`);
  }
  return { profile, outputDir, appDir, resourcesDir };
}

const USAGE = 'Usage: npm run package:site -- <site code> [--electron-dist <dir>] [--skip-build]';

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--hash-code')) {
    const code = readFileSync(0, 'utf8').split('\n')[0]?.trim() ?? '';
    if (code.length < 4)
      throw new PackagingError('Give the authorisation code (4 characters or more) on stdin');
    console.log(await hashAuthorisationCode(code));
    return;
  }
  const projectDir = process.cwd();
  const code = argv.find((arg, index) => !arg.startsWith('--') && argv[index - 1] !== '--electron-dist');
  if (!code) throw new PackagingError(USAGE);
  const distFlag = argv.indexOf('--electron-dist');
  const electronDist = distFlag >= 0 ? argv[distFlag + 1] : defaultElectronDist(projectDir);
  if (!electronDist) {
    throw new PackagingError(
      'No Electron distribution here (the electron package downloads its binary on first use). ' +
        'Pass --electron-dist <dir>: an unpacked Electron of the installed version, or a folder with its zip.',
    );
  }
  const packaged = await packageSite({
    code,
    electronDist,
    projectDir,
    build: !argv.includes('--skip-build'),
  });
  console.log(
    `${packaged.profile.displayName} (${packaged.profile.code}): ${path.relative(projectDir, packaged.appDir)}`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
