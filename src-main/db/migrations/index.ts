// Every migration, in order. Add new ones at the end; never edit one that has shipped.
import { InternalTables1764100000000 } from './internal-tables-1764100000000';
import { FirstSyncedTables1764100000001 } from './first-synced-tables-1764100000001';
import { SecondSyncedTables1764100000002 } from './second-synced-tables-1764100000002';
import { SyncBufferProblemsIndex1764100000003 } from './sync-buffer-problems-index-1764100000003';
import { SyncBufferPendingPartial1764100000004 } from './sync-buffer-pending-partial-1764100000004';

export const MIGRATIONS = [
  InternalTables1764100000000,
  FirstSyncedTables1764100000001,
  SecondSyncedTables1764100000002,
  SyncBufferProblemsIndex1764100000003,
  SyncBufferPendingPartial1764100000004,
] as const;
