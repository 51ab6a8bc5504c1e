// Turning a response body into checked data, or into a SyncError that shows what came instead.
import { z } from 'zod';
import { SyncError } from '../errors';
import type { HttpResponse } from './http';

const EXCERPT_CHARS = 500;

export function excerpt(text: string): string {
  if (text === '') return '(empty body)';
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text;
}

type JsonResult = { ok: true; value: unknown } | { ok: false; error: string };

/** The response's JSON: parsed once by the transport when it could, else parsed here. */
export function jsonOf(response: HttpResponse): JsonResult {
  return response.json !== undefined ? { ok: true, value: response.json } : parseJson(response.text);
}

export function parseJson(text: string): JsonResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

/** Validates `value` (from `response`) against `schema`; a mismatch is UNKNOWN with the issue and the text. */
export function decode<T>(schema: z.ZodType<T>, value: unknown, response: HttpResponse, label: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new SyncError(
    'UNKNOWN',
    `${label} → HTTP ${response.status}: unexpected response (${z.prettifyError(parsed.error)}): ${excerpt(response.text)}`,
  );
}

/** Parses and validates a JSON body. */
export function decodeJson<T>(schema: z.ZodType<T>, response: HttpResponse, label: string): T {
  const json = jsonOf(response);
  if (!json.ok) {
    throw new SyncError(
      'UNKNOWN',
      `${label} → HTTP ${response.status}: response is not JSON (${json.error}): ${excerpt(response.text)}`,
    );
  }
  return decode(schema, json.value, response, label);
}
