import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { protocol, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { registerAppScheme, serveRendererFile, setupAppProtocol } =
  await import('../../electron/app-protocol');
const { APP_ENTRY_URL, isAppUrl } = await import('../../electron/app-origin');
const { CONTENT_SECURITY_POLICY } = await import('../../electron/security/content-security-policy');

let rendererDir: string;

beforeAll(() => {
  const root = mkdtempSync(path.join(tmpdir(), 'satellite-sync-protocol-'));
  rendererDir = path.join(root, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Satellite Sync</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  // Something next to the renderer that must never be served.
  writeFileSync(path.join(root, 'secret.txt'), 'not for the page');
});

describe('the app:// protocol', () => {
  beforeEach(resetFakeElectron);

  it('is registered as a standard, secure scheme before ready and handled once ready', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    setupAppProtocol(rendererDir);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('recognises only its own host as the app', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://satellite-sync/assets/app.js')).toBe(true);
    expect(isAppUrl('app://elsewhere/index.html')).toBe(false);
    expect(isAppUrl('https://satellite-sync/index.html')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('serves the renderer with its content type and the CSP', async () => {
    const page = await serveRendererFile(APP_ENTRY_URL, rendererDir);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Satellite Sync</title>');
    const script = await serveRendererFile('app://satellite-sync/assets/app.js', rendererDir);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers the bare origin and client-side routes with the app', async () => {
    expect(await (await serveRendererFile('app://satellite-sync/', rendererDir)).text()).toContain('<title>');
    expect(await (await serveRendererFile('app://satellite-sync/preferences', rendererDir)).text()).toContain(
      '<title>',
    );
  });

  it('never serves anything outside the renderer directory', async () => {
    for (const url of [
      'app://satellite-sync/%2e%2e/secret.txt',
      'app://satellite-sync/..%2fsecret.txt',
      'app://satellite-sync/assets/%2e%2e/%2e%2e/secret.txt',
      'app://other-host/index.html',
      'app://satellite-sync/missing.js',
      'app://satellite-sync/%E0%A4%A',
    ]) {
      const response = await serveRendererFile(url, rendererDir);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('not for the page');
    }
  });
});
