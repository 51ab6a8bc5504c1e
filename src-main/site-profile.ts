// Per-site profiles (PRODUCT.md §8): `resources/sites/<code>.json`, baked into one site's installer
// as the extra resource `site-profile.json`. The app pre-fills the Initialise screen from it.
// A profile carries hashes only: the authorisation code as scrypt, the site password (only when the
// installer explicitly wants it baked in) as the SHA-256 the protocol sends.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { SiteProfileView } from './contract/views';
import { siteSettingsSchema } from './settings/sync-settings';

/** The profile's name inside a packaged app's resources directory. */
export const SITE_PROFILE_RESOURCE = 'site-profile.json';
export const SITES_DIRECTORY = path.join('resources', 'sites');

/** `scrypt$N$r$p$salt$hash`, as `hashAuthorisationCode` writes it (salt and hash in base64). */
const SCRYPT_HASH = /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]+={0,2}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * A certificate's SHA-256 fingerprint: 64 hex digits, with or without colons, either case; kept as
 * `AA:BB:…` (upper case, colon-separated), the form Node's `fingerprint256` reports.
 */
const fingerprint = z
  .string()
  .transform((value) => value.replace(/:/g, '').toUpperCase())
  .pipe(z.string().regex(/^[0-9A-F]{64}$/, 'must be a SHA-256 fingerprint (64 hex digits, colons allowed)'))
  .transform((hex) => (hex.match(/../g) ?? []).join(':'));

const { url, siteName, syncId, intervalMinutes, requestSize } = siteSettingsSchema.shape;

export const siteProfileSchema = z.strictObject({
  /** Names the installer and its output folder, so it stays file-name safe. */
  code: z
    .string()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, 'must be 1-40 lowercase letters, digits or dashes'),
  displayName: z.string().trim().min(1, 'must not be empty'),
  url,
  siteName,
  syncId,
  intervalMinutes,
  requestSize,
  authorisationCodeHash: z
    .string()
    .regex(SCRYPT_HASH, 'must be an scrypt$N$r$p$salt$hash as made by hashAuthorisationCode'),
  /** Self-signed central servers trusted by pinning (PRODUCT.md §6). */
  pinnedCertificates: z.array(fingerprint).optional(),
  /** Only when the site password is meant to be baked in: its lowercase hex SHA-256, never the password. */
  passwordSha256: z
    .string()
    .regex(SHA256_HEX, 'must be the lowercase hex SHA-256 of the site password')
    .optional(),
});

export type SiteProfile = z.output<typeof siteProfileSchema>;
export type SiteProfileInput = z.input<typeof siteProfileSchema>;

export class SiteProfileError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`Site profile ${source} is not valid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'SiteProfileError';
  }
}

function valueAt(raw: unknown, keys: readonly PropertyKey[]): unknown {
  return keys.reduce<unknown>(
    (value, key) =>
      value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined,
    raw,
  );
}

function describeIssue(raw: unknown, issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys' && issue.keys.includes('password')) {
    return 'password: a site profile never carries a clear-text password; to bake it in, give its SHA-256 as passwordSha256';
  }
  const where = issue.path.length > 0 ? issue.path.join('.') : '(profile)';
  const missing = issue.code === 'invalid_type' && valueAt(raw, issue.path) === undefined;
  return `${where}: ${missing ? 'is required' : issue.message}`;
}

/** Validates a parsed profile; `source` names it in the error (a file path, usually). */
export function parseSiteProfile(raw: unknown, source: string): SiteProfile {
  const result = siteProfileSchema.safeParse(raw);
  if (!result.success)
    throw new SiteProfileError(
      source,
      result.error.issues.map((issue) => describeIssue(raw, issue)),
    );
  return result.data;
}

/** Reads and validates a profile file; with `expectedCode`, its `code` must match (the file's name). */
export function loadSiteProfile(file: string, expectedCode?: string): SiteProfile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    throw new SiteProfileError(file, [`cannot be read: ${reason}`]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new SiteProfileError(file, [`is not JSON: ${(error as Error).message}`]);
  }
  const profile = parseSiteProfile(raw, file);
  if (expectedCode !== undefined && profile.code !== expectedCode) {
    throw new SiteProfileError(file, [
      `code: is "${profile.code}" but the file is for site "${expectedCode}"`,
    ]);
  }
  return profile;
}

/** `resources/sites/<code>.json` under `projectDir`. */
export function siteProfileFile(code: string, projectDir: string = process.cwd()): string {
  return path.join(projectDir, SITES_DIRECTORY, `${code}.json`);
}

/** What the renderer may see of a profile: no hashes, no fingerprints. */
export function siteProfileView(profile: SiteProfile): SiteProfileView {
  const { code, displayName, url, siteName, syncId } = profile;
  return { code, displayName, url, siteName, syncId };
}
