// dispatch(): the one door for IPC and browser mode. Every operation validates its input (field
// messages for the renderer), unknown names are refused, and every failure becomes a ContractError
// with a code, never a stack or a secret.
import { afterEach, describe, expect, it } from 'vitest';
import type { AppOperations } from '../../src-main/app/app-service';
import { dispatch } from '../../src-main/app/dispatch';
import { AppError } from '../../src-main/app/errors';
import { OPERATION_NAMES, type OperationName } from '../../src-main/contract/operations';
import { SyncError } from '../../src-main/sync/errors';
import { closeApps, openApp } from './helpers';

afterEach(closeApps);

/** A wrong-typed input per operation and the fields its error must name ('' = the input itself). */
const WRONG_INPUTS: Record<OperationName, { input: unknown; fields: string[] }> = {
  getStatus: { input: 'now', fields: [''] },
  syncNow: { input: 5, fields: [''] },
  initialise: {
    input: { url: 'ftp://central', siteName: '  ', password: 'secret', syncId: 1 },
    fields: ['url', 'siteName', 'syncId'],
  },
  getAppInfo: { input: [], fields: [''] },
  getPreferences: { input: 'all', fields: [''] },
  setSyncInterval: { input: { minutes: 'ten' }, fields: ['minutes'] },
  setProtectedPreferences: {
    input: { requestSize: 0, useNodeHttpClient: 'yes' },
    fields: ['requestSize', 'useNodeHttpClient'],
  },
  unlockPreferences: { input: { code: 1234 }, fields: ['code'] },
  lockPreferences: { input: true, fields: [''] },
  changeAuthorisationCode: { input: { currentCode: 1, newCode: 'abc' }, fields: ['currentCode', 'newCode'] },
  checkConnection: { input: 'both', fields: [''] },
  listServers: { input: { search: 7 }, fields: ['search'] },
  saveServer: {
    input: { syncId: 'two', userName: '', password: null, url: 'central' },
    fields: ['syncId', 'userName', 'password', 'url'],
  },
  removeServer: { input: { syncId: 2.5 }, fields: ['syncId'] },
  generateSyncRecords: { input: 1, fields: [''] },
  retrieveSyncRecords: { input: 'all', fields: [''] },
  listIntegrationProblems: { input: null, fields: [''] },
  retryIntegrationProblems: { input: { recordIds: 'A1' }, fields: ['recordIds'] },
  getSyncHistory: { input: { limit: 0 }, fields: ['limit'] },
  exportDiagnostics: { input: 3, fields: [''] },
};

describe('dispatch', () => {
  it('rejects a wrong-typed input of every operation with INVALID_INPUT and a message per field', async () => {
    const { service } = await openApp();
    for (const name of OPERATION_NAMES) {
      const { input, fields } = WRONG_INPUTS[name];
      const outcome = await dispatch(service, name, input);
      expect(outcome.ok, name).toBe(false);
      if (outcome.ok) continue;
      expect(outcome.error, name).toMatchObject({
        code: 'INVALID_INPUT',
        message: 'Some values are not valid',
      });
      expect(Object.keys(outcome.error.fields ?? {}).sort(), name).toEqual([...fields].sort());
      for (const message of Object.values(outcome.error.fields ?? {})) expect(message, name).not.toBe('');
    }
  });

  it('takes a missing input as the empty one, and applies defaults', async () => {
    const { service } = await openApp();
    expect(await dispatch(service, 'getStatus', undefined)).toMatchObject({
      ok: true,
      value: { configured: false },
    });
    expect(await dispatch(service, 'getSyncHistory', {})).toEqual({ ok: true, value: [] });
    expect(await dispatch(service, 'listServers', undefined)).toEqual({ ok: true, value: [] });
  });

  it('names the field in its own words (the contract’s messages)', async () => {
    const { service } = await openApp();
    const outcome = await dispatch(service, 'initialise', {
      url: 'central.example',
      siteName: 'site',
      password: 'p',
      syncId: 1,
    });
    expect(outcome).toMatchObject({
      ok: false,
      error: {
        fields: {
          url: 'must be an http(s) URL',
          syncId: 'must be greater than 1 (1 is the central server)',
        },
      },
    });
  });

  it('refuses unknown operations, including the service’s own non-operation methods', async () => {
    const { service } = await openApp();
    for (const name of ['deleteEverything', 'constructor', '__proto__', 'toString', 'on', 'close', '']) {
      expect(await dispatch(service, name, {}), name).toMatchObject({
        ok: false,
        error: { code: 'UNKNOWN_OPERATION' },
      });
    }
  });

  it('maps sync errors, app errors and "not configured" to their codes, messages and hints', async () => {
    const { service } = await openApp();
    expect(await dispatch(service, 'syncNow', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_CONFIGURED', message: 'Sync is not configured yet' },
    });
    expect(await dispatch(service, 'checkConnection', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_CONFIGURED' },
    });

    const failing = (error: unknown) =>
      ({
        getStatus: () => Promise.reject(error),
      }) as unknown as AppOperations;
    const syncError = new SyncError('HARDWARE_ID_MISMATCH', 'GET /sync/v5/site → HTTP 401');
    expect(await dispatch(failing(syncError), 'getStatus', {})).toEqual({
      ok: false,
      error: {
        code: 'HARDWARE_ID_MISMATCH',
        message: syncError.message,
        detail: 'GET /sync/v5/site → HTTP 401',
        hint: syncError.hint,
      },
    });
    expect(await dispatch(failing(new AppError('PREFERENCES_LOCKED')), 'getStatus', {})).toMatchObject({
      ok: false,
      error: { code: 'PREFERENCES_LOCKED', hint: expect.stringContaining('padlock') },
    });
  });

  it('turns an unexpected error into UNKNOWN "Something went wrong", without stack or secrets', async () => {
    const hash = 'ab'.repeat(32);
    const crash = new TypeError(
      `cannot read "x" of undefined near ${hash} and scrypt$16384$8$1$c2FsdA==$aGFzaA==`,
    );
    const service = { getStatus: () => Promise.reject(crash) } as unknown as AppOperations;
    const outcome = await dispatch(service, 'getStatus', {});
    expect(outcome).toMatchObject({ ok: false, error: { code: 'UNKNOWN', message: 'Something went wrong' } });
    const text = JSON.stringify(outcome);
    expect(text).toContain('TypeError: cannot read');
    expect(text).not.toContain(hash);
    expect(text).not.toContain('scrypt$');
    expect(text).not.toContain('dispatch.test.ts');
  });
});
