// /admin/ routes for the reliability tests: set, list and clear injected faults.
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { CentralContext } from './context';
import { faultRequestSchema } from './faults';
import { json, parseJsonBody, text, type Reply, type RequestContext } from './http-kit';

function hasToken(request: RequestContext, adminToken: string): boolean {
  const given = Buffer.from(String(request.headers['x-admin-token'] ?? ''));
  const expected = Buffer.from(adminToken);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Without the token every /admin/ route is indistinguishable from a route that does not exist. */
export function handleAdmin(central: CentralContext, adminToken: string, request: RequestContext): Reply {
  if (!hasToken(request, adminToken) || request.path !== '/admin/faults') return text(404, 'Not found');
  if (request.method === 'GET') return json(200, { faults: central.faults.list() });
  if (request.method === 'DELETE') {
    central.faults.clear();
    return { status: 204 };
  }
  if (request.method === 'POST') {
    const parsed = faultRequestSchema.safeParse(parseJsonBody(request));
    if (!parsed.success) return json(400, { error: z.prettifyError(parsed.error) });
    return json(201, { id: central.faults.add(parsed.data).id });
  }
  return text(405, 'Method not allowed');
}
