// Issue test 5 — crash safety (PRODUCT.md §4: "A crash or kill at any instant loses nothing and
// duplicates nothing"). The CLI, a real child process, is SIGKILLed at a random moment of a sync
// (seeded; the seed is printed, CRASH_SEED=<n> replays the same draws): first while it initialises
// satellite-1 against a central with 3000 extra records, then while it pushes 300 local changes.
// Kill times are uniform between 50 ms and the typical run length, measured once by a clean run
// first, both counted from the run's first progress line. After every kill the next sync must
// succeed, and then the local database must equal the central's records for the site, every
// change must have reached central, no queue or buffer may hold leftovers and the SQLite file
// must pass its integrity check. The checks read the local rows with the function behind
// `satellite-sync records <table> --json` (in-process: the CLI per table per trial would take
// minutes); the last test shows the CLI prints exactly that. bench/crash-safety.ts runs the same
// trials, as many as asked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentral, type Central } from '../../reference-central/harness';
import { runCliOk } from './cli-process';
import { readLocal } from './consistency';
import {
  Prng,
  chooseSeed,
  configuredTemplate,
  describeTrial,
  initialisationTrial,
  killTime,
  newDataDir,
  pushTrial,
  removeDataDir,
  runLength,
  type TrialOutcome,
} from './crash-trials';

const INITIALISATION_TRIALS = 10;
const PUSH_TRIALS = 12;
const CHANGES = 300;
const TRIAL_TIMEOUT_MS = 90_000;

const seed = chooseSeed();
const prng = new Prng(seed);
let central: Central;
let template: string;
let dataDir: string;
let typicalInitialisationMs = 0;
let typicalPushMs = 0;

beforeAll(async () => {
  console.log(`crash-safety seed ${seed} (replay with CRASH_SEED=${seed})`);
  central = await startCentral({ demo: true, volume: 3000 });
  template = await configuredTemplate(central);
  dataDir = newDataDir();
}, 120_000);

afterAll(async () => {
  if (template) removeDataDir(template);
  if (dataDir) removeDataDir(dataDir);
  await central?.dispose();
});

function expectPassed(label: string, outcome: TrialOutcome): void {
  console.log(describeTrial(label, outcome));
  expect(outcome.problems, `${label} (seed ${seed})`).toEqual([]);
}

describe('SIGKILL during the initialisation of satellite-1', () => {
  it(
    'a clean initialisation equals central; its length bounds the kill times',
    async () => {
      const outcome = await initialisationTrial(central, template, dataDir);
      expectPassed('initialisation, clean', outcome);
      typicalInitialisationMs = runLength(outcome.first);
    },
    TRIAL_TIMEOUT_MS,
  );

  for (let trial = 1; trial <= INITIALISATION_TRIALS; trial += 1) {
    it(
      `trial ${trial}: the next sync succeeds and local equals central`,
      async () => {
        removeDataDir(dataDir);
        dataDir = newDataDir();
        const killAfterMs = killTime(prng, typicalInitialisationMs);
        expectPassed(
          `initialisation #${trial}`,
          await initialisationTrial(central, template, dataDir, killAfterMs),
        );
      },
      TRIAL_TIMEOUT_MS,
    );
  }
});

describe(`SIGKILL during a push of ${CHANGES} local changes`, () => {
  it(
    'a clean push reaches central; its length bounds the kill times',
    async () => {
      const outcome = await pushTrial(central, dataDir, prng, CHANGES);
      expectPassed(`push of ${CHANGES}, clean`, outcome);
      typicalPushMs = runLength(outcome.first);
    },
    TRIAL_TIMEOUT_MS,
  );

  for (let trial = 1; trial <= PUSH_TRIALS; trial += 1) {
    it(
      `trial ${trial}: the next sync succeeds, every change reaches central, local equals central`,
      async () => {
        const killAfterMs = killTime(prng, typicalPushMs);
        expectPassed(`push #${trial}`, await pushTrial(central, dataDir, prng, CHANGES, killAfterMs));
      },
      TRIAL_TIMEOUT_MS,
    );
  }
});

describe('what the checks compared', () => {
  it(
    'is what `satellite-sync records <table> --json` prints',
    async () => {
      const local = await readLocal(dataDir);
      for (const table of ['item_line', 'transact']) {
        const printed = await runCliOk(['records', table, '--data-dir', dataDir, '--json']);
        expect(JSON.parse(printed.stdout), table).toEqual([...(local.records.get(table)?.values() ?? [])]);
      }
    },
    TRIAL_TIMEOUT_MS,
  );
});
