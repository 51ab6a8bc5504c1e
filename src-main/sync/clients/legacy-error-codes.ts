// The mSupply central's (v5) error codes that have a code of ours; any other code is UNKNOWN.
import type { SyncErrorCode } from '../errors';

const LEGACY_ERROR_CODES: Readonly<Record<string, SyncErrorCode>> = {
  site_name_not_found: 'SITE_NAME_NOT_FOUND',
  site_incorrect_password: 'INCORRECT_PASSWORD',
  site_incorrect_hardware_id: 'HARDWARE_ID_MISMATCH',
  site_has_no_store: 'SITE_HAS_NO_STORE',
  site_auth_timeout: 'SITE_AUTH_TIMEOUT',
  api_version_incompatible: 'API_VERSION_INCOMPATIBLE',
};

export function syncCodeOfLegacyCode(code: string): SyncErrorCode {
  return Object.hasOwn(LEGACY_ERROR_CODES, code) ? (LEGACY_ERROR_CODES[code] as SyncErrorCode) : 'UNKNOWN';
}

/** The code of the first legacy error named in a text (the Open mSupply central wraps them in prose). */
export function syncCodeInText(text: string): SyncErrorCode {
  const named = /\b(site_[a-z_]+|api_version_incompatible)\b/g;
  for (const match of text.matchAll(named)) {
    const code = syncCodeOfLegacyCode(match[1] as string);
    if (code !== 'UNKNOWN') return code;
  }
  return 'UNKNOWN';
}
