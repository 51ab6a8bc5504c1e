// The central's integration of a site's push buffer, on its own SQLite file: records are written in
// dependency order a table at a time, bad records stay buffered with their reason, and the change
// logs say insert or update as they should.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../reference-central/database';
import {
  bufferPushedRecords,
  integratePushBuffer,
  type BufferedRecord,
} from '../../reference-central/integration';
import { readRecord, upsertRecords } from '../../reference-central/records';
import { migrate } from '../../reference-central/schema';

const SITE_ID = 7;
const upsert = (
  tableName: string,
  recordId: string,
  data: Record<string, unknown> | null,
): BufferedRecord => ({
  tableName,
  recordId,
  action: 'upsert',
  data,
});

describe('reference central: integrating a push buffer', () => {
  let db: Database;
  beforeEach(async () => {
    db = await Database.open(path.join(mkdtempSync(path.join(tmpdir(), 'central-integration-')), 'c.sqlite'));
    await migrate(db);
  });
  afterEach(() => db.close());

  const bufferRows = () =>
    db.all<{ table_name: string; record_id: string; integration_error: string | null }>(
      'SELECT table_name, record_id, integration_error FROM push_buffer ORDER BY record_id',
    );

  it('writes every good record (parents first, across tables) and keeps the bad ones with their reason', async () => {
    const lines = Array.from({ length: 250 }, (_, index) =>
      upsert('trans_line', `L${index}`, { ID: `L${index}`, transaction_ID: 'T1', quantity: index }),
    );
    await bufferPushedRecords(db, 'v5', SITE_ID, [
      ...lines,
      upsert('transact', 'T1', { ID: 'T1', store_ID: 'S1', type: 'si' }),
      upsert('item_line', 'bad-upsert', null),
      { tableName: 'item_line', recordId: 'bad-merge', action: 'merge', data: {} },
    ]);

    const result = await integratePushBuffer(db, 'v5', SITE_ID);

    expect(result).toEqual({ integrated: 251, failed: 2 });
    expect(await readRecord(db, 'trans_line', 'L249')).toEqual({
      ID: 'L249',
      transaction_ID: 'T1',
      quantity: 249,
    });
    // A line's store comes from its transaction, written before it although pushed after.
    const stores = await db.all<{ store_id: string }>(
      "SELECT DISTINCT store_id FROM record WHERE table_name = 'trans_line'",
    );
    expect(stores).toEqual([{ store_id: 'S1' }]);
    expect(await bufferRows()).toEqual([
      {
        table_name: 'item_line',
        record_id: 'bad-merge',
        integration_error: 'a merge needs recordData.mergeIdToDelete',
      },
      { table_name: 'item_line', record_id: 'bad-upsert', integration_error: 'an upsert needs recordData' },
    ]);
  });

  it('retries kept records with the next integration, and a corrected re-push clears them', async () => {
    await bufferPushedRecords(db, 'v5', SITE_ID, [upsert('item_line', 'IL1', null)]);
    expect(await integratePushBuffer(db, 'v5', SITE_ID)).toEqual({ integrated: 0, failed: 1 });
    expect(await integratePushBuffer(db, 'v5', SITE_ID)).toEqual({ integrated: 0, failed: 1 });

    await bufferPushedRecords(db, 'v5', SITE_ID, [upsert('item_line', 'IL1', { ID: 'IL1', store_ID: 'S1' })]);
    expect(await integratePushBuffer(db, 'v5', SITE_ID)).toEqual({ integrated: 1, failed: 0 });
    expect(await bufferRows()).toEqual([]);
    expect(await readRecord(db, 'item_line', 'IL1')).toEqual({ ID: 'IL1', store_ID: 'S1' });
  });

  it('leaves other sites and the other API buffered', async () => {
    await bufferPushedRecords(db, 'v5', SITE_ID, [
      upsert('item_line', 'mine', { ID: 'mine', store_ID: 'S1' }),
    ]);
    await bufferPushedRecords(db, 'v5', SITE_ID + 1, [
      upsert('item_line', 'theirs', { ID: 'theirs', store_ID: 'S2' }),
    ]);
    await bufferPushedRecords(db, 'v6', SITE_ID, [upsert('item_line', 'v6', { ID: 'v6', store_ID: 'S1' })]);

    await integratePushBuffer(db, 'v5', SITE_ID);

    expect((await bufferRows()).map((row) => row.record_id)).toEqual(['theirs', 'v6']);
  });

  it('logs a central table record as an insert the first time and as an update after', async () => {
    const names = Array.from({ length: 150 }, (_, index) => ({
      recordId: `N${index}`,
      data: { ID: `N${index}` },
    }));
    await db.transaction(() => upsertRecords(db, 'name', names.slice(0, 120)));
    await db.transaction(() => upsertRecords(db, 'name', names.slice(100)));

    const actions = await db.all<{ record_id: string; action: string }>(
      "SELECT record_id, action FROM central_change WHERE table_name = 'name' ORDER BY id",
    );
    expect(actions).toHaveLength(150);
    const actionOf = new Map(actions.map((row) => [row.record_id, row.action]));
    expect(actionOf.get('N0')).toBe('insert');
    expect(actionOf.get('N99')).toBe('insert');
    expect(actionOf.get('N100')).toBe('update');
    expect(actionOf.get('N119')).toBe('update');
    expect(actionOf.get('N149')).toBe('insert');
  });
});
