import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dataDirFrom, shellPaths } from '../../electron/paths';

describe('shell paths', () => {
  it('finds the preload beside main.js and the renderer beside dist/electron', () => {
    const main = pathToFileURL(path.resolve('/app/resources/app.asar/dist/electron/main.js')).href;
    expect(shellPaths(main)).toEqual({
      preload: path.resolve('/app/resources/app.asar/dist/electron/preload.js'),
      rendererDir: path.resolve('/app/resources/app.asar/dist/renderer'),
    });
  });

  it('keeps data in <appData>/Satellite Sync unless --data-dir or SATELLITE_SYNC_DATA_DIR says otherwise', () => {
    const appData = '/home/u/.config';
    expect(dataDirFrom(['electron', '.'], {}, appData)).toBe(path.join(appData, 'Satellite Sync'));
    expect(dataDirFrom(['electron', '.', '--data-dir=/tmp/a'], {}, appData)).toBe(path.resolve('/tmp/a'));
    expect(dataDirFrom(['electron', '.', '--data-dir', '/tmp/b'], {}, appData)).toBe(path.resolve('/tmp/b'));
    expect(dataDirFrom(['electron', '.'], { SATELLITE_SYNC_DATA_DIR: '/tmp/c' }, appData)).toBe(
      path.resolve('/tmp/c'),
    );
    expect(
      dataDirFrom(['electron', '--data-dir=/tmp/a'], { SATELLITE_SYNC_DATA_DIR: '/tmp/c' }, appData),
    ).toBe(path.resolve('/tmp/a'));
  });
});
