// Export diagnostics (PRODUCT.md §5.5): a zip of logs, recent runs, versions, settings without
// secrets and a hash of the hardware ID — never a password hash or the authorisation code.
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { APP_VERSION } from './app-version';
import { SyncBufferEntity, SyncLogEntity, SyncLogStepEntity } from './db/entities/internal';
import { LOG_DIRECTORY } from './logging';
import { readPublicSettings } from './settings/sync-settings';
import type { SyncEngine } from './sync-engine';
import { In, IsNull, Not } from 'typeorm';

const RECENT_RUNS = 50;

export async function exportDiagnostics(
  engine: SyncEngine,
  dataDir: string,
  outFile: string,
): Promise<string[]> {
  const dataSource = engine.db.dataSource;
  const runs = await dataSource
    .getRepository(SyncLogEntity)
    .find({ order: { id: 'DESC' }, take: RECENT_RUNS });
  const steps = await dataSource
    .getRepository(SyncLogStepEntity)
    .find({ where: { runId: In(runs.map((run) => run.id)) } });
  const problems = await dataSource.getRepository(SyncBufferEntity).find({
    select: { tableName: true, recordId: true, action: true, receivedAt: true, integrationError: true },
    where: { integratedAt: IsNull(), integrationError: Not(IsNull()) },
  });
  const [sqlite] = await dataSource.query('SELECT sqlite_version() AS version');
  const entries: Record<string, unknown> = {
    'versions.json': {
      app: APP_VERSION,
      node: process.versions.node,
      sqlite: sqlite?.version,
      platform: process.platform,
    },
    'settings.json': await readPublicSettings(dataSource.manager),
    'hardware-id.json': { sha256: createHash('sha256').update(engine.hardwareId).digest('hex') },
    'status.json': await engine.status(),
    'sync-log.json': runs.map((run) => ({ ...run, steps: steps.filter((step) => step.runId === run.id) })),
    'integration-problems.json': problems,
  };
  const zip = new ZipFile();
  for (const [name, value] of Object.entries(entries)) {
    zip.addBuffer(Buffer.from(JSON.stringify(value, null, 2)), name);
  }
  const logDirectory = path.join(dataDir, LOG_DIRECTORY);
  const logs = existsSync(logDirectory) ? readdirSync(logDirectory) : [];
  for (const log of logs) zip.addFile(path.join(logDirectory, log), `logs/${log}`);
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(outFile));
  return [...Object.keys(entries), ...logs.map((log) => `logs/${log}`)];
}
