// Injected faults for the reliability tests, set through the admin API.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';

export const FAULT_KINDS = [
  'latency',
  'http500',
  'http503',
  'reset',
  'truncated',
  'slow-integration',
  'slow-initialise',
  'v6-off',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const faultRequestSchema = z.object({
  route: z.string().min(1).default('*'),
  method: z.string().optional(),
  kind: z.enum(FAULT_KINDS),
  count: z.number().int().positive().default(1),
  ms: z.number().int().nonnegative().optional(),
});

export interface Fault {
  id: string;
  route: string;
  method?: string;
  kind: FaultKind;
  remaining: number;
  ms?: number;
}

const DEFAULT_MS: Partial<Record<FaultKind, number>> = {
  latency: 2000,
  'slow-integration': 35_000,
  'slow-initialise': 5000,
};

export class FaultRegistry {
  private faults: Fault[] = [];

  add(input: z.infer<typeof faultRequestSchema>): Fault {
    const fault: Fault = {
      id: randomUUID(),
      route: input.route,
      method: input.method?.toUpperCase(),
      kind: input.kind,
      remaining: input.kind === 'v6-off' ? Number.POSITIVE_INFINITY : input.count,
      ms: input.ms ?? DEFAULT_MS[input.kind],
    };
    this.faults.push(fault);
    return fault;
  }

  list(): Fault[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  clear(): void {
    this.faults = [];
  }

  /** True while a `v6-off` fault is set (it does not wear out). */
  isV6Off(): boolean {
    return this.faults.some((fault) => fault.kind === 'v6-off');
  }

  /** Takes (uses up once) the first fault of one of `kinds` that matches the request. */
  take(kinds: readonly FaultKind[], method = '*', path = '*'): Fault | undefined {
    const fault = this.faults.find(
      (candidate) =>
        kinds.includes(candidate.kind) &&
        (candidate.route === '*' || path === '*' || candidate.route === path) &&
        (!candidate.method || method === '*' || candidate.method === method),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((candidate) => candidate !== fault);
    return { ...fault };
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
