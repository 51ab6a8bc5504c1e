// Crash safety at volume: the trials of test/sync/reliability/crash-safety.test.ts, as many as asked.
//   node_modules/.bin/tsx bench/crash-safety.ts [trials=40] [--seed N] [--changes 300] [--volume 3000]
// Half the trials (rounded up) kill an initialisation of satellite-1, the others a push of local
// changes; every kill is followed by a sync that must succeed and a full comparison with central.
import { parseArgs } from 'node:util';
import { startCentral } from '../test/reference-central/harness';
import {
  Prng,
  chooseSeed,
  describeTrial,
  initialisationTrial,
  configuredTemplate,
  killTime,
  newDataDir,
  pushTrial,
  removeDataDir,
  runLength,
  type TrialOutcome,
} from '../test/sync/reliability/crash-trials';

const { values, positionals } = parseArgs({
  options: {
    seed: { type: 'string' },
    changes: { type: 'string', default: '300' },
    volume: { type: 'string', default: '3000' },
  },
  allowPositionals: true,
});
// Output piped into `head` must not kill the run before it has stopped the central and cleaned up.
process.stdout.on('error', () => undefined);
const trials = Number(positionals[0] ?? 40);
const seed = values.seed === undefined ? chooseSeed() : Number(values.seed);
const changes = Number(values.changes);
const initTrials = Math.ceil(trials / 2);
const pushTrials = trials - initTrials;
const prng = new Prng(seed);

console.log(
  `crash-safety bench: ${trials} trials (${initTrials} initialisation, ${pushTrials} push), seed ${seed}`,
);
const central = await startCentral({ demo: true, volume: Number(values.volume) });
const outcomes: TrialOutcome[] = [];
const started = performance.now();
const template = await configuredTemplate(central);
let dataDir = newDataDir();
try {
  const cleanInit = await initialisationTrial(central, template, dataDir);
  console.log(describeTrial('initialisation, clean', cleanInit));
  for (let trial = 1; trial <= initTrials; trial += 1) {
    removeDataDir(dataDir);
    dataDir = newDataDir();
    const outcome = await initialisationTrial(
      central,
      template,
      dataDir,
      killTime(prng, runLength(cleanInit.first)),
    );
    outcomes.push(outcome);
    console.log(describeTrial(`initialisation #${trial}`, outcome));
  }
  const cleanPush = await pushTrial(central, dataDir, prng, changes);
  console.log(describeTrial(`push of ${changes}, clean`, cleanPush));
  for (let trial = 1; trial <= pushTrials; trial += 1) {
    const outcome = await pushTrial(
      central,
      dataDir,
      prng,
      changes,
      killTime(prng, runLength(cleanPush.first)),
    );
    outcomes.push(outcome);
    console.log(describeTrial(`push #${trial}`, outcome));
  }
} finally {
  removeDataDir(template);
  removeDataDir(dataDir);
  await central.dispose();
}

const summary = (phase: TrialOutcome['phase']) => {
  const mine = outcomes.filter((outcome) => outcome.phase === phase);
  const killed = mine.filter((outcome) => outcome.first.killed);
  const steps = new Map<string, number>();
  for (const outcome of killed) {
    const step = outcome.first.lastLine.split(' ')[0] ?? '';
    steps.set(step, (steps.get(step) ?? 0) + 1);
  }
  const recoveries = mine.flatMap((outcome) => (outcome.recovery ? [outcome.recovery.ms] : []));
  const mean = recoveries.reduce((sum, ms) => sum + ms, 0) / Math.max(1, recoveries.length);
  return {
    phase,
    trials: mine.length,
    killed: killed.length,
    'killed in step': [...steps].map(([step, n]) => `${step} ${n}`).join(', '),
    'mean next sync (ms)': Math.round(mean),
    failed: mine.filter((outcome) => outcome.problems.length > 0).length,
  };
};
console.log(`\nseed ${seed}, ${Math.round((performance.now() - started) / 1000)} s`);
console.table([summary('initialisation'), summary('push')]);
const failures = outcomes.filter((outcome) => outcome.problems.length > 0);
for (const outcome of failures) console.log(`FAILED ${outcome.phase}: ${outcome.problems.join(' / ')}`);
process.exitCode = failures.length === 0 ? 0 : 1;
