// Per-site packaging (PRODUCT.md §8) run for real with electron-builder, offline, against a stand-in
// Electron distribution (see stand-in-electron.ts): what lands in the package, and what is refused.
import { listPackage, extractAll, statFile } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PackagingError, packageSite, type PackagedSite } from '../../scripts/package-site';
import { SiteProfileError } from '../../src-main/site-profile';
import { createStandInElectron } from './stand-in-electron';

const projectDir = path.resolve(import.meta.dirname, '../..');
const demoProfile = path.join(projectDir, 'resources', 'sites', 'demo.json');
const root = mkdtempSync(path.join(tmpdir(), 'satellite-sync-package-'));
const electronDist = createStandInElectron(path.join(root, 'electron'));

let packaged: PackagedSite;
let files: string[];
const asarFile = () => path.join(packaged.resourcesDir, 'app.asar');

beforeAll(async () => {
  // Builds the renderer and the shell, then packages them: the whole `npm run package:site demo`.
  packaged = await packageSite({
    code: 'demo',
    electronDist,
    projectDir,
    outputDir: path.join(root, 'out', 'demo'),
  });
  files = listPackage(asarFile(), { isPack: false }).map((file) => file.split(path.sep).join('/'));
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a site package', () => {
  it('holds the built app in app.asar, and nothing of the sources or tests', () => {
    for (const file of [
      '/package.json',
      '/dist/electron/main.js',
      '/dist/electron/preload.js',
      '/dist/renderer/index.html',
    ]) {
      expect(files, file).toContain(file);
    }
    for (const folder of [
      '/test/',
      '/reference-central/',
      '/src-main/',
      '/electron/',
      '/renderer/',
      '/scripts/',
      '/bench/',
      '/resources/',
    ]) {
      expect(
        files.filter((file) => file.startsWith(folder)),
        folder,
      ).toEqual([]);
    }
    const ours = files.filter((file) => !file.startsWith('/node_modules/'));
    expect(ours.filter((file) => file.endsWith('.map') || file.endsWith('.ts'))).toEqual([]);
  });

  it('carries only the node_modules main.js loads: typeorm and sqlite3 with theirs', () => {
    expect(files).toContain('/node_modules/typeorm/package.json');
    expect(files).toContain('/node_modules/sqlite3/package.json');
    for (const bundled of [
      'vue',
      'vuetify',
      'tsx',
      'esbuild',
      'typescript',
      'axios',
      'zod',
      'electron',
      'node-gyp',
      'vite',
    ]) {
      expect(files, bundled).not.toContain(`/node_modules/${bundled}/package.json`);
    }
    expect(files.filter((file) => file.startsWith('/node_modules/sqlite3/deps/'))).toEqual([]);
  });

  it('starts the bundled shell', () => {
    const manifest = JSON.parse(readFileSync(path.join(projectDir, 'package.json'), 'utf8')) as {
      version: string;
    };
    const packagedManifest = JSON.parse(
      spawnSync(
        process.execPath,
        [
          '-e',
          `process.stdout.write(require('@electron/asar').extractFile(${JSON.stringify(asarFile())}, 'package.json'))`,
        ],
        {
          cwd: projectDir,
          encoding: 'utf8',
        },
      ).stdout,
    ) as { main: string; name: string; version: string };
    expect(packagedManifest).toMatchObject({
      name: 'satellite-sync',
      main: 'dist/electron/main.js',
      version: manifest.version,
    });
  });

  it('keeps sqlite3’s native module outside the archive', () => {
    const native = 'node_modules/sqlite3/build/Release/node_sqlite3.node';
    expect(statFile(asarFile(), native)).toMatchObject({ unpacked: true });
    const unpacked = path.join(packaged.resourcesDir, 'app.asar.unpacked', native);
    expect(readFileSync(unpacked).equals(readFileSync(path.join(projectDir, native)))).toBe(true);
  });

  it('bakes the site profile in as resources/site-profile.json, unchanged', () => {
    const baked = path.join(packaged.resourcesDir, 'site-profile.json');
    expect(readFileSync(baked, 'utf8')).toBe(readFileSync(demoProfile, 'utf8'));
    expect(JSON.parse(readFileSync(baked, 'utf8'))).toEqual(JSON.parse(readFileSync(demoProfile, 'utf8')));
  });

  it('is named after the site', () => {
    expect(path.basename(packaged.outputDir)).toBe('demo');
    expect(path.basename(packaged.appDir)).toMatch(/-unpacked$|^mac/);
    const config = readFileSync(path.join(projectDir, 'electron-builder.yml'), 'utf8');
    expect(config).toMatch(/^ {2}output: dist\/\$\{env\.SITE_CODE\}$/m);
    expect(config).toMatch(/^artifactName: .*\$\{env\.SITE_CODE\}.*$/m);
    if (process.platform === 'linux')
      expect(existsSync(path.join(packaged.appDir, 'satellite-sync'))).toBe(true);
  });

  it('has its Electron fuses blown: no Node mode, no NODE_OPTIONS, no inspector, app.asar only', async () => {
    if (process.platform !== 'linux') return;
    const wire = await getCurrentFuseWire(path.join(packaged.appDir, 'satellite-sync'));
    const state = (fuse: FuseV1Options) => String.fromCharCode(wire[fuse] as number);
    expect(state(FuseV1Options.RunAsNode)).toBe('0');
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe('0');
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe('0');
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe('1');
    expect(state(FuseV1Options.EnableCookieEncryption)).toBe('1');
    expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe('0');
  });

  it('runs from the archive: every module main.js imports is inside it, and the database opens', () => {
    const extracted = path.join(root, 'extracted');
    extractAll(asarFile(), extracted);
    const main = path.join(extracted, 'dist', 'electron', 'main.js');
    const source = readFileSync(main, 'utf8');
    const specifiers = new Set(
      [...source.matchAll(/(?:^import .* from |__require\()["']([^"']+)["']/gm)].map(
        (match) => match[1] ?? '',
      ),
    );
    const external = [...specifiers].filter((name) => !isBuiltin(name) && name !== 'electron').sort();
    expect(external).toEqual(['sqlite3', 'typeorm'].filter((name) => specifiers.has(name)));
    expect(external).toContain('typeorm');
    // typeorm and sqlite3 resolved from inside the package only, and the native module loads.
    const probe = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { createRequire } from 'node:module';
         const require = createRequire(process.argv[1]);
         const { DataSource } = require('typeorm');
         const db = new DataSource({ type: 'sqlite', database: ':memory:' });
         await db.initialize();
         const [row] = await db.query('select sqlite_version() as version');
         await db.destroy();
         console.log(JSON.stringify({ version: row.version, typeorm: require.resolve('typeorm'), sqlite3: require.resolve('sqlite3') }));`,
        main,
      ],
      { cwd: extracted, encoding: 'utf8' },
    );
    expect(probe.stderr).toBe('');
    const loaded = JSON.parse(probe.stdout) as { version: string; typeorm: string; sqlite3: string };
    expect(loaded.version).toMatch(/^3\./);
    expect(loaded.typeorm.startsWith(extracted)).toBe(true);
    expect(loaded.sqlite3.startsWith(extracted)).toBe(true);
  });
});

describe('packaging refuses', () => {
  function sitesWith(code: string, profile: unknown): string {
    const dir = mkdtempSync(path.join(root, 'sites-'));
    writeFileSync(path.join(dir, `${code}.json`), JSON.stringify(profile));
    return dir;
  }
  const demo = JSON.parse(readFileSync(demoProfile, 'utf8')) as Record<string, unknown>;

  it('an invalid profile, saying what is wrong, before building anything', async () => {
    const output = path.join(root, 'refused');
    const sitesDir = sitesWith('broken', {
      ...demo,
      code: 'broken',
      url: 'ftp://central',
      syncId: 1,
      password: 'secret',
    });
    const attempt = packageSite({ code: 'broken', electronDist, projectDir, sitesDir, outputDir: output });
    await expect(attempt).rejects.toBeInstanceOf(SiteProfileError);
    await expect(attempt).rejects.toThrow(/url: must be an http\(s\) URL/);
    await expect(attempt).rejects.toThrow(/syncId: must be greater than 1/);
    await expect(attempt).rejects.toThrow(/password: a site profile never carries a clear-text password/);
    expect(existsSync(output)).toBe(false);
  });

  it('a profile filed under another site’s code', async () => {
    const sitesDir = sitesWith('north', demo);
    await expect(
      packageSite({ code: 'north', electronDist, projectDir, sitesDir, build: false }),
    ).rejects.toThrow(/code: is "demo" but the file is for site "north"/);
  });

  it('a site without a profile', async () => {
    await expect(packageSite({ code: 'nowhere', electronDist, projectDir, build: false })).rejects.toThrow(
      /nowhere\.json is not valid:\n {2}- cannot be read: no such file/,
    );
  });

  it('a directory that is not an Electron distribution', async () => {
    const empty = mkdtempSync(path.join(root, 'not-electron-'));
    const sitesDir = path.dirname(demoProfile);
    await expect(
      packageSite({ code: 'demo', electronDist: empty, projectDir, sitesDir, build: false }),
    ).rejects.toThrow(PackagingError);
  });

  it('from the command line too, with the message and exit code 1', () => {
    const sitesCopy = path.join(root, 'cli-sites');
    mkdirSync(sitesCopy, { recursive: true });
    copyFileSync(demoProfile, path.join(sitesCopy, 'demo.json'));
    const cli = spawnSync(
      'npx',
      ['tsx', 'scripts/package-site.ts', 'no-such-site', '--electron-dist', electronDist],
      {
        cwd: projectDir,
        encoding: 'utf8',
      },
    );
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(/no-such-site\.json is not valid/);
  });
});
