// The `satellite-sync` CLI as a real child process. It runs through bin/satellite-sync.mjs (tsx's
// loader registered in-process), so the child is the very process that syncs: `npx tsx` would fork a
// second node process, and a SIGKILL of the first would leave the second syncing on its own.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../../reference-central/harness';

const CLI = path.join(REPO_ROOT, 'bin', 'satellite-sync.mjs');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall time from spawn to exit. */
  ms: number;
  /** Whether our SIGKILL ended it (false when it had exited by itself first). */
  killed: boolean;
  /** The last progress line on stderr before the kill or exit (e.g. `pullRemote 450/1480`). */
  lastLine: string;
  /**
   * From spawn to the first line on stderr: the process start-up (loading modules, opening the
   * database). A sync prints its first step there, so `ms - startupMs` is the run itself.
   */
  startupMs: number | undefined;
}

export interface RunOptions {
  /** SIGKILL the process this long after `killFrom`. */
  killAfterMs?: number;
  /** `spawn` (default), or `first-output`: the first line on stderr, when a sync has begun its run. */
  killFrom?: 'spawn' | 'first-output';
}

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Runs `satellite-sync <args…>`; with `killAfterMs`, SIGKILLs it that long after `killFrom`. */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let stdout = '';
  let stderr = '';
  let killed = false;
  let lastLine = '';
  let startupMs: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  const armKill = (): void => {
    const delay = options.killAfterMs;
    if (delay === undefined) return;
    timer = setTimeout(() => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      killed = child.kill('SIGKILL');
    }, delay);
  };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    if (startupMs === undefined) {
      startupMs = performance.now() - started;
      if (options.killFrom === 'first-output') armKill();
    }
    if (!killed) lastLine = stderr.trimEnd().split('\n').at(-1) ?? '';
  });
  if (options.killFrom !== 'first-output') armKill();
  return new Promise((resolve, reject) => {
    child.once('error', (error) => {
      clearTimeout(timer);
      running.delete(child);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started, killed, lastLine, startupMs });
    });
  });
}

/** Runs the CLI and throws with its output unless it exits 0. */
export async function runCliOk(args: readonly string[]): Promise<CliResult> {
  const result = await runCli(args);
  if (result.code !== 0) {
    throw new Error(
      `satellite-sync ${args.join(' ')} exited ${result.code ?? result.signal}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`,
    );
  }
  return result;
}
