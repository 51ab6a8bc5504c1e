// A stand-in for an unpacked Electron distribution, for packaging without the real binary (which
// cannot be downloaded here). What electron-builder needs of one, from its source (app-builder-lib
// 26, electron/ElectronFramework.js): for an unpacked `electronDist` directory it copies the whole
// directory into the app folder, renames the `electron` executable to the app's executable name
// (Linux; `electron.exe` on Windows), and moves `LICENSE` if there is one. It reads nothing else
// unless `electronLanguages` is set (then it lists `locales/`). Flipping the fuses
// (@electron/fuses) then needs the fuse wire in the executable: its sentinel, version 1, length, and
// one state byte per fuse — so the stand-in carries one, set as a stock Electron ships it.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** '1' enabled, '0' disabled, in @electron/fuses' V1 order (RunAsNode first). */
export const STOCK_FUSES = '10110001';

export function createStandInElectron(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const executable = path.join(dir, process.platform === 'win32' ? 'electron.exe' : 'electron');
  const wire = Buffer.concat([
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, STOCK_FUSES.length]),
    Buffer.from(STOCK_FUSES),
  ]);
  writeFileSync(
    executable,
    Buffer.concat([
      Buffer.from('#!/bin/sh\necho "stand-in Electron: not runnable"\nexit 1\n# '),
      wire,
      Buffer.from('\n'),
    ]),
  );
  chmodSync(executable, 0o755);
  writeFileSync(path.join(dir, 'LICENSE'), 'stand-in');
  writeFileSync(path.join(dir, 'version'), '45.5.0');
  return dir;
}
