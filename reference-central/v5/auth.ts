// v5 authentication, run on every request: Basic site name + password hash, version header range,
// hardware-ID binding on first contact, and a site that owns at least one store.
import { timingSafeEqual } from 'node:crypto';
import type { Database } from '../database';
import { storesOfSite } from '../records';
import { bindHardwareId, findSiteById, findSiteByName, type Site } from '../sites';
import { v5Error } from './errors';

export const V5_VERSION_RANGE = { min: 12, max: 14 } as const;
/** Consecutive wrong passwords after which a site is refused for a while (site_auth_timeout). */
const MAX_FAILED_LOGINS = 10;
const LOCKOUT_MS = 60_000;

export interface V5Credentials {
  siteName: string;
  passwordSha256: string;
  hardwareId: string | undefined;
  version: string | undefined;
}

/** Parses `Authorization: Basic base64(site:sha256)`; a malformed header names no site. */
export function parseBasicAuth(header: string | undefined): { siteName: string; passwordSha256: string } {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  const decoded = match ? Buffer.from(match[1] as string, 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  if (colon < 0) return { siteName: '', passwordSha256: '' };
  return { siteName: decoded.slice(0, colon), passwordSha256: decoded.slice(colon + 1) };
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a.toLowerCase());
  const right = Buffer.from(b.toLowerCase());
  return left.length === right.length && timingSafeEqual(left, right);
}

export class V5Authenticator {
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>();

  constructor(private readonly db: Database) {}

  async authenticate(credentials: V5Credentials): Promise<Site> {
    const site = await findSiteByName(this.db, credentials.siteName);
    if (!site) throw v5Error(401, 'site_name_not_found', `Site name "${credentials.siteName}" not found`);
    this.checkPassword(site, credentials.passwordSha256);
    this.checkVersion(credentials.version);
    await this.checkHardwareId(site, credentials.hardwareId);
    if ((await storesOfSite(this.db, site.siteId)).length === 0) {
      throw v5Error(403, 'site_has_no_store', 'Site has no store');
    }
    return (await findSiteById(this.db, site.siteId)) as Site;
  }

  private checkPassword(site: Site, passwordSha256: string): void {
    const record = this.failures.get(site.name) ?? { count: 0, lockedUntil: 0 };
    if (record.lockedUntil > Date.now()) {
      throw v5Error(401, 'site_auth_timeout', 'Too many failed attempts, site authentication timed out');
    }
    if (sameHash(site.passwordSha256, passwordSha256)) {
      this.failures.delete(site.name);
      return;
    }
    record.count += 1;
    if (record.count >= MAX_FAILED_LOGINS) {
      record.count = 0;
      record.lockedUntil = Date.now() + LOCKOUT_MS;
    }
    this.failures.set(site.name, record);
    throw v5Error(401, 'site_incorrect_password', 'Site password incorrect');
  }

  private checkVersion(version: string | undefined): void {
    const number = version !== undefined && /^\d+$/.test(version) ? Number(version) : Number.NaN;
    if (!(number >= V5_VERSION_RANGE.min && number <= V5_VERSION_RANGE.max)) {
      throw v5Error(
        409,
        'api_version_incompatible',
        `Sync API version ${version ?? '(missing)'} is not supported; supported versions are ${V5_VERSION_RANGE.min} to ${V5_VERSION_RANGE.max}`,
        { min: V5_VERSION_RANGE.min, max: V5_VERSION_RANGE.max },
      );
    }
  }

  private async checkHardwareId(site: Site, hardwareId: string | undefined): Promise<void> {
    if (!hardwareId) throw v5Error(401, 'site_incorrect_hardware_id', 'Site hardware ID is missing');
    if (site.hardwareId === null) {
      await this.db.transaction(() => bindHardwareId(this.db, site.siteId, hardwareId));
      const bound = await findSiteById(this.db, site.siteId);
      if (bound?.hardwareId === hardwareId) return;
    } else if (site.hardwareId === hardwareId) {
      return;
    }
    throw v5Error(401, 'site_incorrect_hardware_id', 'Site hardware ID does not match');
  }
}
