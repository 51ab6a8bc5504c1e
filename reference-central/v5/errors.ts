// The v5 error envelope: any non-2xx status with {"error": {"code", "message", "data"}}.
import { ReplyError, json } from '../http-kit';

export function v5Error(status: number, code: string, message: string, data: unknown = null): ReplyError {
  return new ReplyError(json(status, { error: { code, message, data } }));
}

export const badRequest = (message: string): ReplyError => v5Error(400, 'invalid_request', message);
