// The site profile an installer baked in (PRODUCT.md §8) sits next to app.asar as
// `site-profile.json`; SATELLITE_SYNC_SITE_PROFILE points at one during development. A profile that
// is there but invalid stops the app with the validation message: that installer is broken.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { SITE_PROFILE_RESOURCE, loadSiteProfile, type SiteProfile } from '../src-main/site-profile';

export const SITE_PROFILE_ENV = 'SATELLITE_SYNC_SITE_PROFILE';

export function findSiteProfile(resourcesPath: string, env: NodeJS.ProcessEnv): SiteProfile | null {
  const chosen = env[SITE_PROFILE_ENV];
  if (chosen) return loadSiteProfile(chosen);
  const baked = path.join(resourcesPath, SITE_PROFILE_RESOURCE);
  return existsSync(baked) ? loadSiteProfile(baked) : null;
}
