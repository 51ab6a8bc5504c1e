// Crash-safety trials (issue test 5): the CLI is SIGKILLed at a chosen moment of a sync, the next
// sync must succeed, and the local database must then equal the central, nothing lost or doubled.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Prng, legacyId } from '../../../reference-central/demo/random';
import { openLocalDatabase } from '../../../src-main/db/data-source';
import { saveLocalRecord } from '../../../src-main/local-records';
import type { StockLine } from '../../../src-main/translators/tables/item-line';
import { stockLineTranslator } from '../../../src-main/translators/tables/item-line';
import type { WireRecord } from '../../../src-main/translators/types';
import type { Central } from '../../reference-central/harness';
import { runCli, runCliOk, type CliResult } from './cli-process';
import {
  checkConsistency,
  differingFields,
  modelled,
  readCentral,
  type ConsistencyReport,
} from './consistency';

/** Demo site `satellite-1` of `serve --demo`. */
export const SATELLITE_1 = { site: 'satellite-1', password: 'satellite-1-pass', syncId: 2 } as const;
/** Records per request: small, so a run makes many requests and commits (many places to die in). */
export const REQUEST_SIZE = 50;

export { Prng };

export function newDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'crash-safety-'));
}

export function removeDataDir(dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true });
}

/** `satellite-sync init` for satellite-1 against `central`. */
export async function configureSatellite(central: Central, dataDir: string): Promise<void> {
  await runCliOk([
    'init',
    '--data-dir',
    dataDir,
    '--url',
    central.legacyUrl,
    '--site',
    SATELLITE_1.site,
    '--password',
    SATELLITE_1.password,
    '--sync-id',
    String(SATELLITE_1.syncId),
    '--request-size',
    String(REQUEST_SIZE),
  ]);
}

/**
 * `satellite-sync sync`; with `killAfterMs`, SIGKILLed that long into the run. The clock starts at
 * the run's first progress line, not at the spawn: the second or so of module loading before it
 * never touches the database, and would otherwise take a large share of the kills.
 */
export const sync = (dataDir: string, killAfterMs?: number): Promise<CliResult> =>
  runCli(['sync', '--data-dir', dataDir], { killAfterMs, killFrom: 'first-output' });

/** How long the run itself took (the process start-up left out), as `killAfterMs` counts. */
export function runLength(result: CliResult): number {
  return result.ms - (result.startupMs ?? 0);
}

/** A data directory configured for satellite-1 (`init` run once); trials start from copies of it. */
export async function configuredTemplate(central: Central): Promise<string> {
  const template = newDataDir();
  await configureSatellite(central, template);
  return template;
}

/**
 * `count` local changes to stock lines (`item_line`), made in-process while no CLI runs, each through
 * saveLocalRecord (its own transaction and change-log row): about nine in ten edit an existing line,
 * the rest add a new one. Returns what central must end up holding for each changed line.
 */
export async function makeLocalChanges(
  dataDir: string,
  count: number,
  prng: Prng,
): Promise<Map<string, WireRecord>> {
  const db = await openLocalDatabase(dataDir);
  try {
    const lines = (await db.dataSource.getRepository(stockLineTranslator.entity).find()) as StockLine[];
    if (lines.length === 0) throw new Error(`no stock lines in ${dataDir} to change`);
    // Distinct lines in a random order, so `count` changes are `count` records to push.
    for (let index = lines.length - 1; index > 0; index -= 1) {
      const other = prng.int(0, index);
      [lines[index], lines[other]] = [lines[other] as StockLine, lines[index] as StockLine];
    }
    const tag = prng.int(0, 0xffffff).toString(16);
    const expected = new Map<string, WireRecord>();
    for (let index = 0; index < count; index += 1) {
      const base = lines[index % lines.length] as StockLine;
      const line: StockLine = prng.chance(0.1)
        ? { ...base, id: legacyId('crash-safety', tag, index), receivedJson: null }
        : { ...base };
      line.availableNumberOfPacks = prng.int(0, 500);
      line.costPricePerPack = prng.money(1, 50);
      line.note = `crash-safety ${tag} #${index}`;
      await saveLocalRecord(db, stockLineTranslator.table, line);
      expected.set(line.id, stockLineTranslator.toWire(line));
    }
    return expected;
  } finally {
    await db.close();
  }
}

