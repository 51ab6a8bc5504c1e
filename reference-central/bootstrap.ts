// Opening a central's data directory and seeding the demo and volume data, once each.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Database } from './database';
import { buildDemoRecords, buildVolumeRecords, DEMO_SITES } from './demo-data';
import { getMeta, migrate, setMeta } from './schema';
import { seedRecords } from './seed';
import { addSite, findSiteByName } from './sites';

export async function openCentralDatabase(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const db = await Database.open(path.join(dataDir, 'central.sqlite'));
  await migrate(db);
  return db;
}

/** Demo sites and data, seeded once per data directory. */
export async function seedDemo(db: Database): Promise<void> {
  if (await getMeta(db, 'demo_seeded')) return;
  await seedRecords(db, buildDemoRecords());
  for (const site of DEMO_SITES) {
    if (!(await findSiteByName(db, site.name))) {
      await addSite(db, {
        name: site.name,
        password: site.password,
        siteId: site.siteId,
        store: site.store.id,
      });
    }
  }
  await db.transaction(() => setMeta(db, 'demo_seeded', new Date().toISOString()));
}

export async function seedVolume(db: Database, count: number): Promise<void> {
  if (await getMeta(db, 'volume_seeded')) return;
  const stores = DEMO_SITES.map((site) => ({ id: site.store.id, nameId: site.store.nameId }));
  await seedRecords(db, buildVolumeRecords(count, stores));
  await db.transaction(() => setMeta(db, 'volume_seeded', String(count)));
}
