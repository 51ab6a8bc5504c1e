// `npm run bench`: the figures of docs/PERFORMANCE.md. The engine runs in this process against the
// reference central on loopback (a child process, seeded with `--demo --volume N`), as satellite-1:
//   1. initialisation of a fresh database (satellite-1 receives its share of the N generated records);
//   2. the same rows inserted with plain SQL in one transaction into a scratch file (the physical
//      limit), in a child process;
//   3. a push of `--changes` local changes to stock lines (one operational run);
//   4. idle operational syncs (nothing to move), `--idle-runs` of them.
// Each phase reports wall time, records per second, peak RSS and heap, event-loop lag, CPU time of the
// engine and of the central, and (per step and per route) the time spent waiting inside HTTP requests.
//   npm run bench -- [--volume 100000] [--changes 10000] [--idle-runs 5] [--profile <dir>] [--json <file>]
// With --profile, each engine phase is CPU-profiled (<dir>/engine-<phase>.cpuprofile) and the central
// is restarted profiling itself (<dir>/central/<pid>.cpuprofile, its whole serving life); profiling
// slows everything, so those runs do not give the figures.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { upsertSyncedRow } from '../src-main/db/synced-writes';
import { SyncEngine } from '../src-main/sync-engine';
import type { SyncStep } from '../src-main/sync/steps';
import { translatorFor } from '../src-main/translators/registry';
import type { StockLine } from '../src-main/translators/tables/item-line';
import { startCentral } from '../test/reference-central/harness';
import { measurePhase, processMaxRssMb, type PhaseMetrics } from './metrics';
import { measureRawInsertInChild } from './raw-insert';
import { StepAccounting, type StepCost } from './step-accounting';
import { TimedTransport, type RouteTime } from './timed-transport';

const { values } = parseArgs({
  options: {
    volume: { type: 'string', default: '100000' },
    changes: { type: 'string', default: '10000' },
    'idle-runs': { type: 'string', default: '5' },
    profile: { type: 'string' },
    json: { type: 'string' },
  },
});
const volume = Number(values.volume);
const changes = Number(values.changes);
const idleRuns = Number(values['idle-runs']);
const profileDir = values.profile === undefined ? undefined : path.resolve(values.profile);
const SITE = { siteName: 'satellite-1', password: 'satellite-1-pass', syncId: 2 };

const TARGETS = {
  initRecordsPerSecond: 5000,
  initShareOfRaw: 0.4,
  pushRecordsPerSecond: 5000,
  idleMs: 150,
  peakRssMb: 300,
  lagP99Ms: 50,
};

interface PhaseResult extends PhaseMetrics {
  phase: string;
  records: number;
  steps?: Partial<Record<SyncStep, { ms: number; done: number | null }>>;
  /** Per step: wall, engine CPU, central CPU, HTTP time. */
  costs?: Record<string, StepCost>;
  /** Time inside HTTP requests per route: waiting for the central. */
  http?: Record<string, RouteTime>;
}

// Output piped into `head` must not kill the run before it has stopped the central and cleaned up.
process.stdout.on('error', () => undefined);
const log = (line: string): void => console.log(line);
const profileFile = (phase: string): string | undefined =>
  profileDir ? path.join(profileDir, `engine-${phase}.cpuprofile`) : undefined;

