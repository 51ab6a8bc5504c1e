// Issue test 6 — faults from the reference central (docs/REFERENCE-CENTRAL.md "Faults"), each on the
// second request a run makes to a route, so part of that step's data is already committed when it
// hits: `GET /sync/v5/central_records`, `GET /sync/v5/queued_records` and `POST /central/sync/pull`
// during an initialisation of satellite-1, the push `POST /sync/v5/queued_records` during an
// operational run with local changes. HTTP 500 fails the run as UNKNOWN with the server's message
// (not retried) and the next sync makes up for it; 503 `sync_is_running`, a connection reset
// mid-body and truncated JSON are retried within the run; latency only makes it slower. After every
// scenario the local database equals central and every local change has reached it.
import { cpSync } from 'node:fs';
import { getAdapter, type AxiosAdapter } from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncEngine } from '../../../src-main/sync-engine';
import {
  createHttpTransport,
  type HttpRequest,
  type HttpTransport,
} from '../../../src-main/sync/clients/http';
import type { RunOutcome } from '../../../src-main/sync/run';
import type { WireRecord } from '../../../src-main/translators/types';
import {
  addFault,
  adminHttp,
  clearFaults,
  startCentral,
  type Central,
  type FaultRequest,
} from '../../reference-central/harness';
import { checkConsistency } from './consistency';
import { Prng, SATELLITE_1, lostChanges, makeLocalChanges, newDataDir, removeDataDir } from './crash-trials';

const HARDWARE_ID = 'HW-RELIABILITY-FAULTS';
const REQUEST_SIZE = 10;
const CHANGES = 40;
/** The fault is armed just before this request (1-based) of the run to the route. */
const FAULTY_REQUEST = 2;
const LATENCY_MS = 1500;
const INJECTED_500_MESSAGE = 'Injected fault: internal server error';

type Phase = 'initialisation' | 'push';

interface Target {
  method: 'GET' | 'POST';
  route: string;
  phase: Phase;
}

const TARGETS: readonly Target[] = [
  { method: 'GET', route: '/sync/v5/central_records', phase: 'initialisation' },
  { method: 'GET', route: '/sync/v5/queued_records', phase: 'initialisation' },
  { method: 'POST', route: '/sync/v5/queued_records', phase: 'push' },
  { method: 'POST', route: '/central/sync/pull', phase: 'initialisation' },
];

interface FaultCase {
  kind: FaultRequest['kind'];
  count: number;
  ms?: number;
  /** What the run with the fault must end as. */
  outcome: 'failed' | 'succeeded';
  /** HTTP attempts to the route beyond the run's requests: the retries. */
  retries: number;
  describe: string;
}

const CASES: readonly FaultCase[] = [
  {
    kind: 'http500',
    count: 1,
    outcome: 'failed',
    retries: 0,
    describe: 'HTTP 500 fails the run as UNKNOWN with the server message; the next sync loses nothing',
  },
  {
    kind: 'http503',
    count: 2,
    outcome: 'succeeded',
    retries: 2,
    describe: '503 sync_is_running (twice) is retried and the run succeeds',
  },
  {
    kind: 'reset',
    count: 1,
    outcome: 'succeeded',
    retries: 1,
    describe: 'a connection reset mid-body is retried and the run succeeds',
  },
  {
    kind: 'truncated',
    count: 1,
    outcome: 'succeeded',
    retries: 1,
    describe: 'truncated JSON is retried and the run succeeds',
  },
  {
    kind: 'latency',
    count: 1,
    ms: LATENCY_MS,
    outcome: 'succeeded',
    retries: 0,
    describe: `${LATENCY_MS} ms of latency: the run succeeds, slower`,
  },
];

const requestKey = (method: string, url: string): string =>
  `${method.toUpperCase()} ${new URL(url).pathname}`;

function bump(counts: Map<string, number>, key: string): number {
  const next = (counts.get(key) ?? 0) + 1;
  counts.set(key, next);
  return next;
}

/**
 * The engine's own HTTP transport, counting what goes out: `requests` as the engine asks for them,
 * `attempts` as they reach the wire (retries included). With a plan, it arms the fault on the
 * central just before the chosen request to the target route.
 */
class CountingTransport implements HttpTransport {
  readonly requests = new Map<string, number>();
  readonly attempts = new Map<string, number>();
  armed = false;
  private readonly inner: HttpTransport;

  constructor(private readonly plan?: { target: Target; fault: FaultRequest }) {
    const http = getAdapter('http');
    const counting: AxiosAdapter = (config) => {
      bump(this.attempts, requestKey(config.method ?? 'GET', config.url ?? ''));
      return http(config);
    };
    this.inner = createHttpTransport({ adapter: counting });
  }

