// Shared by the end-to-end suites: the renderer built into a temporary folder, the app in browser mode
// as a child process (`scripts/start-browser.ts`, exactly as a user starts it), its HTTP API, Debian's
// Chromium driven by playwright-core with a fresh profile, and screenshots under test-results/e2e/.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type {
  OperationInput,
  OperationName,
  OperationResults,
  Outcome,
} from '../../src-main/contract/operations';
import { REPO_ROOT } from '../reference-central/harness';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const VITE = path.join(REPO_ROOT, 'node_modules', '.bin', 'vite');
const START_BROWSER = path.join(REPO_ROOT, 'scripts', 'start-browser.ts');
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'e2e');

/** The end-to-end suites need a real Chromium; without one they are skipped, and say why. */
export function explainSkip(suite: string): void {
  if (!HAS_CHROMIUM) {
    console.log(
      `Skipping the end-to-end suite "${suite}": ${CHROMIUM_PATH} is missing ` +
        '(install Debian\'s Chromium with "apt-get install chromium"; CI does).',
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Temporary folders

const directories: string[] = [];

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  directories.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of directories.splice(0)) rmSync(dir, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// Child processes

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${output}`)),
    );
  });
}

/** Builds the current renderer sources (as `npm run build:renderer` does) into a fresh folder. */
export async function buildRenderer(): Promise<string> {
  const outDir = path.join(tempDir('satellite-e2e-renderer-'), 'renderer');
  await run(VITE, [
    'build',
    '--config',
    path.join(REPO_ROOT, 'renderer', 'vite.config.ts'),
    '--outDir',
    outDir,
    '--emptyOutDir',
    '--logLevel',
    'warn',
  ]);
  return outDir;
}

export interface BrowserMode {
  /** What the user opens: the origin with `?token=`. */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  stderr(): string;
  /** SIGTERM, then waits for the process to end. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

/**
 * Signals the child's whole process group: tsx runs the script in a grandchild process, which a
 * SIGKILL of tsx alone would leave running.
 */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

process.on('exit', () => {
  for (const child of running) signalGroup(child, 'SIGKILL');
});

/** `tsx scripts/start-browser.ts --data-dir <dataDir> --renderer-dir <rendererDir>`; resolves once it listens. */
export function startBrowserMode(dataDir: string, rendererDir: string): Promise<BrowserMode> {
  const child = spawn(TSX, [START_BROWSER, '--data-dir', dataDir, '--renderer-dir', rendererDir], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group (see signalGroup)
  });
  running.add(child);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      running.delete(child);
      resolve();
    }),
  );
  let stdout = '';
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const killer = setTimeout(() => signalGroup(child, 'SIGKILL'), 10_000);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(killer);
    }
  };
  return new Promise((resolve, reject) => {
    const fail = (why: string): void => {
      clearTimeout(timer);
      signalGroup(child, 'SIGKILL');
      reject(new Error(`browser mode did not start: ${why}\nstderr: ${stderr}`));
    };
    const timer = setTimeout(() => fail('no listening line within 30 s'), 30_000);
    child.once('error', (error) => fail(error.message));
    const exitedEarly = (code: number | null): void => fail(`exited (${code}) before listening`);
    child.once('exit', exitedEarly);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      if (stdout.includes('\n')) return;
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(timer);
      child.off('exit', exitedEarly);
      try {
        const line = JSON.parse(stdout.slice(0, newline)) as { event: string; url: string };
        if (line.event !== 'listening') throw new Error(`unexpected event ${line.event}`);
        const url = new URL(line.url);
        resolve({
          url: line.url,
          origin: url.origin,
          token: url.searchParams.get('token') ?? '',
          dataDir,
          stderr: () => stderr,
          stop,
        });
      } catch (error) {
        fail(`unexpected first stdout line ${stdout.slice(0, newline)}: ${String(error)}`);
      }
    });
  });
}

/** One operation of the contract over browser mode's HTTP API (with the token); returns the Outcome. */
export async function callApi<Name extends OperationName>(
  mode: BrowserMode,
  name: Name,
  input: OperationInput<Name> | Record<string, never> = {},
): Promise<Outcome<OperationResults[Name]>> {
  const response = await fetch(`${mode.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-satellite-sync-token': mode.token },
    body: JSON.stringify(input),
  });
  if (response.status !== 200) throw new Error(`${name} answered HTTP ${response.status}`);
  return (await response.json()) as Outcome<OperationResults[Name]>;
}

/** The value of an operation that must succeed. */
export async function apiValue<Name extends OperationName>(
  mode: BrowserMode,
  name: Name,
  input: OperationInput<Name> | Record<string, never> = {},
): Promise<OperationResults[Name]> {
  const outcome = await callApi(mode, name, input);
  if (!outcome.ok) throw new Error(`${name} failed: ${JSON.stringify(outcome.error)}`);
  return outcome.value;
}

// ---------------------------------------------------------------------------------------------
// Chromium

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export interface OpenPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors, for the failure message. */
  problems: string[];
}

