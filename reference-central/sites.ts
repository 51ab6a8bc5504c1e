// Sync sites: credentials, hardware-ID binding, initialisation status and store ownership.
import { createHash, randomUUID } from 'node:crypto';
import type { Database } from './database';
import { readRecord, upsertRecord } from './records';

export type InitialisationStatus = 'new' | 'started' | 'completed' | 'error';

export interface Site {
  siteId: number;
  uuid: string;
  name: string;
  passwordSha256: string;
  hardwareId: string | null;
  initialisationStatus: InitialisationStatus;
}

interface SiteRow {
  site_id: number;
  uuid: string;
  name: string;
  password_sha256: string;
  hardware_id: string | null;
  initialisation_status: InitialisationStatus;
}

function toSite(row: SiteRow): Site {
  return {
    siteId: row.site_id,
    uuid: row.uuid,
    name: row.name,
    passwordSha256: row.password_sha256,
    hardwareId: row.hardware_id,
    initialisationStatus: row.initialisation_status,
  };
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A deterministic legacy-style id (32 upper-case hex characters). */
export function legacyId(seed: string): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, 32).toUpperCase();
}

export async function findSiteByName(db: Database, name: string): Promise<Site | undefined> {
  const row = await db.get<SiteRow>('SELECT * FROM site WHERE name = ?', [name]);
  return row ? toSite(row) : undefined;
}

export async function findSiteById(db: Database, siteId: number): Promise<Site | undefined> {
  const row = await db.get<SiteRow>('SELECT * FROM site WHERE site_id = ?', [siteId]);
  return row ? toSite(row) : undefined;
}

export async function listSites(db: Database): Promise<Site[]> {
  return (await db.all<SiteRow>('SELECT * FROM site ORDER BY site_id')).map(toSite);
}

export interface StoreSummary {
  ID: string;
  name_ID: string;
  name: string;
}

/**
 * Adds a site. With `store`, the site gets the store whose ID (or name) it is — created with its
 * name record when none exists — by setting the store's sync_id_remote_site to the site id.
 */
export async function addSite(
  db: Database,
  input: { name: string; password: string; siteId: number; store?: string },
): Promise<{ site: Site; store: StoreSummary | null }> {
  if (!Number.isInteger(input.siteId) || input.siteId <= 1) {
    throw new Error('--site-id must be an integer greater than 1 (1 is the central server itself)');
  }
  if (await findSiteByName(db, input.name)) throw new Error(`A site named "${input.name}" already exists`);
  if (await findSiteById(db, input.siteId)) throw new Error(`Site id ${input.siteId} is already taken`);
  return db.transaction(async () => {
    await db.run(
      'INSERT INTO site (site_id, uuid, name, password_sha256, initialisation_status) VALUES (?, ?, ?, ?, ?)',
      [
        input.siteId,
        randomUUID().replaceAll('-', '').toUpperCase(),
        input.name,
        sha256Hex(input.password),
        'new',
      ],
    );
    const store = input.store ? await assignStore(db, input.store, input.siteId) : null;
    const site = (await findSiteByName(db, input.name)) as Site;
    return { site, store };
  });
}

async function assignStore(db: Database, idOrName: string, siteId: number): Promise<StoreSummary> {
  const found = await db.get<{ record_id: string }>(
    "SELECT record_id FROM record WHERE table_name = 'store' AND (record_id = ? OR json_extract(data, '$.name') = ?)",
    [idOrName, idOrName],
  );
  const storeId = found?.record_id ?? idOrName;
  const existing = await readRecord(db, 'store', storeId);
  const nameId =
    typeof existing?.name_ID === 'string' && existing.name_ID
      ? existing.name_ID
      : legacyId(`name:${storeId}`);
  if (!(await readRecord(db, 'name', nameId))) {
    await upsertRecord(db, 'name', nameId, storeNameRecord(nameId, idOrName));
  }
  const store: Record<string, unknown> = {
    ...(existing ?? newStoreRecord(storeId, idOrName, nameId)),
    sync_id_remote_site: siteId,
  };
  await upsertRecord(db, 'store', storeId, store);
  return { ID: storeId, name_ID: nameId, name: String(store.name ?? idOrName) };
}

function newStoreRecord(id: string, name: string, nameId: string): Record<string, unknown> {
  return {
    ID: id,
    name,
    code: name.slice(0, 8).toUpperCase(),
    name_ID: nameId,
    logo: '',
    store_mode: 'store',
    disabled: false,
    created_date: new Date().toISOString().slice(0, 10),
  };
}

function storeNameRecord(id: string, name: string): Record<string, unknown> {
  return {
    ID: id,
    name,
    code: name.slice(0, 8).toUpperCase(),
    type: 'store',
    customer: true,
    supplier: true,
    supplying_store_id: '',
    first: '',
    last: '',
    female: false,
    date_of_birth: '0000-00-00',
    phone: '',
    'charge code': '',
    comment: '',
    country: '',
    bill_address1: '',
    bill_address2: '',
    email: '',
    url: '',
    manufacturer: false,
    donor: false,
    hold: false,
    NEXT_OF_KIN_ID: '',
    next_of_kin_relative: '',
    created_date: '0000-00-00',
    national_health_number: '',
    isDeceased: false,
    om_created_datetime: '',
    om_gender: '',
  };
}

/** Call inside a transaction. */
export async function bindHardwareId(db: Database, siteId: number, hardwareId: string): Promise<void> {
  await db.run('UPDATE site SET hardware_id = ? WHERE site_id = ? AND hardware_id IS NULL', [
    hardwareId,
    siteId,
  ]);
}

export async function clearHardwareId(db: Database, name: string): Promise<void> {
  const site = await findSiteByName(db, name);
  if (!site) throw new Error(`No site named "${name}"`);
  await db.transaction(() => db.run('UPDATE site SET hardware_id = NULL WHERE site_id = ?', [site.siteId]));
}

export async function setInitialisationStatus(
  db: Database,
  siteId: number,
  status: InitialisationStatus,
): Promise<void> {
  await db.transaction(() =>
    db.run('UPDATE site SET initialisation_status = ? WHERE site_id = ?', [status, siteId]),
  );
}
