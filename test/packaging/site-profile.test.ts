// The site-profile schema (PRODUCT.md §8) and the demo profile.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppServiceOptions } from '../../src-main/app/app-service';
import { verifyAuthorisationCode } from '../../src-main/settings/authorisation-code';
import {
  SiteProfileError,
  loadSiteProfile,
  parseSiteProfile,
  siteProfileFile,
  siteProfileView,
  type SiteProfileInput,
} from '../../src-main/site-profile';

const demoFile = path.resolve('resources/sites/demo.json');
const demo = loadSiteProfile(demoFile, 'demo');
const valid: SiteProfileInput = {
  code: 'north-1',
  displayName: 'North district store',
  url: 'https://central.example.org',
  siteName: 'north-1',
  syncId: 12,
  authorisationCodeHash: demo.authorisationCodeHash,
};

function problems(input: unknown): string[] {
  try {
    parseSiteProfile(input, 'test.json');
  } catch (error) {
    if (error instanceof SiteProfileError) return error.problems;
    throw error;
  }
  return [];
}

describe('the demo site profile', () => {
  it('is satellite-1 on the local reference central', () => {
    expect(siteProfileFile('demo', path.resolve('.'))).toBe(demoFile);
    expect(demo).toMatchObject({
      code: 'demo',
      url: 'http://127.0.0.1:2048',
      siteName: 'satellite-1',
      syncId: 2,
    });
    expect(demo.passwordSha256).toBeUndefined();
  });

  it('carries the hash of the authorisation code demo-code', async () => {
    expect(await verifyAuthorisationCode('demo-code', demo.authorisationCodeHash)).toBe(true);
    expect(await verifyAuthorisationCode('Demo-code', demo.authorisationCodeHash)).toBe(false);
  });

  it('is what the application service takes', () => {
    const options: AppServiceOptions = { dataDir: '/tmp/x', mode: 'electron', siteProfile: demo };
    expect(options.siteProfile?.code).toBe('demo');
  });
});

describe('a site profile', () => {
  it('gets the default interval and request size', () => {
    expect(parseSiteProfile(valid, 'x')).toMatchObject({ intervalMinutes: 10, requestSize: 500 });
  });

  it('keeps pinned certificate fingerprints in one form', () => {
    const hex = 'ab'.repeat(32);
    const profile = parseSiteProfile(
      { ...valid, pinnedCertificates: [hex, hex.toUpperCase().match(/../g)?.join(':')] },
      'x',
    );
    expect(profile.pinnedCertificates).toEqual([
      Array(32).fill('AB').join(':'),
      Array(32).fill('AB').join(':'),
    ]);
    expect(problems({ ...valid, pinnedCertificates: ['ab:cd'] })).toEqual([
      'pinnedCertificates.0: must be a SHA-256 fingerprint (64 hex digits, colons allowed)',
    ]);
  });

  it('carries the site password only as its SHA-256, and only when given', () => {
    const sha = '5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8';
    expect(parseSiteProfile({ ...valid, passwordSha256: sha }, 'x').passwordSha256).toBe(sha);
    expect(problems({ ...valid, passwordSha256: 'password' })).toEqual([
      'passwordSha256: must be the lowercase hex SHA-256 of the site password',
    ]);
    expect(problems({ ...valid, password: 'password' })).toEqual([
      'password: a site profile never carries a clear-text password; to bake it in, give its SHA-256 as passwordSha256',
    ]);
  });

  it('lists every problem, each with its field', () => {
    expect(
      problems({ code: 'North 1', url: 'ftp://x', syncId: 1, authorisationCodeHash: 'demo-code', extra: 1 }),
    ).toEqual([
      'code: must be 1-40 lowercase letters, digits or dashes',
      'displayName: is required',
      'url: must be an http(s) URL',
      'siteName: is required',
      'syncId: must be greater than 1 (1 is the central server)',
      'authorisationCodeHash: must be an scrypt$N$r$p$salt$hash as made by hashAuthorisationCode',
      '(profile): Unrecognized key: "extra"',
    ]);
  });

  it('shows the renderer no hash', () => {
    const view = siteProfileView(parseSiteProfile({ ...valid, passwordSha256: 'a'.repeat(64) }, 'x'));
    expect(view).toEqual({
      code: 'north-1',
      displayName: 'North district store',
      url: 'https://central.example.org',
      siteName: 'north-1',
      syncId: 12,
    });
  });

  it('names the file in its error', () => {
    expect(() => parseSiteProfile({}, 'resources/sites/x.json')).toThrow(
      /^Site profile resources\/sites\/x\.json is not valid:\n/,
    );
  });
});