/** Changed stock lines whose modelled fields central does not hold as changed (must be none). */
export async function lostChanges(
  central: Central,
  expected: ReadonlyMap<string, WireRecord>,
): Promise<string[]> {
  const records = (await readCentral(central.dataDir, SATELLITE_1.syncId)).records.get(
    stockLineTranslator.table,
  );
  const lost: string[] = [];
  for (const [id, want] of expected) {
    const record = records?.get(id);
    if (!record) {
      lost.push(`${id}: not on central`);
      continue;
    }
    const fields = differingFields(modelled(stockLineTranslator, record), want);
    if (fields.length > 0) lost.push(`${id}: central ${fields.join(', ')}`);
  }
  return lost;
}

export interface TrialOutcome {
  phase: 'initialisation' | 'push';
  /** When the SIGKILL was due (undefined: a clean run, not killed). */
  killAfterMs: number | undefined;
  /** The interrupted (or clean) run. */
  first: CliResult;
  /** The sync after the kill (undefined for a clean run). */
  recovery: CliResult | undefined;
  report: ConsistencyReport;
  /** Everything wrong, one line each; empty when the trial passed. */
  problems: string[];
}

function runProblems(name: string, result: CliResult, mayBeKilled: boolean): string[] {
  if (result.code === 0 || (mayBeKilled && result.killed)) return [];
  return [
    `${name} exited ${result.code ?? result.signal}: ${result.stderr.trim().split('\n').slice(-6).join(' | ')}`,
  ];
}

async function finishTrial(
  phase: TrialOutcome['phase'],
  central: Central,
  dataDir: string,
  killAfterMs: number | undefined,
  first: CliResult,
  extraChecks: () => Promise<string[]> = async () => [],
): Promise<TrialOutcome> {
  const recovery = killAfterMs === undefined ? undefined : await sync(dataDir);
  const report = await checkConsistency(dataDir, central.dataDir, SATELLITE_1.syncId);
  const problems = [
    ...runProblems('interrupted sync', first, killAfterMs !== undefined),
    ...(recovery ? runProblems('sync after the kill', recovery, false) : []),
    ...report.problems,
    ...(await extraChecks()),
  ];
  return { phase, killAfterMs, first, recovery, report, problems };
}

/**
 * A fresh satellite-1 database (a copy of `template`, configured but never synced) initialised by
 * `sync`, SIGKILLed `killAfterMs` into the run (if given).
 */
export async function initialisationTrial(
  central: Central,
  template: string,
  dataDir: string,
  killAfterMs?: number,
): Promise<TrialOutcome> {
  cpSync(template, dataDir, { recursive: true });
  const first = await sync(dataDir, killAfterMs);
  return finishTrial('initialisation', central, dataDir, killAfterMs, first);
}

/** `changes` local changes on an initialised database, then a sync SIGKILLed after `killAfterMs`. */
export async function pushTrial(
  central: Central,
  dataDir: string,
  prng: Prng,
  changes: number,
  killAfterMs?: number,
): Promise<TrialOutcome> {
  const expected = await makeLocalChanges(dataDir, changes, prng);
  const first = await sync(dataDir, killAfterMs);
  return finishTrial('push', central, dataDir, killAfterMs, first, async () => {
    const lost = await lostChanges(central, expected);
    return lost.length === 0 ? [] : [`${lost.length} local changes lost: ${lost.slice(0, 5).join('; ')}`];
  });
}

/** One line for the log: when it was killed, in which step, and what the check found. */
export function describeTrial(label: string, outcome: TrialOutcome): string {
  const { first, recovery } = outcome;
  const kill =
    outcome.killAfterMs === undefined
      ? `clean run ${Math.round(runLength(first))} ms (+ ${Math.round(first.startupMs ?? 0)} ms start-up)`
      : first.killed
        ? `killed ${Math.round(outcome.killAfterMs)} ms into the run, during "${first.lastLine}"`
        : `kill due ${Math.round(outcome.killAfterMs)} ms into the run came after it ended (${Math.round(runLength(first))} ms)`;
  const after = recovery
    ? `; next sync ${recovery.code === 0 ? 'ok' : 'FAILED'} in ${Math.round(recovery.ms)} ms`
    : '';
  const verdict =
    outcome.problems.length === 0
      ? `${outcome.report.compared} records equal central`
      : `PROBLEMS: ${outcome.problems.join(' / ')}`;
  return `${label}: ${kill}${after}; ${verdict}`;
}

/** A kill time drawn uniformly in [50 ms, typical run length]. */
export function killTime(prng: Prng, typicalMs: number): number {
  return prng.int(50, Math.max(51, Math.round(typicalMs)));
}

/** The seed from `CRASH_SEED`, else a fresh one. */
export function chooseSeed(): number {
  const fromEnv = process.env.CRASH_SEED;
  if (fromEnv !== undefined && /^\d+$/.test(fromEnv)) return Number(fromEnv);
  return Math.floor(Math.random() * 2 ** 31);
}
