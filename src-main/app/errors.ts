// Errors of the application service that are not sync errors: each a code the renderer can branch
// on, a message for people and a hint. SyncErrors (src-main/sync/errors.ts) cross the boundary too.

export const APP_ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_OPERATION',
  'PREFERENCES_LOCKED',
  'NOT_CONFIGURED',
  'ALREADY_INITIALISED',
  'WRONG_AUTHORISATION_CODE',
  'READ_ONLY_SERVER',
  'ONLY_CENTRAL_SERVER',
  'SERVER_NOT_FOUND',
  'SYNC_IN_PROGRESS',
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

const MESSAGES: Record<AppErrorCode, { message: string; hint: string }> = {
  INVALID_INPUT: {
    message: 'Some values are not valid',
    hint: 'Correct the highlighted fields and try again.',
  },
  UNKNOWN_OPERATION: {
    message: 'This version of Satellite Sync does not know that operation',
    hint: 'The window and the application are of different versions; restart the application.',
  },
  PREFERENCES_LOCKED: {
    message: 'The synchronisation preferences are locked',
    hint: 'Click the padlock and enter the authorisation code to unlock them.',
  },
  NOT_CONFIGURED: {
    message: 'Sync is not configured yet',
    hint: 'Enter the central server URL and the site credentials on the Initialise screen first.',
  },
  ALREADY_INITIALISED: {
    message: 'This site is already initialised',
    hint: 'Change the server or credentials in Preferences › Synchronisation instead.',
  },
  WRONG_AUTHORISATION_CODE: {
    message: 'The current authorisation code is wrong',
    hint: 'Enter the code that unlocks the preferences now.',
  },
  READ_ONLY_SERVER: {
    message: 'The Open mSupply central server cannot be changed here',
    hint: 'Its URL comes from the mSupply central server; change it there.',
  },
  ONLY_CENTRAL_SERVER: {
    message: 'The mSupply central server cannot be removed: it is the only one this site syncs with',
    hint: 'Edit its URL or credentials instead.',
  },
  SERVER_NOT_FOUND: {
    message: 'No server with that Sync ID',
    hint: 'Refresh the list of servers and try again.',
  },
  SYNC_IN_PROGRESS: {
    message: 'A sync is running',
    hint: 'Wait for it to finish and try again.',
  },
};

export class AppError extends Error {
  readonly hint: string;

  constructor(
    readonly code: AppErrorCode,
    /** Detail for support (never a secret). */
    readonly detail = '',
    /** Field → message, for INVALID_INPUT. */
    readonly fields?: Record<string, string>,
  ) {
    super(MESSAGES[code].message);
    this.name = 'AppError';
    this.hint = MESSAGES[code].hint;
  }
}
