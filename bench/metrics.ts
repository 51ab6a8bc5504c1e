// What one benchmark phase costs: wall time, CPU time of this process (every thread: JS, the SQLite
// worker threads, GC) and of another process tree (the central), peak RSS (sampled), event-loop lag,
// and optionally a CPU profile of the phase (a .cpuprofile for bench/profile-summary.ts).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface PhaseMetrics {
  ms: number;
  /** Highest RSS sampled during the phase (every 20 ms), in MB. */
  peakRssMb: number;
  /** Highest V8 heap in use sampled during the phase, in MB. */
  peakHeapMb: number;
  lagP99Ms: number;
  lagMaxMs: number;
  /** CPU time of this process during the phase, all threads, user + system. */
  cpuMs: number;
  /** CPU time of the process tree `otherPid` during the phase (undefined without /proc). */
  otherCpuMs: number | undefined;
}

const CLOCK_TICKS_PER_SECOND = 100;

/** User + system CPU of `pid` and its descendants, from /proc (Linux); undefined elsewhere. */
export function processTreeCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields after the parenthesised command: utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    let total = ((Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND) * 1000;
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const child of children ? children.split(' ') : []) total += processTreeCpuMs(Number(child)) ?? 0;
    }
    return total;
  } catch {
    return undefined;
  }
}

const MB = 1024 * 1024;

/** Runs `work`, measuring it; with `profileFile`, CPU-profiles it there too. */
export async function measurePhase<T>(
  work: () => Promise<T>,
  options: { profileFile?: string; otherPid?: number } = {},
): Promise<{ value: T; metrics: PhaseMetrics }> {
  const session = options.profileFile ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 500 });
    await session.post('Profiler.start');
  }
  const lag = monitorEventLoopDelay({ resolution: 10 });
  let peakRss = 0;
  let peakHeap = 0;
  const sample = (): void => {
    const { rss, heapUsed } = process.memoryUsage();
    peakRss = Math.max(peakRss, rss);
    peakHeap = Math.max(peakHeap, heapUsed);
  };
  sample();
  const sampler = setInterval(sample, 20);
  lag.enable();
  const otherBefore = processTreeCpuMs(options.otherPid);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  try {
    const value = await work();
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const otherAfter = processTreeCpuMs(options.otherPid);
    sample();
    return {
      value,
      metrics: {
        ms,
        peakRssMb: peakRss / MB,
        peakHeapMb: peakHeap / MB,
        lagP99Ms: lag.percentile(99) / 1e6,
        lagMaxMs: lag.max / 1e6,
        cpuMs: (cpu.user + cpu.system) / 1000,
        otherCpuMs:
          otherBefore === undefined || otherAfter === undefined ? undefined : otherAfter - otherBefore,
      },
    };
  } finally {
    lag.disable();
    clearInterval(sampler);
    if (session && options.profileFile) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(options.profileFile, JSON.stringify(profile));
      session.disconnect();
    }
  }
}

/** Peak RSS of this process over its whole life so far, in MB. */
export const processMaxRssMb = (): number => process.resourceUsage().maxRSS / 1024;
