// What every step of one run needs.
import type { LocalDatabase } from '../db/data-source';
import type { LegacyClient } from './clients/legacy';
import type { OmSupplyClient } from './clients/omsupply';
import type { IntegrationAhead } from './integration-ahead';
import type { RunLog } from './run-log';

export interface SyncTimings {
  /** Poll period and limit while central builds the initial queue (protocol: 15 s, 30 min). */
  initialisePollMs: number;
  initialiseTimeoutMs: number;
  /** Poll limit while central integrates a push (protocol: 30 s); polls start fast and slow down. */
  integrationTimeoutMs: number;
}

export const PROTOCOL_TIMINGS: SyncTimings = {
  initialisePollMs: 15_000,
  initialiseTimeoutMs: 30 * 60_000,
  integrationTimeoutMs: 30_000,
};

export interface RunContext {
  db: LocalDatabase;
  legacy: LegacyClient;
  oms: OmSupplyClient;
  log: RunLog;
  requestSize: number;
  siteId: number;
  /** Stores active on this site: their changes (and store-less ones) are pushed. */
  storeIds: readonly string[];
  isInitialised: boolean;
  timings: SyncTimings;
  /** True once automatic sync was paused: the run stops at the next batch boundary. */
  shouldPause: () => boolean;
  /** Pull steps hand it each batch they buffer. */
  integrationAhead: IntegrationAhead;
}

/** Thrown at a batch boundary when the run was asked to pause; not an error. */
export class RunPaused extends Error {
  constructor() {
    super('Sync paused');
    this.name = 'RunPaused';
  }
}

export function checkPause(context: RunContext): void {
  if (context.shouldPause()) throw new RunPaused();
}
