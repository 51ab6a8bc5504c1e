// What every area of the application service works with.
import type { z } from 'zod';
import type { OPERATIONS, OperationName } from '../contract/operations';
import type { HttpTransport } from '../sync/clients/http';
import type { SyncEngine } from '../sync-engine';
import type { PreferencesLock } from './preferences-lock';
import type { SiteProfile } from '../site-profile';

export interface AppContext {
  engine: SyncEngine;
  /** The transport the engine uses, for the checks made outside a run. */
  transport: HttpTransport;
  lock: PreferencesLock;
  now: () => number;
  dataDir: string;
  mode: 'electron' | 'browser';
  serverUrl: string;
  siteProfile: SiteProfile | null;
  /** Tell listeners (if any) that the status or the preferences may have changed. */
  publishStatus(): void;
  publishPreferences(): void;
}

/** An operation's input once validated (defaults applied): what the service's methods take. */
export type ParsedInput<Name extends OperationName> = z.output<(typeof OPERATIONS)[Name]>;
