// Columns every synced table has.
import type { EntitySchemaColumnOptions } from 'typeorm';

export const syncedColumns = {
  id: { type: 'text', primary: true },
  receivedJson: { name: 'received_json', type: 'text', nullable: true },
} satisfies Record<string, EntitySchemaColumnOptions>;
