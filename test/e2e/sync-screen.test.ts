// End to end, in Chromium against browser mode and a real reference central (demo data): the first run
// (Initialise, the initialisation stepper up to Integrate, the Sync screen's counts and last sync), the
// QR code of the server address, interval 0 (paused notice), a local change pushed by Sync now, and
// the Sync history and Integration problems screens.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLocalDatabase } from '../../src-main/db/data-source';
import { readLocalRecord, saveLocalRecord } from '../../src-main/local-records';
import { StockLineEntity, type StockLine } from '../../src-main/translators/tables/item-line';
import { addFault, clearFaults, startCentral, type Central } from '../reference-central/harness';
import { SATELLITE_1, centralRecord } from '../sync/engine/helpers';
import {
  HAS_CHROMIUM,
  apiValue,
  buildRenderer,
  decodeQrImage,
  explainSkip,
  hasFocusWithin,
  launchChromium,
  openApp,
  readSteps,
  recordSteps,
  recordedSteps,
  waitForRecordedStep,
  removeTempDirs,
  screenshot,
  stepDescription,
  tempDir,
  waitForApiIdle,
  waitUntil,
  type BrowserMode,
  type OpenPage,
  startBrowserMode,
} from './helpers';

explainSkip('Sync screen');

const INITIALISATION_STEPS = ['Prepare', 'Pull central', 'Pull remote', 'Pull V6', 'Integrate'];
const PAUSED_NOTICE = 'Automatic sync is paused (the sync time interval is 0). Sync now still works.';
const OPERATIONAL_STEPS = ['Push V6', 'Push', 'Pull central', 'Pull remote', 'Pull V6', 'Integrate'];
/** The app's 'dateTime' format (renderer/src/i18n/index.ts) in English, in the browser's time zone (UTC). */
const DATE_TIME = new Intl.DateTimeFormat('en', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

let central: Central;
let rendererDir: string;
let dataDir: string;
let mode: BrowserMode;
let browser: Browser;
const pages: OpenPage[] = [];

async function open(): Promise<Page> {
  const opened = await openApp(browser, mode);
  pages.push(opened);
  return opened.page;
}

/** The value shown beside a label of the Sync screen's summary ("Records waiting to be pushed", …). */
function summaryValue(page: Page, label: string): Promise<string> {
  return page
    .getByRole('listitem')
    .filter({ hasText: new RegExp(`^\\s*${label}`) })
    .first()
    .innerText()
    .then((text) => text.replace(label, '').trim());
}

describe.skipIf(!HAS_CHROMIUM)('Sync screen in Chromium (browser mode, reference central)', () => {
  beforeAll(async () => {
    [central, rendererDir] = await Promise.all([startCentral({ demo: true }), buildRenderer()]);
    dataDir = path.join(tempDir('satellite-e2e-sync-'), 'data');
    [mode, browser] = await Promise.all([startBrowserMode(dataDir, rendererDir), launchChromium()]);
  }, 90_000);

  afterAll(async () => {
    for (const { context } of pages) await context.close().catch(() => undefined);
    await browser?.close();
    await mode?.stop();
    await central?.dispose();
    removeTempDirs();
  }, 60_000);

  it('first run: Initialise runs the initialisation stepper to Integrate, then the Sync screen shows counts and the last sync', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'Initialise' }).waitFor();
    await page.getByLabel('Central server URL').fill(central.legacyUrl);
    await page.getByLabel('Site name').fill(SATELLITE_1.siteName);
    await page.getByLabel('Site password').fill(SATELLITE_1.password);
    await page.getByLabel('Sync ID').fill(String(SATELLITE_1.syncId));
    await recordSteps(page, '#/initialise');
    // The remote queue answers slowly once, so the stepper is caught part-way for the screenshot.
    await addFault(central, { route: '/sync/v5/queued_records', method: 'GET', kind: 'latency', ms: 3000 });
    await page.getByRole('button', { name: 'Initialise' }).click();

    const stepper = page.getByRole('list', { name: 'Sync progress' });
    await stepper.waitFor();
    expect((await readSteps(page)).map((step) => step.name)).toEqual(INITIALISATION_STEPS);
    await waitForRecordedStep(page, 'Pull remote', /in progress$/);
    expect(await page.getByLabel('Site password').isDisabled()).toBe(true);
    await screenshot(page, 'initialise');

    // The first sync ends: the Sync screen replaces the Initialise screen.
    await page.getByRole('button', { name: 'Sync now' }).waitFor({ timeout: 30_000 });
    expect(page.url()).toMatch(/#\/sync$/);
    const seen = await recordedSteps(page);
    expect(seen['Prepare'], JSON.stringify(seen)).toContain('done');
    // Integrate was seen to move on live (most records integrate ahead of it, so it may be brief).
    expect(seen['Integrate']?.[0], JSON.stringify(seen)).toBe('not started');
    expect(
      seen['Integrate']?.some((text) => /^\d+ \/ \d+ done$/.test(text)),
      JSON.stringify(seen),
    ).toBe(true);

    const status = await apiValue(mode, 'getStatus');
    expect(status).toMatchObject({ initialised: true, isSyncing: false, lastRun: { outcome: 'succeeded' } });
    const steps = await waitUntil('the finished initialisation on the Sync screen', async () => {
      const shown = await readSteps(page);
      return shown.at(-1)?.description.endsWith('done') ? shown : undefined;
    });
    expect(steps.map((step) => step.name)).toEqual(INITIALISATION_STEPS);
    expect(steps[0]?.description).toBe('done');
    for (const step of steps.slice(1)) {
      const [, done, total] = /^(\d+) \/ (\d+) done$/.exec(step.description) ?? [];
      expect(Number(total), `${step.name}: ${step.description}`).toBeGreaterThan(0);
      expect(done, `${step.name}: ${step.description}`).toBe(total);
      const run = status.lastRun?.steps.find((candidate) => candidate.step === stepKey(step.name));
      expect(`${done} / ${total}`).toBe(`${run?.done} / ${run?.total}`);
    }
    expect(await summaryValue(page, 'Records waiting to be pushed')).toBe('no records');
    // When the run ended (it may have begun a minute earlier).
    const ended = DATE_TIME.format(new Date(status.lastRun?.finishedAt ?? 0));
    expect(await summaryValue(page, 'Last sync')).toBe(`${ended} · succeeded`);
    expect(await summaryValue(page, 'Last successful sync')).toMatch(
      new RegExp(`\\(completed in \\d+ seconds?\\)$`),
    );
    await page.getByRole('link', { name: 'Sync' }).waitFor();
    await screenshot(page, 'sync');
  }, 90_000);

  it('shows the server address and a QR code that decodes to it, enlarged on click', async () => {
    const page = await open();
    const qrButton = page.getByRole('button', { name: 'Server address QR code' });
    await qrButton.waitFor();
    const shownUrl = page.getByText(mode.origin, { exact: true });
    expect(await shownUrl.innerText()).toBe(mode.origin);
    const thumbnail = qrButton.locator('img');
    await thumbnail.waitFor();
    expect(await thumbnail.getAttribute('src')).toMatch(/^data:image\//);
    expect(await decodeQrImage(thumbnail)).toBe(mode.origin);

    await qrButton.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const large = dialog.getByRole('img', { name: `QR code of ${mode.origin}` });
    await large.waitFor();
    expect(await decodeQrImage(large)).toBe(mode.origin);
    expect(await dialog.getByText(mode.origin, { exact: true }).isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Pressing the code (keyboard) opens it too.
    await qrButton.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    await waitUntil('focus in the dialog', async () =>
      (await hasFocusWithin(page.getByRole('dialog'))) ? true : undefined,
    );
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
  }, 60_000);

  it('interval 0 (set in Preferences while locked) shows the paused notice on the Sync screen', async () => {
    const page = await open();
    await page.getByRole('link', { name: 'Preferences' }).click();
    await page.getByRole('button', { name: 'Click to un-lock' }).waitFor();
    // The form is reset whenever preferences (re)load, typed values included: let the loads land first.
    await waitForApiIdle(page);
    const interval = page.getByLabel('Sync time interval (minutes)');
    expect(await interval.isEditable()).toBe(true);
    expect(await page.getByLabel('Sync request size').isDisabled()).toBe(true);
    await interval.fill('0');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    expect(await interval.inputValue()).toBe('0');
    expect((await apiValue(mode, 'getPreferences')).intervalMinutes).toBe(0);

    await page.getByRole('link', { name: 'Sync' }).click();
    const notice = page.getByText(
      'Automatic sync is paused (the sync time interval is 0). Sync now still works.',
    );
    await notice.waitFor();
    expect(await page.getByText(/Automatic sync every/).count()).toBe(0);
    expect((await apiValue(mode, 'getStatus')).paused).toBe(true);
    // Its link goes to the interval setting.
    await page.getByRole('link', { name: 'Change the interval' }).click();
    await waitUntil('the interval field to have focus', async () =>
      (await interval.evaluate((element) => element === document.activeElement)) ? true : undefined,
    );
  }, 60_000);

  it('Sync now still works while paused, and its spinner stops when the run ends', async () => {
    await apiValue(mode, 'setSyncInterval', { minutes: 0 });
    const page = await open();
    await page.getByText(PAUSED_NOTICE).waitFor();
    const before = await apiValue(mode, 'getStatus');
    const syncNow = page.getByRole('button', { name: 'Sync now' });
    await addFault(central, { route: '/sync/v5/queued_records', method: 'GET', kind: 'latency', ms: 1000 });
    await syncNow.click();
    await page.getByRole('status').filter({ hasText: 'Syncing…' }).waitFor();

    const after = await waitUntil('the run to end', async () => {
      const status = await apiValue(mode, 'getStatus');
      return !status.isSyncing && (status.lastRun?.id ?? 0) > (before.lastRun?.id ?? 0) ? status : undefined;
    });
    expect(after.lastRun?.outcome).toBe('succeeded');
    await page
      .getByRole('status')
      .filter({ hasText: 'Syncing…' })
      .waitFor({ state: 'hidden', timeout: 5_000 })
      .catch(() => {
        throw new Error('The Sync screen still shows "Syncing…" 5 s after the run ended (while paused)');
      });
    expect(await syncNow.getByRole('progressbar').count()).toBe(0);
    expect(await page.getByText(PAUSED_NOTICE).isVisible()).toBe(true);
  }, 60_000);

  it('a local change shows "1 record" waiting, and Sync now pushes it to central', async () => {
    // Paused, so the restart below does not sync by itself (idempotent if the previous test set it).
    await apiValue(mode, 'setSyncInterval', { minutes: 0 });
    for (const { context } of pages.splice(0)) await context.close();
    await mode.stop();

    // One local edit in the app's own database, through the app's own code, while it is stopped.
    const db = await openLocalDatabase(dataDir);
    const note = `e2e ${randomUUID()}`;
    let line: StockLine;
    try {
      const [first] = await db.dataSource
        .getRepository(StockLineEntity)
        .find({ where: { storeId: SATELLITE_1.storeId }, order: { id: 'ASC' }, take: 1 });
      if (!first) throw new Error('satellite-1 has no stock line');
      line = first;
      await saveLocalRecord(db, 'item_line', { ...line, note } as StockLine);
      expect(await readLocalRecord(db, 'item_line', line.id)).toMatchObject({ note });
    } finally {
      await db.close();
    }
    expect((await centralRecord(central, 'item_line', line.id))?.note).not.toBe(note);

    mode = await startBrowserMode(dataDir, rendererDir);
    const page = await open();
    const syncNow = page.getByRole('button', { name: 'Sync now' });
    await syncNow.waitFor();
    await expect.poll(() => summaryValue(page, 'Records waiting to be pushed')).toBe('1 record');
    const syncLink = page.getByRole('link', { name: 'Sync' });
    const described = await syncLink.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${described}"]`).textContent()).toBe('1 record waiting to be pushed');
    // Automatic sync back on (the next automatic run is an interval away): the run below is Sync now's.
    await apiValue(mode, 'setSyncInterval', { minutes: 10 });
    await page.getByText('Automatic sync every 10 minutes.').waitFor();

    // Central takes a moment to accept the push, so the spinner is seen.
    await addFault(central, { route: '/sync/v5/queued_records', method: 'POST', kind: 'latency', ms: 1500 });
    await recordSteps(page, '#/sync');
    await syncNow.click();
    await syncNow.getByRole('progressbar').waitFor();
    await page.getByRole('status').filter({ hasText: 'Syncing…' }).waitFor();
    // The stepper shows this run's steps, with Push at work (and its total known) while central is
    // slow to answer.
    await waitForRecordedStep(page, 'Push', /^0 \/ 1 in progress$/);
    expect((await readSteps(page)).map((step) => step.name)).toEqual(OPERATIONAL_STEPS);

    await page
      .getByRole('status')
      .filter({ hasText: 'Syncing…' })
      .waitFor({ state: 'hidden', timeout: 15_000 });
    await syncNow.getByRole('progressbar').waitFor({ state: 'hidden' });
    await expect.poll(() => summaryValue(page, 'Records waiting to be pushed')).toBe('no records');
    expect(await stepDescription(page, 'Push')).toBe('1 / 1 done');
    expect(await summaryValue(page, 'Last sync')).toMatch(/· succeeded$/);
    expect(await centralRecord(central, 'item_line', line.id)).toMatchObject({ ID: line.id, note });
    await clearFaults(central);
  }, 90_000);

  it('shows the Sync history and Integration problems screens', async () => {
    const page = await open();
    await page.getByRole('link', { name: 'History' }).click();
    await page.getByRole('heading', { name: 'Sync history' }).waitFor();
    const history = page.getByRole('table', { name: 'Sync history' });
    await history.getByRole('row').filter({ hasText: 'Initialisation' }).waitFor();
    const runs = history.getByRole('row').filter({ hasText: 'succeeded' });
    expect(await runs.count()).toBeGreaterThanOrEqual(2);
    expect(
      await history
        .getByRole('row')
        .filter({ hasText: /Push 1\b/ })
        .count(),
    ).toBe(1);
    await screenshot(page, 'sync-history');

    await page.getByRole('link', { name: 'Problems' }).click();
    await page.getByRole('heading', { name: 'Integration problems' }).waitFor();
    const problems = await apiValue(mode, 'listIntegrationProblems');
    const table = page.getByRole('table', { name: 'Integration problems' });
    await table.waitFor();
    if (problems.length === 0) await table.getByText('No integration problems.').waitFor();
    else expect(await table.getByRole('row').count()).toBe(problems.length + 1);
    await screenshot(page, 'integration-problems');
  }, 60_000);
});

function stepKey(name: string): string {
  return {
    Prepare: 'prepare',
    'Push V6': 'pushV6',
    Push: 'push',
    'Pull central': 'pullCentral',
    'Pull remote': 'pullRemote',
    'Pull V6': 'pullV6',
    Integrate: 'integrate',
  }[name] as string;
}
