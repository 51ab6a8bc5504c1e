// The renderer is served from a custom `app://satellite-sync` scheme rather than `file:`: the page
// gets a real origin (so 'self' in the CSP and the IPC sender check mean exactly our files), and
// only files under dist/renderer can be reached.
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { APP_ENTRY_URL, APP_HOST, APP_SCHEME } from './app-origin';
import { withContentSecurityPolicy } from './security/content-security-policy';

/**
 * Must run before `ready`: a standard, secure scheme behaves like https for the page (a real origin,
 * module scripts, storage). Not `corsEnabled`: that would let other origins read app:// responses
 * (electron/electron#52912); the page only loads its own files, same-origin.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function setupAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveRendererFile(request.url, rendererDir));
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

function respond(
  status: number,
  body: Uint8Array<ArrayBuffer> | string,
  contentType = 'text/plain; charset=utf-8',
): Response {
  return new Response(body, {
    status,
    headers: withContentSecurityPolicy({ 'Content-Type': contentType, 'X-Content-Type-Options': 'nosniff' }),
  });
}

/** The file a request asks for, or null when it points outside the renderer directory. */
export function resolveRendererFile(url: string, rendererDir: string): string | null {
  let pathname: string;
  try {
    const parsed = new URL(url);
    if (parsed.host !== APP_HOST) return null;
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${path.posix.normalize(`/${pathname}`)}`);
  const relative = path.relative(root, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return relative === '' ? path.join(root, 'index.html') : file;
}

export async function serveRendererFile(url: string, rendererDir: string): Promise<Response> {
  const file = resolveRendererFile(url, rendererDir);
  if (!file) return respond(404, 'Not found');
  const body = await readFile(file).catch(() => null);
  if (body) return respond(200, new Uint8Array(body), CONTENT_TYPES[path.extname(file).toLowerCase()]);
  // A client-side route (no extension) gets the app; a missing asset is a plain 404.
  if (path.extname(file) === '') return serveRendererFile(APP_ENTRY_URL, rendererDir);
  return respond(404, 'Not found');
}