log(`Satellite Sync benchmark: volume ${volume}, ${changes} local changes, ${idleRuns} idle runs`);
log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`,
);
const load = (): string =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
log(`load average at start: ${load()} (the figures assume an otherwise idle machine)`);
if (profileDir) mkdirSync(path.join(profileDir, 'central'), { recursive: true });

let started = performance.now();
const central = await startCentral({ demo: true, volume, startTimeoutMs: 30 * 60_000 });
log(`central seeded and listening in ${Math.round(performance.now() - started)} ms`);
if (profileDir) {
  // Seeding happened already (once per data directory): the restarted central profiles serving only.
  // Node refuses --cpu-prof in NODE_OPTIONS; a preloaded module profiles through the inspector instead.
  const preload = new URL('./cpu-profile-preload.mjs', import.meta.url).href;
  const previous = { options: process.env.NODE_OPTIONS, dir: process.env.BENCH_CPU_PROFILE_DIR };
  process.env.NODE_OPTIONS = `${previous.options ?? ''} --import=${preload}`.trim();
  process.env.BENCH_CPU_PROFILE_DIR = path.join(profileDir, 'central');
  await central.restart();
  for (const [key, value] of [
    ['NODE_OPTIONS', previous.options],
    ['BENCH_CPU_PROFILE_DIR', previous.dir],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}

const work = mkdtempSync(path.join(tmpdir(), 'satellite-bench-'));
const dataDir = path.join(work, 'satellite');
const transport = new TimedTransport();
const engine = await SyncEngine.open({ dataDir, hardwareId: 'HW-SATELLITE-BENCH', transport });
// As in the app, someone listens to the status (the Sync screen): its reads are part of the cost.
let statusEvents = 0;
engine.on('status', () => (statusEvents += 1));
const results: PhaseResult[] = [];

/** One engine run, measured; fails the benchmark unless it succeeds. */
async function measuredRun(phase: string, recordsOf: (steps: NonNullable<PhaseResult['steps']>) => number) {
  transport.take();
  const accounting = new StepAccounting(engine.runLog, central.pid);
  transport.listener = (ms) => accounting.addHttp(ms);
  const { value: outcome, metrics } = await measurePhase(() => engine.syncOnce(), {
    profileFile: profileFile(phase),
    otherPid: central.pid,
  });
  const costs = Object.fromEntries(accounting.stop());
  transport.listener = undefined;
  if (outcome.status !== 'succeeded')
    throw new Error(`${phase} run ${outcome.status}: ${JSON.stringify(outcome)}`);
  const steps: NonNullable<PhaseResult['steps']> = {};
  for (const step of (await engine.status()).lastRun?.steps ?? []) {
    if (!step.startedAt || !step.finishedAt) continue;
    steps[step.step] = { ms: Date.parse(step.finishedAt) - Date.parse(step.startedAt), done: step.done };
  }
  const result: PhaseResult = {
    phase,
    records: recordsOf(steps),
    steps,
    costs,
    http: transport.take(),
    ...metrics,
  };
  results.push(result);
  return result;
}

/** `count` distinct stock lines changed locally, through the same write path as the app's edits. */
async function makeLocalChanges(count: number): Promise<number> {
  const translator = translatorFor('item_line');
  if (!translator) throw new Error('no item_line translator');
  const repository = engine.db.dataSource.getRepository(translator.entity);
  const lines = (await repository.find({ order: { id: 'ASC' }, take: count })) as StockLine[];
  for (let start = 0; start < lines.length; start += 1000) {
    await engine.db.transaction(async (manager) => {
      for (const [offset, line] of lines.slice(start, start + 1000).entries()) {
        const edited = {
          ...line,
          availableNumberOfPacks: (start + offset) % 500,
          note: `bench ${start + offset}`,
        };
        await upsertSyncedRow(manager, translator, edited, 'local');
      }
    });
  }
  return lines.length;
}

try {
  await engine.configure({ url: central.legacyUrl, ...SITE });

  log('initialisation…');
  const init = await measuredRun(
    'initialisation',
    (steps) => (steps.pullCentral?.done ?? 0) + (steps.pullRemote?.done ?? 0) + (steps.pullV6?.done ?? 0),
  );

  log('raw SQL insert of the same rows…');
  const raw = await measureRawInsertInChild(dataDir, path.join(work, 'raw.sqlite'));

  log(`${changes} local changes, then push…`);
  started = performance.now();
  const changed = await makeLocalChanges(changes);
  log(`  (${changed} changes written in ${Math.round(performance.now() - started)} ms, not measured)`);
  const push = await measuredRun('push', (steps) => steps.push?.done ?? 0);

  log('idle syncs…');
  const idle: PhaseResult[] = [];
  for (let run = 1; run <= idleRuns; run += 1) idle.push(await measuredRun(`idle-${run}`, () => 0));

  const rate = (records: number, ms: number): number => (records / ms) * 1000;
  const initRate = rate(init.records, init.ms);
  const rawRate = rate(raw.rows, raw.ms);
  const pushRate = rate(push.records, push.ms);
  const idleSorted = idle.map((result) => result.ms).sort((a, b) => a - b);
  const idleMedian = idleSorted[Math.floor(idleSorted.length / 2)] ?? Number.NaN;
  const engineResults = [init, push, ...idle];
  const peakRss = Math.max(...engineResults.map((result) => result.peakRssMb));
  const worstLag = Math.max(...engineResults.map((result) => result.lagP99Ms));
  const round = (value: number, digits = 0): number => Number(value.toFixed(digits));

  log('\nPhases');
  console.table([
    ...engineResults.map((result) => ({
      phase: result.phase,
      'wall ms': round(result.ms),
      records: result.records,
      'records/s': result.records > 0 ? round(rate(result.records, result.ms)) : '',
      'peak RSS MB': round(result.peakRssMb),
      'peak heap MB': round(result.peakHeapMb),
      'lag p99 ms': round(result.lagP99Ms, 1),
      'lag max ms': round(result.lagMaxMs, 1),
      'engine CPU ms': round(result.cpuMs),
      'central CPU ms': result.otherCpuMs === undefined ? '' : round(result.otherCpuMs),
    })),
    { phase: 'raw SQL insert', 'wall ms': round(raw.ms), records: raw.rows, 'records/s': round(rawRate) },
  ]);
  log('Steps: wall, engine CPU (all threads), central CPU, time inside HTTP requests (ms), records');
  console.table(
    [init, push, idle[0]].flatMap((result) =>
      result
        ? Object.entries(result.costs ?? {}).map(([step, cost]) => ({
            phase: result.phase,
            step,
            wall: round(cost.wallMs),
            'engine CPU': round(cost.engineCpuMs),
            'central CPU': cost.centralCpuMs === undefined ? '' : round(cost.centralCpuMs),
            HTTP: round(cost.httpMs),
            requests: cost.requests,
            records: result.steps?.[step as SyncStep]?.done ?? '',
          }))
        : [],
    ),
  );
  log('Time inside HTTP requests (waiting for the central), per route: requests, ms');
  console.table(
    [init, push, idle[0]].flatMap((result) =>
      result
        ? Object.entries(result.http ?? {}).map(([route, time]) => ({
            phase: result.phase,
            route,
            requests: time.requests,
            ms: round(time.ms),
            'share of phase': `${round((time.ms / result.ms) * 100, 1)} %`,
          }))
        : [],
    ),
  );
  log(
    `raw SQL insert repetitions: ${raw.repetitions.map((ms) => `${round(ms)} ms`).join(', ')} (best counts)`,
  );
  const row = (measure: string, value: string, target: string, met: boolean) => ({
    measure,
    value,
    target,
    met: met ? 'yes' : 'NO',
  });
  log('Targets');
  console.table([
    row(
      'initialisation',
      `${round(initRate)} records/s`,
      `≥ ${TARGETS.initRecordsPerSecond}`,
      initRate >= TARGETS.initRecordsPerSecond,
    ),
    row(
      'initialisation / raw SQL',
      `${round((initRate / rawRate) * 100, 1)} % (raw ${round(rawRate)}/s)`,
      `≥ ${TARGETS.initShareOfRaw * 100} %`,
      initRate / rawRate >= TARGETS.initShareOfRaw,
    ),
    row(
      'push',
      `${round(pushRate)} records/s`,
      `≥ ${TARGETS.pushRecordsPerSecond}`,
      pushRate >= TARGETS.pushRecordsPerSecond,
    ),
    row(
      'idle sync (median)',
      `${round(idleMedian)} ms (max ${round(idleSorted.at(-1) ?? Number.NaN)})`,
      `≤ ${TARGETS.idleMs} ms`,
      idleMedian <= TARGETS.idleMs,
    ),
    row(
      'peak RSS (sampled)',
      `${round(peakRss)} MB (process max ${round(processMaxRssMb())})`,
      `≤ ${TARGETS.peakRssMb} MB`,
      peakRss <= TARGETS.peakRssMb,
    ),
    row(
      'event-loop lag p99 (worst phase)',
      `${round(worstLag, 1)} ms`,
      `≤ ${TARGETS.lagP99Ms} ms`,
      worstLag <= TARGETS.lagP99Ms,
    ),
  ]);
  log(`status events read for the listener during the runs: ${statusEvents}`);
  log(`load average at the end: ${load()}`);
  if (profileDir) log(`profiles in ${profileDir} (figures above are slowed by profiling)`);
  if (values.json) {
    writeFileSync(
      values.json,
      JSON.stringify(
        { volume, changes, results, raw, initRate, rawRate, pushRate, idleMedian, peakRss, worstLag },
        null,
        2,
      ),
    );
  }
} finally {
  await engine.close();
  await central.dispose();
  rmSync(work, { recursive: true, force: true });
}
