// Everything a route handler needs, created once per server.
import type { Database } from './database';
import type { FaultRegistry } from './faults';
import type { IntegrationTracker } from './integration';
import type { V5Authenticator } from './v5/auth';

export const CENTRAL_SITE_ID = 1;

export interface CentralContext {
  db: Database;
  auth: V5Authenticator;
  faults: FaultRegistry;
  integrations: IntegrationTracker;
  /** Sites whose initialisation is running (process memory). */
  initialising: Set<number>;
  /** Base URL of the v6 API, reported to sites as omSupplyCentralServerUrl. */
  omsUrl: () => string;
  /** False when started with --v6-off: every v6 route answers 405. */
  v6Enabled: boolean;
}
