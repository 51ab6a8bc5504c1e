// `satellite-sync`: the headless CLI (PRODUCT.md §10). Every command takes --data-dir (except
// hardware-id); errors print a clear line on stderr and exit 1 (2 for wrong usage).
import { parseArgs } from 'node:util';
import { ZodError, z } from 'zod';
import { exportDiagnostics } from '../diagnostics';
import { readHardwareId } from '../hardware-id';
import { NotConfiguredError, readPublicSettings } from '../settings/sync-settings';
import { SyncError } from '../sync/errors';
import { listIntegrationProblems, retryIntegrationProblems } from '../sync/problems';
import { SyncEngine } from '../sync-engine';
import { describeProblems, describeRetry } from './problems';
import { printProgress } from './progress';
import { readRecordsInPushShape } from './records';

const USAGE = `Usage: satellite-sync <command> [options]
  init --data-dir <dir> --url <url> --site <name> --password <password> --sync-id <n> [--interval <minutes>] [--request-size <n>]
  sync --data-dir <dir>
  status --data-dir <dir> [--json]
  records <legacyTable> --data-dir <dir> [--json]
  problems --data-dir <dir> [--json]
  problems retry [<recordId>…] --data-dir <dir> [--json]
  settings --data-dir <dir> [--interval <minutes>]
  diagnostics --data-dir <dir> --out <zip>
  hardware-id`;

class UsageError extends Error {}

const OPTIONS = {
  'data-dir': { type: 'string' },
  url: { type: 'string' },
  site: { type: 'string' },
  password: { type: 'string' },
  'sync-id': { type: 'string' },
  interval: { type: 'string' },
  'request-size': { type: 'string' },
  json: { type: 'boolean' },
  out: { type: 'string' },
} as const;

type Values = {
  [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string;
};

function need(values: Values, flag: keyof Values): string {
  const value = values[flag];
  if (typeof value !== 'string' || value === '') throw new UsageError(`Missing --${flag}`);
  return value;
}

const wholeNumber = (flag: string) =>
  z.string().regex(/^\d+$/, `--${flag} must be a whole number`).transform(Number);

async function withEngine<T>(values: Values, work: (engine: SyncEngine) => Promise<T>): Promise<T> {
  const engine = await SyncEngine.open({ dataDir: need(values, 'data-dir') });
  try {
    return await work(engine);
  } finally {
    await engine.close();
  }
}

function write(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function run(command: string | undefined, args: string[], values: Values): Promise<number> {
  switch (command) {
    case 'init':
      return withEngine(values, async (engine) => {
        await engine.configure({
          url: need(values, 'url'),
          siteName: need(values, 'site'),
          password: need(values, 'password'),
          syncId: wholeNumber('sync-id').parse(need(values, 'sync-id')),
          intervalMinutes:
            values.interval === undefined ? undefined : wholeNumber('interval').parse(values.interval),
          requestSize:
            values['request-size'] === undefined
              ? undefined
              : wholeNumber('request-size').parse(values['request-size']),
        });
        write(`Configured site "${values.site}" at ${values.url}`);
        return 0;
      });
    case 'sync':
      return withEngine(values, async (engine) => {
        engine.runLog.on('progress', printProgress);
        const outcome = await engine.syncOnce();
        if (outcome.status === 'failed') {
          process.stderr.write(
            `Sync failed: ${outcome.error.code}: ${outcome.error.message}\n${outcome.error.detail}\nHint: ${outcome.error.hint}\n`,
          );
          return 1;
        }
        process.stderr.write(`Sync ${outcome.status}\n`);
        return 0;
      });
    case 'status':
      return withEngine(values, async (engine) => {
        const status = await engine.status();
        write(values.json ? JSON.stringify(status, null, 2) : describeStatus(status));
        return 0;
      });
    case 'records': {
      const [table] = args;
      if (!table) throw new UsageError('Missing <legacyTable>');
      return withEngine(values, async (engine) => {
        write(
          JSON.stringify(await readRecordsInPushShape(engine.db, table), null, values.json ? 2 : undefined),
        );
        return 0;
      });
    }
    case 'problems': {
      const [action, ...recordIds] = args;
      if (action !== undefined && action !== 'retry')
        throw new UsageError(`Unknown problems action "${action}"`);
      return withEngine(values, async (engine) => {
        if (action === 'retry') {
          const result = await retryIntegrationProblems(
            engine.db,
            recordIds.length > 0 ? recordIds : undefined,
          );
          write(values.json ? JSON.stringify(result, null, 2) : describeRetry(result));
        } else {
          const problems = await listIntegrationProblems(engine.db);
          write(values.json ? JSON.stringify(problems, null, 2) : describeProblems(problems));
        }
        return 0;
      });
    }
    case 'diagnostics': {
      const out = need(values, 'out');
      return withEngine(values, async (engine) => {
        const files = await exportDiagnostics(engine, need(values, 'data-dir'), out);
        write(`Wrote ${out} (${files.join(', ')})`);
        return 0;
      });
    }
    case 'settings':
      return withEngine(values, async (engine) => {
        // Only the sync interval may be set here: everything else is protected by the authorisation code.
        if (values.interval !== undefined) {
          await engine.setIntervalMinutes(wholeNumber('interval').parse(values.interval));
        }
        write(JSON.stringify(await readPublicSettings(engine.db.dataSource.manager), null, 2));
        return 0;
      });
    case 'hardware-id':
      write(await readHardwareId());
      return 0;
    default:
      throw new UsageError(command ? `Unknown command "${command}"` : 'Missing command');
  }
}

function describeStatus(status: Awaited<ReturnType<SyncEngine['status']>>): string {
  const last = status.lastRun;
  return [
    `configured: ${status.configured}, initialised: ${status.initialised}, paused: ${status.paused}`,
    `records waiting to push: ${status.recordsWaitingToPush}`,
    `last sync: ${last ? `${last.startedAt} (${last.outcome})` : 'never'}`,
    `last successful sync: ${status.lastSuccessfulRun?.finishedAt ?? 'never'}`,
    ...(last?.error ? [`error: ${last.error.code}: ${last.error.message}`] : []),
    `integration problems: ${status.integrationProblems}, kept for later versions: ${status.untranslatedRecords}` +
      (status.integrationProblems > 0 ? ' (satellite-sync problems lists them)' : ''),
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
    const [command, ...rest] = positionals;
    return await run(command, rest, values as Values);
  } catch (error) {
    if (error instanceof SyncError) {
      process.stderr.write(`${error.code}: ${error.message}\n${error.detail}\nHint: ${error.hint}\n`);
      return 1;
    }
    if (error instanceof ZodError) {
      process.stderr.write(`Invalid settings: ${z.prettifyError(error)}\n`);
      return 2;
    }
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof NotConfiguredError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
