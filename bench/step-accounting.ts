// Per-step accounting of one run: wall time, CPU of this process (all threads), CPU of the central's
// process tree and time inside HTTP requests, switched at each step start the run log reports.
import type { RunLog, RunProgress } from '../src-main/sync/run-log';
import { processTreeCpuMs } from './metrics';

export interface StepCost {
  wallMs: number;
  engineCpuMs: number;
  centralCpuMs: number | undefined;
  httpMs: number;
  requests: number;
}

interface Open {
  step: string;
  started: number;
  cpu: NodeJS.CpuUsage;
  central: number | undefined;
}

export class StepAccounting {
  readonly costs = new Map<string, StepCost>();
  private open: Open | undefined;
  private readonly onProgress = (run: RunProgress): void => {
    const active = [...run.steps].reverse().find((step) => step.startedAt && !step.finishedAt)?.step;
    if (active !== this.open?.step) this.switchTo(active);
  };

  constructor(
    private readonly log: RunLog,
    private readonly centralPid: number | undefined,
  ) {
    log.on('progress', this.onProgress);
  }

  /** The step requests are made in now ('(between steps)' outside any). */
  get current(): string {
    return this.open?.step ?? '(between steps)';
  }

  /** Called by the transport for every request it made. */
  addHttp(ms: number): void {
    const cost = this.costOf(this.current);
    cost.httpMs += ms;
    cost.requests += 1;
  }

  stop(): Map<string, StepCost> {
    this.switchTo(undefined);
    this.log.off('progress', this.onProgress);
    return this.costs;
  }

  private costOf(step: string): StepCost {
    let cost = this.costs.get(step);
    if (!cost) {
      cost = { wallMs: 0, engineCpuMs: 0, centralCpuMs: 0, httpMs: 0, requests: 0 };
      this.costs.set(step, cost);
    }
    return cost;
  }

  private switchTo(step: string | undefined): void {
    const now = performance.now();
    if (this.open) {
      const cost = this.costOf(this.open.step);
      const cpu = process.cpuUsage(this.open.cpu);
      const central = processTreeCpuMs(this.centralPid);
      cost.wallMs += now - this.open.started;
      cost.engineCpuMs += (cpu.user + cpu.system) / 1000;
      cost.centralCpuMs =
        cost.centralCpuMs === undefined || central === undefined || this.open.central === undefined
          ? undefined
          : cost.centralCpuMs + central - this.open.central;
    }
    this.open = step
      ? { step, started: now, cpu: process.cpuUsage(), central: processTreeCpuMs(this.centralPid) }
      : undefined;
  }
}
