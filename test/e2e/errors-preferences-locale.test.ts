// End to end, in Chromium against browser mode and a real reference central (demo data): a wrong
// password on the Initialise screen (message, details on the (i) button by hover and by keyboard, Retry),
// the protected preferences (locked, a wrong authorisation code, unlocked with the right one, Check
// connection, the servers table and its dialogs), and the Sync screen in French.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../renderer/src/i18n/en';
import fr from '../../renderer/src/i18n/fr';
import { startCentral, type Central } from '../reference-central/harness';
import { SATELLITE_1 } from '../sync/engine/helpers';
import {
  HAS_CHROMIUM,
  apiValue,
  buildRenderer,
  explainSkip,
  launchChromium,
  openApp,
  pageStrings,
  removeTempDirs,
  screenshot,
  startBrowserMode,
  tempDir,
  waitUntil,
  type BrowserMode,
  type OpenPage,
} from './helpers';

explainSkip('Errors, preferences and French');

const AUTHORISATION_CODE = 'demo-code';
const PASSWORD_HINT = 'Check the site password with the central server administrator.';

let central: Central;
let mode: BrowserMode;
let browser: Browser;
const pages: OpenPage[] = [];

async function open(): Promise<Page> {
  const opened = await openApp(browser, mode);
  pages.push(opened);
  return opened.page;
}

