/**
 * Builds the master data (locations, suppliers, products, staff, promotions) and writes their
 * tables. modified_at says when each row last changed (a price change, a leaver); row_version
 * ranks rows by it, as SQL Server's rowversion would.
 */
import { join } from 'node:path';
import { buildCatalog, type Product } from './catalog.ts';
import { type CsvValue, CsvWriter, money } from './csv-writer.ts';
import { isoDateTime, isoDay } from './dates.ts';
import { tableSpec } from './erp-tables.ts';
import { buildStores, channels, regions, type Store } from './locations.ts';
import { buildPromotions, type Promotion } from './promotions.ts';
import type { Random } from './random.ts';
import { buildStaff, type Salesperson } from './staff.ts';
import { PRICE_RISE_SUPPLIER_ID, suppliers } from './suppliers.ts';
import type { Timeline } from './timeline.ts';

export interface MasterData {
  stores: Store[];
  products: Product[];
  staff: Salesperson[];
  promotions: Promotion[];
}

export function buildMasterData(rng: Random, timeline: Timeline): MasterData {
  const stores = buildStores(timeline);
  return {
    stores,
    products: buildCatalog(rng.fork('catalog'), timeline),
    staff: buildStaff(rng.fork('staff'), stores, timeline),
    promotions: buildPromotions(timeline),
  };
}

/** Writes a table whose rows end with modified_at; row_version is appended in modified_at order. */
function writeVersioned(dir: string, name: string, rows: CsvValue[][]): number {
  const spec = tableSpec(name);
  const order = rows
    .map((row, i) => ({ i, at: String(row[row.length - 1]) }))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.i - b.i));
  const version = new Array<number>(rows.length);
  order.forEach((o, rank) => {
    version[o.i] = rank + 1;
  });
  const writer = new CsvWriter(
    join(dir, `${name}.csv`),
    spec.columns.map((c) => c.name),
  );
  rows.forEach((row, i) => {
    writer.row([...row, version[i]]);
  });
  writer.close();
  return writer.rows;
}

/** Writes every master table but customers (which grow during the sales loop); returns row counts. */
export function writeMasterData(master: MasterData, erpDir: string, timeline: Timeline): Map<string, number> {
  const goLive = timeline.firstDay - 730;
  const at = (day: number, time: string): string => `${isoDay(day)} ${time}`;
  const setup = at(goLive, '08:00:00');
  const latest = (...stamps: string[]): string => [...stamps].sort().at(-1) ?? setup;
  const counts = new Map<string, number>();
  const write = (name: string, rows: CsvValue[][]): void => {
    counts.set(name, writeVersioned(erpDir, name, rows));
  };

  write(
    'regions',
    regions.map((r) => [r.id, r.code, r.name, setup]),
  );
  write(
    'stores',
    master.stores.map((s) => [
      s.id,
      s.code,
      s.name,
      s.type,
      s.regionId,
      s.city,
      s.state,
      isoDay(s.opened),
      null,
      s.sizeSqft,
      s.stockLocationId,
      latest(setup, at(s.opened - 30, '08:00:00')),
    ]),
  );
  write(
    'channels',
    channels.map((c) => [c.id, c.code, c.name, setup]),
  );
  write(
    'suppliers',
    suppliers.map((s) => [s.id, s.name, s.country, s.leadTimeDays, s.paymentTermsDays, s.email, setup]),
  );
  write(
    'products',
    master.products.map((p) => {
      const changes = [setup, at(p.launch - 45, '08:00:00')];
      if (p.supplierId === PRICE_RISE_SUPPLIER_ID) changes.push(at(timeline.costRise, '06:00:00'));
      if (p.discontinued !== null) changes.push(at(p.discontinued, '18:00:00'));
      return [
        p.id,
        p.code,
        p.name,
        p.category,
        p.line,
        p.style,
        p.leather,
        p.colour,
        p.gender,
        p.sizeRun,
        p.supplierId,
        money(p.raisedCost),
        money(p.listPrice),
        money(p.wholesalePrice),
        isoDay(p.launch),
        p.discontinued === null ? null : isoDay(p.discontinued),
        latest(...changes),
      ];
    }),
  );
  write(
    'salespeople',
    master.staff.map((s) => [
      s.id,
      s.code,
      s.name,
      s.storeId,
      s.role,
      isoDay(s.hired),
      s.left === null ? null : isoDay(s.left),
      s.left === null ? latest(setup, at(s.hired - 7, '12:00:00')) : isoDateTime(s.left, 64_800),
    ]),
  );
  write(
    'promotions',
    master.promotions.map((p) => [
      p.id,
      p.code,
      p.name,
      isoDay(p.start),
      isoDay(p.end),
      `${p.discountPct}.00`,
      p.category,
      p.channelId,
      at(p.start - 30, '10:00:00'),
    ]),
  );
  return counts;
}
