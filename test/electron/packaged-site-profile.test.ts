import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSiteProfile } from '../../electron/packaged-site-profile';
import { SiteProfileError } from '../../src-main/site-profile';

const demo = path.resolve('resources/sites/demo.json');

describe('the packaged site profile', () => {
  it('is read from resources/site-profile.json when the installer baked one', () => {
    const resources = mkdtempSync(path.join(tmpdir(), 'satellite-sync-resources-'));
    copyFileSync(demo, path.join(resources, 'site-profile.json'));
    expect(findSiteProfile(resources, {})).toMatchObject({
      code: 'demo',
      siteName: 'satellite-1',
      syncId: 2,
    });
  });

  it('is absent from a generic build', () => {
    expect(findSiteProfile(mkdtempSync(path.join(tmpdir(), 'satellite-sync-resources-')), {})).toBeNull();
  });

  it('can be pointed at during development', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'satellite-sync-resources-'));
    expect(findSiteProfile(empty, { SATELLITE_SYNC_SITE_PROFILE: demo })?.code).toBe('demo');
  });

  it('stops the app with the reason when the baked profile is broken', () => {
    const resources = mkdtempSync(path.join(tmpdir(), 'satellite-sync-resources-'));
    writeFileSync(path.join(resources, 'site-profile.json'), '{"code":"demo"}');
    expect(() => findSiteProfile(resources, {})).toThrow(SiteProfileError);
    expect(() => findSiteProfile(resources, {})).toThrow(/url: is required/);
  });
});
