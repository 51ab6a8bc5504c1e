// Transfer forwarding: a finalised outbound shipment (transact `ci`, status `fn`) to the name of a
// store active on another site reaches that site's queue as an inbound shipment (`si`) with lines.
import type { Database } from './database';
import type { BufferedRecord } from './integration';
import { readRecord, upsertRecord, type RecordData } from './records';
import { enqueueRecord } from './site-queue';
import { legacyId } from './sites';

interface StoreRow {
  record_id: string;
  data: string;
}

async function storeOwningName(
  db: Database,
  nameId: string,
): Promise<{ id: string; siteId: number } | undefined> {
  const row = await db.get<StoreRow>(
    "SELECT record_id, data FROM record WHERE table_name = 'store' AND json_extract(data, '$.name_ID') = ?",
    [nameId],
  );
  if (!row) return undefined;
  const siteId = (JSON.parse(row.data) as RecordData).sync_id_remote_site;
  return typeof siteId === 'number' ? { id: row.record_id, siteId } : undefined;
}

async function linesOf(db: Database, invoiceId: string): Promise<RecordData[]> {
  const rows = await db.all<{ data: string }>(
    "SELECT data FROM record WHERE table_name = 'trans_line' AND json_extract(data, '$.transaction_ID') = ?",
    [invoiceId],
  );
  return rows.map((row) => JSON.parse(row.data) as RecordData);
}

/** Writes the copy and queues it for the receiving site, unless an identical copy was forwarded before. */
async function forward(
  db: Database,
  targetSiteId: number,
  tableName: string,
  recordId: string,
  data: RecordData,
  pushingSiteId: number,
): Promise<void> {
  const existing = await readRecord(db, tableName, recordId);
  if (existing && JSON.stringify(existing) === JSON.stringify(data)) return;
  await upsertRecord(db, tableName, recordId, data, { sourceSiteId: pushingSiteId });
  await enqueueRecord(db, targetSiteId, tableName, recordId, existing ? 'update' : 'insert');
}

/** Call inside the integration transaction with the records the pushing site just upserted. */
export async function forwardTransfers(
  db: Database,
  pushingSiteId: number,
  upserted: readonly BufferedRecord[],
): Promise<void> {
  for (const record of upserted) {
    const invoice = record.data;
    if (record.tableName !== 'transact' || !invoice || invoice.type !== 'ci' || invoice.status !== 'fn')
      continue;
    if (typeof invoice.name_ID !== 'string') continue;
    const target = await storeOwningName(db, invoice.name_ID);
    if (!target || target.siteId === pushingSiteId) continue;
    const sourceStore =
      typeof invoice.store_ID === 'string' ? await readRecord(db, 'store', invoice.store_ID) : undefined;
    // Deterministic ids make a repeated push update the same inbound shipment instead of copying it again.
    const inboundId = legacyId(`transfer:${record.recordId}:${target.id}`);
    const inbound: RecordData = {
      ...invoice,
      ID: inboundId,
      store_ID: target.id,
      name_ID: sourceStore?.name_ID ?? '',
      type: 'si',
      status: 'nw',
      linked_transaction_id: record.recordId,
      their_ref: invoice.their_ref ?? '',
    };
    await forward(db, target.siteId, 'transact', inboundId, inbound, pushingSiteId);
    for (const line of await linesOf(db, record.recordId)) {
      const lineId = legacyId(`transfer-line:${String(line.ID)}:${target.id}`);
      const inboundLine: RecordData = {
        ...line,
        ID: lineId,
        transaction_ID: inboundId,
        type: 'stock_in',
        item_line_ID: '',
        location_ID: '',
        linked_trans_line_ID: line.ID,
        linked_transact_id: record.recordId,
      };
      await forward(db, target.siteId, 'trans_line', lineId, inboundLine, pushingSiteId);
    }
  }
}
