// Command line of the reference central: `serve` and `admin <command>` (docs/REFERENCE-CENTRAL.md).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openCentralDatabase, seedDemo, seedVolume } from './bootstrap';
import type { Database } from './database';
import { normaliseSeedInput, seedRecords } from './seed';
import { startCentralServer } from './server';
import { addSite, clearHardwareId, findSiteByName, listSites } from './sites';
import { peekQueue, queueLength } from './site-queue';
import { storesOfSite } from './records';

const OPTIONS = {
  port: { type: 'string' },
  'oms-port': { type: 'string' },
  'data-dir': { type: 'string' },
  demo: { type: 'boolean' },
  volume: { type: 'string' },
  'admin-token': { type: 'string' },
  'v6-off': { type: 'boolean' },
  name: { type: 'string' },
  password: { type: 'string' },
  'site-id': { type: 'string' },
  store: { type: 'string' },
  file: { type: 'string' },
  site: { type: 'string' },
} as const;

class UsageError extends Error {}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new UsageError(`Missing --${flag}`);
  return value;
}

function integer(value: string, flag: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`--${flag} must be a whole number, got "${value}"`);
  return Number(value);
}

async function serve(values: Record<string, string | boolean | undefined>): Promise<void> {
  const db = await openCentralDatabase(required(values['data-dir'] as string | undefined, 'data-dir'));
  if (values.demo) await seedDemo(db);
  if (values.volume !== undefined) await seedVolume(db, integer(values.volume as string, 'volume'));
  const adminToken = (values['admin-token'] as string | undefined) ?? randomBytes(16).toString('hex');
  const central = await startCentralServer({
    db,
    port: integer(required(values.port as string | undefined, 'port'), 'port'),
    omsPort: values['oms-port'] === undefined ? undefined : integer(values['oms-port'] as string, 'oms-port'),
    adminToken,
    v6Enabled: !values['v6-off'],
  });
  process.stdout.write(
    `${JSON.stringify({ event: 'listening', legacyUrl: central.legacyUrl, omsUrl: central.omsUrl, adminToken })}\n`,
  );
  const stop = async (): Promise<void> => {
    await central.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

async function status(db: Database): Promise<unknown> {
  const sites = [];
  for (const site of await listSites(db)) {
    sites.push({
      name: site.name,
      siteId: site.siteId,
      id: site.uuid,
      hardwareId: site.hardwareId,
      initialisationStatus: site.initialisationStatus,
      stores: await storesOfSite(db, site.siteId),
      queueLength: await queueLength(db, site.siteId),
    });
  }
  const tables = await db.all<{ table_name: string; n: number }>(
    'SELECT table_name, COUNT(*) AS n FROM record GROUP BY table_name ORDER BY table_name',
  );
  const central = await db.get<{ max: number | null }>('SELECT MAX(id) AS max FROM central_change');
  const oms = await db.get<{ max: number | null }>('SELECT MAX(cursor) AS max FROM oms_change');
  return {
    sites,
    centralMaxCursor: central?.max ?? 0,
    omsMaxCursor: oms?.max ?? 0,
    records: Object.fromEntries(tables.map((row) => [row.table_name, row.n])),
  };
}

async function admin(
  words: string[],
  values: Record<string, string | boolean | undefined>,
): Promise<unknown> {
  const db = await openCentralDatabase(required(values['data-dir'] as string | undefined, 'data-dir'));
  const flag = (name: string): string => required(values[name] as string | undefined, name);
  try {
    switch (words.join(' ')) {
      case 'site add': {
        const { site, store } = await addSite(db, {
          name: flag('name'),
          password: flag('password'),
          siteId: integer(flag('site-id'), 'site-id'),
          store: values.store as string | undefined,
        });
        return { site: { id: site.uuid, siteId: site.siteId, name: site.name }, store };
      }
      case 'seed': {
        const file = flag('file');
        const seeded = await seedRecords(db, normaliseSeedInput(JSON.parse(readFileSync(file, 'utf8'))));
        return { seeded, total: Object.values(seeded).reduce((sum, count) => sum + count, 0) };
      }
      case 'clear-hardware-id':
        await clearHardwareId(db, flag('site'));
        return { cleared: flag('site') };
      case 'queue': {
        const site = await findSiteByName(db, flag('site'));
        if (!site) throw new Error(`No site named "${flag('site')}"`);
        return await peekQueue(db, site.siteId, Number.MAX_SAFE_INTEGER);
      }
      case 'status':
        return await status(db);
      default:
        throw new UsageError(`Unknown admin command "${words.join(' ')}"`);
    }
  } finally {
    await db.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  const [command, ...words] = positionals;
  if (command === 'serve') return serve(values);
  if (command === 'admin') {
    process.stdout.write(`${JSON.stringify(await admin(words, values), null, 2)}\n`);
    return;
  }
  throw new UsageError(
    'Usage: central serve --port <n> --data-dir <dir> … | central admin <command> --data-dir <dir> …',
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${JSON.stringify({ error: (error as Error).message })}\n`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