/** A new context (its own storage) in English, and the app opened at `mode.url`. */
export async function openApp(browser: Browser, mode: BrowserMode): Promise<OpenPage> {
  const context = await browser.newContext({
    locale: 'en-GB',
    timezoneId: 'UTC',
    viewport: { width: 1280, height: 900 },
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  trackApiCalls(page);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.goto(mode.url);
  return { context, page, problems };
}

const apiCalls = new WeakMap<Page, { inFlight: Set<unknown>; lastChange: number }>();

/** Counts the page's API calls in flight (the event stream aside). */
function trackApiCalls(page: Page): void {
  const calls = { inFlight: new Set<unknown>(), lastChange: Date.now() };
  apiCalls.set(page, calls);
  const isCall = (url: string): boolean => url.includes('/api/') && !url.includes('/api/events');
  page.on('request', (request) => {
    if (!isCall(request.url())) return;
    calls.inFlight.add(request);
    calls.lastChange = Date.now();
  });
  const done = (request: { url(): string }): void => {
    if (!calls.inFlight.delete(request)) return;
    calls.lastChange = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
}

/** Waits until the page has had no API call in flight for `quietMs` (e.g. a screen's loads are in). */
export async function waitForApiIdle(page: Page, quietMs = 300): Promise<void> {
  const calls = apiCalls.get(page);
  if (!calls) throw new Error('page not opened with openApp');
  await waitUntil('the page API calls to settle', async () =>
    calls.inFlight.size === 0 && Date.now() - calls.lastChange >= quietMs ? true : undefined,
  );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // From the top: a full-page capture of a scrolled page draws the fixed app bar part-way down.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

// ---------------------------------------------------------------------------------------------
// Reading the page

export interface StepText {
  /** The step's accessible name ("Pull central"). */
  name: string;
  /** Its accessible description: "127 / 127 done", "not started", … */
  description: string;
}

/** The steps of the stepper (the list named `listName`), each with its accessible description. */
export function readSteps(page: Page, listName = 'Sync progress'): Promise<StepText[]> {
  return page.getByRole('list', { name: listName }).evaluate((list) =>
    Array.from(list.querySelectorAll('[role="listitem"]')).map((item) => {
      const texts: string[] = [];
      for (const id of (item.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean)) {
        const described = document.getElementById(id);
        if (!described) continue;
        const walker = document.createTreeWalker(described, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = (node.textContent ?? '').trim();
          if (text) texts.push(text);
        }
      }
      return { name: item.getAttribute('aria-label') ?? '', description: texts.join(' ') };
    }),
  );
}

/** One step's description, or undefined when the stepper does not show that step. */
export async function stepDescription(
  page: Page,
  step: string,
  listName?: string,
): Promise<string | undefined> {
  const steps = await readSteps(page, listName).catch(() => []);
  return steps.find((candidate) => candidate.name === step)?.description;
}

type StepRecord = { e2eSteps?: Record<string, string[]>; e2eObserver?: MutationObserver };

/**
 * Records, from now on, every description each step of the stepper shows while the route (location
 * hash) starts with `route`, however briefly (a MutationObserver in the page), so a step that passes
 * quickly is still seen. A new call starts a new record.
 */
export async function recordSteps(page: Page, route: string): Promise<void> {
  await page.evaluate((hash) => {
    const state = window as unknown as StepRecord;
    state.e2eObserver?.disconnect();
    const seen: Record<string, string[]> = {};
    state.e2eSteps = seen;
    // (No named functions in here: a bundler's name helpers do not exist in the page.)
    state.e2eObserver = new MutationObserver(() => {
      if (!location.hash.startsWith(hash)) return;
      const lists = Array.from(document.querySelectorAll('[role="list"][aria-label="Sync progress"]'));
      for (const item of lists.flatMap((list) => Array.from(list.querySelectorAll('[role="listitem"]')))) {
        const texts: string[] = [];
        for (const id of (item.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean)) {
          const described = document.getElementById(id);
          if (!described) continue;
          const walker = document.createTreeWalker(described, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = (node.textContent ?? '').trim();
            if (text) texts.push(text);
          }
        }
        const description = texts.join(' ');
        const history = (seen[item.getAttribute('aria-label') ?? ''] ??= []);
        if (history.at(-1) !== description) history.push(description);
      }
    });
    state.e2eObserver.observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  }, route);
}

/** What recordSteps has seen: step name → the descriptions it showed, in order. */
export function recordedSteps(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => (window as unknown as StepRecord).e2eSteps ?? {});
}

/** Waits until the recorded descriptions of `step` include one matching `pattern`. */
export async function waitForRecordedStep(page: Page, step: string, pattern: RegExp): Promise<void> {
  await waitUntil(`${step} to show ${pattern}`, async () =>
    (await recordedSteps(page))[step]?.some((text) => pattern.test(text)) ? true : undefined,
  ).catch(async (error: Error) => {
    throw new Error(`${error.message}; seen: ${JSON.stringify(await recordedSteps(page))}`);
  });
}

/**
 * Draws an <img> onto a white canvas of `size` pixels in the page, thresholds it to black and white
 * there (one character per pixel keeps the transfer small) and decodes the QR code with jsQR in Node.
 */
export async function decodeQrImage(image: Locator, size = 400): Promise<string | null> {
  const pixels = await image.evaluate(async (element, side) => {
    const source = new Image();
    source.src = (element as HTMLImageElement).src;
    await source.decode();
    const canvas = document.createElement('canvas');
    canvas.width = side;
    canvas.height = side;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, side, side);
    context.imageSmoothingEnabled = false;
    context.drawImage(source, 0, 0, side, side);
    const { data } = context.getImageData(0, 0, side, side);
    let text = '';
    for (let index = 0; index < data.length; index += 4) {
      text += (data[index] ?? 0) + (data[index + 1] ?? 0) + (data[index + 2] ?? 0) < 384 ? '1' : '0';
    }
    return text;
  }, size);
  const rgba = new Uint8ClampedArray(size * size * 4);
  for (let pixel = 0; pixel < size * size; pixel += 1) {
    const value = pixels[pixel] === '1' ? 0 : 255;
    rgba.fill(value, pixel * 4, pixel * 4 + 3);
    rgba[pixel * 4 + 3] = 255;
  }
  return jsQR(rgba, size, size)?.data ?? null;
}

/** Whether keyboard focus is inside `container`. */
export function hasFocusWithin(container: Locator): Promise<boolean> {
  return container.evaluate((element) => element.contains(document.activeElement));
}

/** Everything the page says: its text (visible or for screen readers), title and text attributes. */
export function pageStrings(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [document.title, document.body.innerText];
    for (const element of Array.from(
      document.querySelectorAll('[aria-label], [title], [alt], [placeholder]'),
    )) {
      for (const attribute of ['aria-label', 'title', 'alt', 'placeholder']) {
        const value = element.getAttribute(attribute);
        if (value) parts.push(value);
      }
    }
    return parts.join('\n');
  });
}

/** Polls `read` until it returns something that is not undefined; throws with `what` after the timeout. */
export async function waitUntil<T>(
  what: string,
  read: () => Promise<T | undefined>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
