// Integration problems (PRODUCT.md §5.5): a record central sends that cannot be integrated (an item
// of an unknown type) is listed with its reason, stays failing on retry while it is still wrong,
// integrates on retry once valid, and leaves the list when central sends a corrected version.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { itemRow, seed, startCentral, type Central } from '../reference-central/harness';
import { addFreshSite } from '../sync/engine/helpers';
import { appSql, closeApps, failure, initialisedApp, value, waitForSuccessfulRun } from './helpers';

let central: Central;

beforeAll(async () => {
  central = await startCentral({ demo: true });
});
afterAll(async () => {
  await central?.dispose();
});
afterEach(closeApps);

describe('integration problems', () => {
  it('lists a record that fails to integrate, retries it, and drops it once it integrates', async () => {
    const site = await addFreshSite(central);
    const { service, dataDir } = await initialisedApp(central.legacyUrl, site);
    expect(await value(service, 'listIntegrationProblems')).toEqual([]);
    expect(await value(service, 'retryIntegrationProblems')).toEqual({ retried: 0, stillFailing: 0 });

    const fixedOnCentral = itemRow('', { type_of: 'weird' });
    const fixedHere = itemRow('', { type_of: 'odd' });
    await seed(central.dataDir, { item: [fixedOnCentral, fixedHere] });
    await value(service, 'syncNow');
    const status = await waitForSuccessfulRun(service);
    expect(status.integrationProblems).toBe(2);

    const problems = await value(service, 'listIntegrationProblems');
    expect(problems.map((problem) => problem.recordId).sort()).toEqual(
      [String(fixedOnCentral.ID), String(fixedHere.ID)].sort(),
    );
    for (const problem of problems) {
      expect(problem).toMatchObject({ tableName: 'item', reason: expect.stringContaining('type_of') });
      expect(problem.receivedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
    // Records kept for a later version are not problems.
    const [kept] = await appSql<{ count: number }>(
      dataDir,
      "SELECT COUNT(*) AS count FROM sync_buffer WHERE integration_error LIKE 'no translator%'",
    );
    expect(status.untranslatedRecords).toBe(kept?.count);

    expect(await value(service, 'retryIntegrationProblems')).toEqual({ retried: 2, stillFailing: 2 });

    // As if a new version understood the record: it integrates on retry.
    const buffered = JSON.stringify({ ...fixedHere, type_of: 'general' });
    await appSql(dataDir, 'UPDATE sync_buffer SET data = ? WHERE record_id = ?', [
      buffered,
      String(fixedHere.ID),
    ]);
    expect(await value(service, 'retryIntegrationProblems', { recordIds: [String(fixedHere.ID)] })).toEqual({
      retried: 1,
      stillFailing: 0,
    });
    const [item] = await appSql(dataDir, 'SELECT type FROM item WHERE id = ?', [String(fixedHere.ID)]);
    expect(item).toEqual({ type: 'general' });

    // Central corrects the other one: the next sync brings it and it integrates.
    await seed(central.dataDir, { item: [{ ...fixedOnCentral, type_of: 'service' }] });
    await value(service, 'syncNow');
    expect(await waitForSuccessfulRun(service)).toMatchObject({ integrationProblems: 0 });
    expect(await value(service, 'listIntegrationProblems')).toEqual([]);
  });

  it('does not retry beside a sync that is running', async () => {
    const site = await addFreshSite(central);
    const { service } = await initialisedApp(central.legacyUrl, site);
    await value(service, 'syncNow');
    await failure(service, 'retryIntegrationProblems', {}, 'SYNC_IN_PROGRESS');
    await waitForSuccessfulRun(service);
  });
});