  async request(request: HttpRequest) {
    const key = requestKey(request.method, request.url);
    const count = bump(this.requests, key);
    const target = this.plan?.target;
    if (this.plan && target && key === `${target.method} ${target.route}` && count === FAULTY_REQUEST) {
      await addFault(central, this.plan.fault);
      this.armed = true;
    }
    return this.inner.request(request);
  }
}

let central: Central;
let template: string;
let pushDataDir: string;
const prng = new Prng(0xfa17);
const dataDirs: string[] = [];

async function syncOnce(dataDir: string, transport: HttpTransport): Promise<RunOutcome> {
  const engine = await SyncEngine.open({ dataDir, hardwareId: HARDWARE_ID, transport });
  try {
    return await engine.syncOnce();
  } finally {
    await engine.close();
  }
}

beforeAll(async () => {
  central = await startCentral({ demo: true });
  template = newDataDir();
  dataDirs.push(template);
  const engine = await SyncEngine.open({ dataDir: template, hardwareId: HARDWARE_ID });
  try {
    await engine.configure({
      url: central.legacyUrl,
      siteName: SATELLITE_1.site,
      password: SATELLITE_1.password,
      syncId: SATELLITE_1.syncId,
      requestSize: REQUEST_SIZE,
    });
  } finally {
    await engine.close();
  }
}, 60_000);

afterAll(async () => {
  for (const dataDir of dataDirs) removeDataDir(dataDir);
  await central?.dispose();
});

/** A configured, never synced copy of the template (initialisation), or the shared initialised one (push). */
async function dataDirFor(phase: Phase): Promise<string> {
  if (phase === 'push' && pushDataDir) return pushDataDir;
  const dataDir = newDataDir();
  dataDirs.push(dataDir);
  cpSync(template, dataDir, { recursive: true });
  if (phase === 'push') {
    const initialised = await syncOnce(dataDir, createHttpTransport());
    if (initialised.status !== 'succeeded') throw new Error(`initialisation ${JSON.stringify(initialised)}`);
    pushDataDir = dataDir;
  }
  return dataDir;
}

async function runScenario(target: Target, fault: FaultCase): Promise<void> {
  const dataDir = await dataDirFor(target.phase);
  const changes: Map<string, WireRecord> =
    target.phase === 'push' ? await makeLocalChanges(dataDir, CHANGES, prng) : new Map();
  const transport = new CountingTransport({
    target,
    fault: { route: target.route, method: target.method, kind: fault.kind, count: fault.count, ms: fault.ms },
  });
  const started = performance.now();
  const outcome = await syncOnce(dataDir, transport);
  const elapsed = performance.now() - started;
  const key = `${target.method} ${target.route}`;
  const leftOver = ((await adminHttp(central, 'GET', '/admin/faults')).json as { faults: unknown[] }).faults;
  await clearFaults(central);

  expect(transport.armed, `the run made at least ${FAULTY_REQUEST} requests to ${key}`).toBe(true);
  expect(leftOver, 'the injected fault was used up').toEqual([]);
  if (fault.outcome === 'failed') {
    expect(outcome.status).toBe('failed');
    const error = outcome.status === 'failed' ? outcome.error : undefined;
    expect(error?.code).toBe('UNKNOWN');
    // v5 shows the central's message to the user; v6 keeps the body (with it) in the detail.
    expect(`${error?.message}\n${error?.detail}`).toContain(INJECTED_500_MESSAGE);
    if (target.route.startsWith('/sync/v5/')) expect(error?.message).toContain(INJECTED_500_MESSAGE);
  } else {
    expect(outcome, `run with ${fault.kind} on ${key}`).toEqual({ status: 'succeeded' });
  }
  expect((transport.attempts.get(key) ?? 0) - (transport.requests.get(key) ?? 0), 'retries').toBe(
    fault.retries,
  );
  if (fault.kind === 'latency') expect(elapsed).toBeGreaterThanOrEqual(LATENCY_MS);

  if (outcome.status !== 'succeeded') {
    expect(await syncOnce(dataDir, createHttpTransport()), 'the next sync').toEqual({ status: 'succeeded' });
  }
  const report = await checkConsistency(dataDir, central.dataDir, SATELLITE_1.syncId);
  expect(report.problems, 'local equals central').toEqual([]);
  expect(report.compared).toBeGreaterThan(100);
  expect(await lostChanges(central, changes), 'local changes that did not reach central').toEqual([]);
}

for (const target of TARGETS) {
  describe(`${target.method} ${target.route} (${target.phase})`, () => {
    for (const fault of CASES) {
      it(fault.describe, () => runScenario(target, fault), 60_000);
    }
  });
}
