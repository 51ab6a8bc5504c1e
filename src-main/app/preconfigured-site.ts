// A site the app configures itself for at start-up when it is not configured yet: how `npm run demo`
// hands the demo site to the app, in-process (browser mode) or through the environment (Electron).
import { z } from 'zod';
import { initialiseInput } from '../contract/operations';
import type { LocalDatabase } from '../db/data-source';
import { setAuthorisationCode } from '../settings/authorisation-code';
import { KEY, readSetting } from '../settings/key-value';

export const preconfiguredSiteSchema = initialiseInput.extend({
  /** Set as the authorisation code when none is set yet. */
  authorisationCode: z.string().min(4).optional(),
});
export type PreconfiguredSite = z.infer<typeof preconfiguredSiteSchema>;

/** The environment variables that carry a preconfigured site (all but the code are required). */
export const PRECONFIGURED_SITE_ENV = {
  url: 'SATELLITE_SYNC_DEMO_URL',
  siteName: 'SATELLITE_SYNC_DEMO_SITE_NAME',
  password: 'SATELLITE_SYNC_DEMO_PASSWORD',
  syncId: 'SATELLITE_SYNC_DEMO_SYNC_ID',
  authorisationCode: 'SATELLITE_SYNC_DEMO_AUTHORISATION_CODE',
} as const;

export function preconfiguredSiteEnv(site: PreconfiguredSite): Record<string, string> {
  const env: Record<string, string> = {
    [PRECONFIGURED_SITE_ENV.url]: site.url,
    [PRECONFIGURED_SITE_ENV.siteName]: site.siteName,
    [PRECONFIGURED_SITE_ENV.password]: site.password,
    [PRECONFIGURED_SITE_ENV.syncId]: String(site.syncId),
  };
  if (site.authorisationCode) env[PRECONFIGURED_SITE_ENV.authorisationCode] = site.authorisationCode;
  return env;
}

/** The site in `env`, or null when SATELLITE_SYNC_DEMO_URL is unset; throws a ZodError when malformed. */
export function readPreconfiguredSite(env: NodeJS.ProcessEnv): PreconfiguredSite | null {
  if (!env[PRECONFIGURED_SITE_ENV.url]) return null;
  return preconfiguredSiteSchema.parse({
    url: env[PRECONFIGURED_SITE_ENV.url],
    siteName: env[PRECONFIGURED_SITE_ENV.siteName],
    password: env[PRECONFIGURED_SITE_ENV.password],
    syncId: Number(env[PRECONFIGURED_SITE_ENV.syncId]),
    authorisationCode: env[PRECONFIGURED_SITE_ENV.authorisationCode] || undefined,
  });
}

/**
 * Initialises the site (the first sync starts) unless the app is configured already, and sets the
 * authorisation code unless one is set. A refusal from central is reported, not fatal: the app
 * then opens on its Initialise screen.
 */
export async function applyPreconfiguredSite(
  db: LocalDatabase,
  site: PreconfiguredSite,
  initialise: (input: z.output<typeof initialiseInput>) => Promise<unknown>,
): Promise<void> {
  const manager = db.dataSource.manager;
  const { authorisationCode, ...input } = site;
  if (authorisationCode && !(await readSetting(manager, KEY.authorisationCodeHash))) {
    await setAuthorisationCode(db, authorisationCode);
  }
  if ((await readSetting(manager, KEY.url)) !== undefined) return;
  try {
    await initialise(input);
  } catch (error) {
    process.stderr.write(`Could not configure the preconfigured site ${site.siteName}: ${String(error)}\n`);
  }
}
