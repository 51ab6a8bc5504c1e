// `npm run start:browser -- --data-dir <dir> [--port <n>] [--renderer-dir <dir>]`: the app in
// browser mode. Prints exactly one line on stdout, `{"event":"listening","url":…}`; everything
// else goes to stderr. Stops cleanly on SIGINT and SIGTERM.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createAppService } from '../src-main/app/app-service';
import { startBrowserServer } from '../src-main/app/browser-server';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const USAGE = 'Usage: start-browser --data-dir <dir> [--port <n>] [--renderer-dir <dir>]';

function usage(problem: string): never {
  process.stderr.write(`${problem}\n${USAGE}\n`);
  process.exit(2);
}

function readArguments() {
  try {
    return parseArgs({
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string', default: '0' },
        'renderer-dir': { type: 'string', default: path.join(REPO_ROOT, 'dist', 'renderer') },
      },
    }).values;
  } catch (error) {
    return usage((error as Error).message);
  }
}

const values = readArguments();
const dataDir = values['data-dir'];
const port = Number(values.port);
if (!dataDir) usage('Missing --data-dir');
if (!Number.isInteger(port) || port < 0 || port > 65_535) usage(`--port must be 0 to 65535`);

const server = await startBrowserServer({
  port,
  rendererDir: path.resolve(values['renderer-dir']),
  openService: (origin) =>
    createAppService({ dataDir: path.resolve(dataDir), mode: 'browser', serverUrl: origin }),
});
await server.service.startAutomaticSync();
process.stdout.write(`${JSON.stringify({ event: 'listening', url: server.url })}\n`);

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`Could not stop cleanly: ${String(error)}\n`);
      process.exit(1);
    },
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
