// One demo store's stocktake in progress: yesterday's snapshot of some stock lines, not counted yet,
// so it changes no stock and the demo's numbers still add up.
import type { LegacyRow, RecordsByTable } from './types';
import type { DemoSite } from './sites';
import { DEMO_TODAY, legacyDate, legacyId } from './random';
import type { Stock } from './rows';
import { BLANK_STOCK_TAKE, BLANK_STOCK_TAKE_LINE } from './templates';

export function buildStocktakeRecords(
  site: DemoSite,
  counted: readonly { stock: Stock; quantity: number }[],
): RecordsByTable {
  const id = legacyId('demo', 'Stock_take', site.store.id, 1);
  const day = legacyDate(DEMO_TODAY - 1);
  const stocktake: LegacyRow = {
    ...BLANK_STOCK_TAKE,
    ID: id,
    serial_number: 1,
    status: 'sg',
    store_ID: site.store.id,
    Description: 'Monthly count',
    stock_take_created_date: day,
    stock_take_date: day,
    stock_take_time: 9 * 3600,
  };
  const lines = counted.map(({ stock, quantity }, index) => ({
    ...BLANK_STOCK_TAKE_LINE,
    ID: legacyId('demo', 'Stock_take_lines', id, index + 1),
    stock_take_ID: id,
    line_number: index + 1,
    item_ID: stock.itemId,
    item_name: stock.itemName,
    item_line_ID: stock.id,
    location_id: stock.locationId,
    Batch: stock.batch,
    expiry: legacyDate(stock.expiryDay),
    snapshot_qty: quantity,
    snapshot_packsize: stock.packSize,
    cost_price: stock.costPrice,
    sell_price: stock.sellPrice,
  }));
  return { Stock_take: [stocktake], Stock_take_lines: lines };
}
