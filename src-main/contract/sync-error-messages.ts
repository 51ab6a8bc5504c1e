// The sync error codes and their English message and hint: shared by main (errors, CLI, stored
// runs) and the renderer (its English texts), so the two never drift apart.

export const SYNC_ERROR_CODES = [
  'CONNECTION_ERROR',
  'SITE_NAME_NOT_FOUND',
  'INCORRECT_PASSWORD',
  'HARDWARE_ID_MISMATCH',
  'SITE_HAS_NO_STORE',
  'SITE_AUTH_TIMEOUT',
  'API_VERSION_INCOMPATIBLE',
  'CENTRAL_V6_NOT_CONFIGURED',
  'V6_API_VERSION_INCOMPATIBLE',
  'INTEGRATION_TIMEOUT_REACHED',
  'INTEGRATION_ERROR',
  'SITE_UUID_IS_BEING_CHANGED',
  'INVALID_URL',
  'SYNC_ID_MISMATCH',
  'UNKNOWN',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

/** English text and hint per code (reference/oms-sync-orchestration.md §4.4, plus ours). */
export const SYNC_ERROR_MESSAGES: Readonly<Record<SyncErrorCode, { message: string; hint: string }>> = {
  CONNECTION_ERROR: {
    message: 'Could not connect to the central server',
    hint: 'Check the internet connection and the central server URL, then try again.',
  },
  SITE_NAME_NOT_FOUND: {
    message: 'Site name not found',
    hint: 'Check the site name; it must match a sync site on the central server.',
  },
  INCORRECT_PASSWORD: {
    message: 'Incorrect password',
    hint: 'Check the site password with the central server administrator.',
  },
  HARDWARE_ID_MISMATCH: {
    message: 'This computer is not the one registered for this site',
    hint: "The central server's administrator must clear this site's hardware ID before this computer can sync.",
  },
  SITE_HAS_NO_STORE: {
    message: 'This site has no store',
    hint: 'Ask the central server administrator to make a store active on this site.',
  },
  SITE_AUTH_TIMEOUT: {
    message: 'Site authentication timed out, please try again later',
    hint: 'Too many failed attempts; wait a few minutes before trying again.',
  },
  API_VERSION_INCOMPATIBLE: {
    message: 'The mSupply central server does not support this version of Satellite Sync',
    hint: 'Update Satellite Sync or the central server so that their sync API versions match.',
  },
  CENTRAL_V6_NOT_CONFIGURED: {
    message: 'The Open mSupply central server is not configured',
    hint: 'The mSupply central server must report a valid Open mSupply central server URL.',
  },
  V6_API_VERSION_INCOMPATIBLE: {
    message: 'The Open mSupply central server does not support this version of Satellite Sync',
    hint: 'Update Satellite Sync or the Open mSupply central server.',
  },
  INTEGRATION_TIMEOUT_REACHED: {
    message: 'The central server took too long to integrate the records sent',
    hint: 'The central server is busy; sync will try again. Contact support if it keeps happening.',
  },
  INTEGRATION_ERROR: {
    message: 'Records received could not be saved',
    hint: 'See the integration problems list; contact support with a diagnostics export.',
  },
  SITE_UUID_IS_BEING_CHANGED: {
    message: 'These credentials belong to a different site than this database',
    hint: 'A database initialised for one site cannot sync as another; check the site name and URL.',
  },
  INVALID_URL: {
    message: 'The central server URL is not valid',
    hint: 'Enter a full URL such as https://central.example.org:2048.',
  },
  SYNC_ID_MISMATCH: {
    message: "The Sync ID does not match the central server's id for this site",
    hint: 'Set the Sync ID in Preferences › Synchronisation to the site id the central server reports.',
  },
  UNKNOWN: {
    message: 'Sync failed',
    hint: 'See the details; contact support with a diagnostics export if it keeps happening.',
  },
};
