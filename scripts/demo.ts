// `npm run demo`: the reference central with demo data, in-process, and how to reach it.
// (The desktop app joins it once the desktop issue lands; until then this is the demo.)
import path from 'node:path';
import { openCentralDatabase, seedDemo } from '../reference-central/bootstrap';
import { DEMO_SITES } from '../reference-central/demo-data';
import { startCentralServer } from '../reference-central/server';

const dataDir = process.env.SATELLITE_SYNC_DEMO_DIR ?? path.resolve('.data/demo-central');
const port = Number(process.env.SATELLITE_SYNC_DEMO_PORT ?? 2048);

const db = await openCentralDatabase(dataDir);
await seedDemo(db);
const central = await startCentralServer({ db, port, adminToken: 'demo-admin-token' });

console.log(`Reference central (demo data in ${dataDir})`);
console.log(`  mSupply central (v5):       ${central.legacyUrl}/sync/v5/`);
console.log(`  Open mSupply central (v6):  ${central.omsUrl}/central/sync/`);
for (const site of DEMO_SITES) {
  console.log(
    `  site ${site.name} / password ${site.password} / sync ID ${site.siteId} / store ${site.store.name}`,
  );
}
console.log('Press Ctrl+C to stop.');

const stop = async (): Promise<void> => {
  await central.close();
  await db.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