/** Presses Tab until `name`'d button has keyboard focus (at most `presses` times). */
async function tabTo(page: Page, name: string, presses = 10): Promise<void> {
  const target = page.getByRole('button', { name });
  for (let press = 0; press < presses; press += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Tab never reached the "${name}" button`);
}

// ---------------------------------------------------------------------------------------------
// The English strings a French page must not show

type Messages = { [key: string]: string | Messages };

function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') flat.set(`${prefix}${key}`, value);
    else for (const [inner, text] of flatten(value, `${prefix}${key}.`)) flat.set(inner, text);
  }
  return flat;
}

/** The literal pieces of a vue-i18n message: its plural forms, split at `{placeholders}`. */
function literals(message: string): string[] {
  return message
    .split('|')
    .flatMap((form) => form.split(/\{[^}]*\}/))
    .map((piece) => piece.trim())
    .filter((piece) => /\p{L}/u.test(piece) && piece.length >= 3);
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `text` as a whole phrase: not inside a longer word. */
const phrase = (text: string): RegExp =>
  new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(text)}(?![\\p{L}\\p{N}])`, 'u');

/**
 * Every English message that differs from its French translation, as literal phrases; phrases that
 * the French translation of the same message also uses ("minutes.") are left out. Also the strings both
 * languages share ("Satellite Sync", "Sync ID"), which the page text is cleared of before looking.
 */
function englishOnly(): { phrases: Map<string, string>; shared: string[] } {
  const english = flatten(en);
  const french = flatten(fr as Messages);
  const phrases = new Map<string, string>();
  const shared: string[] = [];
  for (const [key, text] of english) {
    const translation = french.get(key);
    if (translation === undefined) throw new Error(`fr.ts has no ${key}`);
    if (translation === text) {
      shared.push(...literals(text));
      continue;
    }
    for (const piece of literals(text)) if (!phrase(piece).test(translation)) phrases.set(piece, key);
  }
  return { phrases, shared: shared.sort((a, b) => b.length - a.length) };
}

/** The English-only phrases the page shows, as `key: "phrase"`. */
async function englishOnPage(page: Page, phrases: Map<string, string>, shared: string[]): Promise<string[]> {
  let text = await pageStrings(page);
  for (const common of shared) text = text.split(common).join(' ');
  return [...phrases]
    .filter(([piece]) => phrase(piece).test(text))
    .map(([piece, key]) => `${key}: "${piece}"`);
}

describe.skipIf(!HAS_CHROMIUM)('Errors, preferences and French in Chromium (browser mode)', () => {
  beforeAll(async () => {
    let rendererDir: string;
    [central, rendererDir] = await Promise.all([startCentral({ demo: true }), buildRenderer()]);
    const dataDir = path.join(tempDir('satellite-e2e-prefs-'), 'data');
    [mode, browser] = await Promise.all([startBrowserMode(dataDir, rendererDir), launchChromium()]);
  }, 90_000);

  afterAll(async () => {
    for (const { context } of pages) await context.close().catch(() => undefined);
    await browser?.close();
    await mode?.stop();
    await central?.dispose();
    removeTempDirs();
  }, 60_000);

  it('a wrong password shows "Incorrect password", with the detail and hint on the i icon (hover and keyboard)', async () => {
    const page = await open();
    await page.getByLabel('Central server URL').fill(central.legacyUrl);
    await page.getByLabel('Site name').fill(SATELLITE_1.siteName);
    await page.getByLabel('Site password').fill(`${SATELLITE_1.password}-wrong`);
    await page.getByLabel('Sync ID').fill(String(SATELLITE_1.syncId));
    await page.getByRole('button', { name: 'Initialise' }).click();

    const alert = page.getByRole('alert').filter({ hasText: 'Incorrect password' });
    await alert.waitFor();
    expect((await alert.innerText()).split('\n')[0]?.trim()).toBe('Incorrect password');
    const details = alert.getByRole('button', { name: 'Error details' });
    const retry = alert.getByRole('button', { name: 'Retry' });
    expect(await retry.isVisible()).toBe(true);
    expect((await apiValue(mode, 'getStatus')).configured).toBe(false);

    // Hover: the hint and the full detail (the request central refused, and its answer).
    // (Vuetify keeps the tooltip's role="tooltip" box in the page while closed: its text shows or not.)
    const tooltip = page.getByRole('tooltip').filter({ hasText: PASSWORD_HINT });
    const hint = tooltip.getByText(PASSWORD_HINT);
    await details.hover();
    await hint.waitFor();
    const shown = await tooltip.innerText();
    expect(shown).toContain(PASSWORD_HINT);
    expect(shown).toContain(`${central.legacyUrl}/sync/v5/site`);
    expect(shown).toMatch(/HTTP 401/);
    expect(shown).toMatch(/password/i);
    await screenshot(page, 'initialise-error');
    await page.getByLabel('Site name').hover();
    await hint.waitFor({ state: 'hidden' });

    // Keyboard: Tab onto the (i) button shows the same.
    await page.getByLabel('Sync ID').focus();
    await tabTo(page, 'Error details');
    await hint.waitFor();
    expect(await tooltip.innerText()).toBe(shown);

    // The right password, Retry: initialised.
    await page.getByLabel('Site password').fill(SATELLITE_1.password);
    await retry.click();
    await page.getByRole('button', { name: 'Sync now' }).waitFor({ timeout: 30_000 });
    await waitUntil('the first sync to succeed', async () => {
      const status = await apiValue(mode, 'getStatus');
      return status.initialised && !status.isSyncing ? status : undefined;
    });
  }, 90_000);

  it('Preferences stay locked for a wrong authorisation code and unlock with the right one', async () => {
    // A fresh data directory has no code: the first one is set without unlocking (as on first run).
    expect(
      await apiValue(mode, 'changeAuthorisationCode', { currentCode: '', newCode: AUTHORISATION_CODE }),
    ).toEqual({ changed: true });
    const page = await open();
    await page.getByRole('link', { name: 'Preferences' }).click();
    const padlock = page.getByRole('button', { name: 'Click to un-lock' });
    await padlock.waitFor();

    const syncId = page.getByRole('textbox', { name: 'Sync ID', exact: true });
    const requestSize = page.getByLabel('Sync request size');
    const nodeClient = page.getByRole('checkbox', { name: 'Use js node HTTP client' });
    const addServer = page.getByRole('button', { name: 'Add server' });
    const removeServer = page.getByRole('button', { name: 'Remove server' });
    const servers = page.getByRole('table', { name: 'Synchronize parameters' });
    const protectedControls = [syncId, requestSize, nodeClient, addServer];
    const disabled = () => Promise.all(protectedControls.map((control) => control.isDisabled()));

    await servers.getByRole('row').filter({ hasText: central.legacyUrl }).first().waitFor();
    expect(await syncId.inputValue()).toBe(String(SATELLITE_1.syncId));
    expect(await disabled()).toEqual([true, true, true, true]);
    expect(await removeServer.isDisabled()).toBe(true);
    expect(await page.getByLabel('Sync time interval (minutes)').isEditable()).toBe(true);
    await screenshot(page, 'preferences-locked');

    // Cancel asks nothing and unlocks nothing.
    await padlock.click();
    const dialog = page.getByRole('dialog');
    // Named by its title, for screen readers.
    await page.getByRole('dialog', { name: 'Authorisation code' }).getByLabel('Authorisation code').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await disabled()).toEqual([true, true, true, true]);

    // A wrong code says so and unlocks nothing.
    await padlock.click();
    await dialog.getByLabel('Authorisation code').fill('not-the-code');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.getByText('Wrong authorisation code: 4 attempts left.').waitFor();
    expect((await apiValue(mode, 'getPreferences')).locked).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await padlock.isVisible()).toBe(true);
    expect(await disabled()).toEqual([true, true, true, true]);

    // The right code unlocks.
    await padlock.click();
    await dialog.getByLabel('Authorisation code').fill(AUTHORISATION_CODE);
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Click to lock' }).waitFor();
    expect(await disabled()).toEqual([false, false, false, false]);
    expect((await apiValue(mode, 'getPreferences')).locked).toBe(false);
    expect(await requestSize.inputValue()).toMatch(/^\d+$/);

    // Check connection: both central servers reachable, credentials and hardware ID accepted.
    await page.getByRole('button', { name: 'Check connection' }).click();
    const report = page.getByRole('table', { name: 'Connection check results' });
    for (const check of [
      'Reachable',
      'Credentials accepted',
      'Hardware ID accepted',
      'API versions compatible',
    ]) {
      const row = report.getByRole('row', { name: new RegExp(`^${check}\\b`) });
      await row.waitFor();
      expect(
        (await row.getByRole('cell').allInnerTexts()).map((cell) => cell.trim()),
        check,
      ).toEqual(['Yes', 'Yes']);
    }

    // The servers table: searchable by Sync ID and user name.
    const search = page.getByRole('searchbox', { name: 'Search sync IDs, user names' });
    const rows = servers.getByRole('row').filter({ hasText: central.legacyUrl });
    expect(await rows.count()).toBeGreaterThanOrEqual(1);
    await search.fill('no-such-site');
    await servers.getByText('No servers').waitFor();
    expect(await rows.count()).toBe(0);
    await search.fill(SATELLITE_1.siteName);
    await rows.first().waitFor();
    await search.fill('');

    // Edit the mSupply central server: the dialog's fields, this machine's hardware ID read-only.
    const info = await apiValue(mode, 'getAppInfo');
    await servers.getByRole('button', { name: `Edit ${SATELLITE_1.siteName}` }).click();
    await dialog.getByLabel('User name').waitFor();
    expect(await dialog.getByLabel('Sync ID').inputValue()).toBe(String(SATELLITE_1.syncId));
    expect(await dialog.getByLabel('User name').inputValue()).toBe(SATELLITE_1.siteName);
    expect(await dialog.getByLabel('Password').inputValue()).toBe('');
    expect(await dialog.getByLabel('URL').inputValue()).toBe(central.legacyUrl);
    expect(await dialog.getByLabel('Hardware ID').inputValue()).toBe(info.hardwareId);
    expect(await dialog.getByLabel('Hardware ID').isEditable()).toBe(false);
    expect(await dialog.getByRole('button', { name: 'Generate sync records' }).isEnabled()).toBe(true);
    expect(await dialog.getByRole('button', { name: 'Retrieve sync records' }).isEnabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Add server: an empty dialog, without the record actions.
    await addServer.click();
    await dialog.getByLabel('User name').waitFor();
    expect(await dialog.getByLabel('URL').inputValue()).toBe('');
    expect(await dialog.getByLabel('Hardware ID').inputValue()).toBe(info.hardwareId);
    expect(await dialog.getByRole('button', { name: 'Generate sync records' }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await removeServer.isDisabled()).toBe(true);
    await screenshot(page, 'preferences-unlocked');
  }, 90_000);

  it('the French locale renders the Sync screen without an English string', async () => {
    const { phrases, shared } = englishOnly();
    expect(phrases.size).toBeGreaterThan(100);
    const page = await open();
    await page.getByRole('button', { name: 'Sync now' }).waitFor();
    // The check itself sees English: in English, the same screen shows plenty of it.
    expect((await englishOnPage(page, phrases, shared)).length).toBeGreaterThan(10);

    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Français' }).click();
    await page.getByRole('button', { name: 'Synchroniser maintenant' }).waitFor();
    await page.getByRole('link', { name: 'Synchronisation' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await page.getByRole('list', { name: 'Progression de la synchronisation' }).waitFor();

    const english = await englishOnPage(page, phrases, shared);
    expect(english).toEqual([]);
    await screenshot(page, 'sync-fr');
  }, 60_000);
});
