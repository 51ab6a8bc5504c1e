// Schema parts both sync APIs share: counts, record actions and a record's data.
import { z } from 'zod';

export const count = z.number().int().nonnegative();

/** insert | update | delete | merge, in any case (the servers differ). */
export const syncActionSchema = z
  .string()
  .transform((action) => action.toLowerCase())
  .pipe(z.enum(['insert', 'update', 'delete', 'merge']));

export type SyncAction = z.infer<typeof syncActionSchema>;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A record's data: an object, or absent/null (deletes) which becomes null. Its fields are checked by
 * the table's translator; here it is only checked to be an object, not copied key by key (every
 * pulled record passes through here).
 */
export const recordDataSchema = z
  .custom<Record<string, unknown>>(isPlainObject, 'expected an object')
  .nullish()
  .transform((data) => data ?? null);
