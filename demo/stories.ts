/**
 * The planted stories, stated as facts an eval can check: which store, SKU, supplier or line,
 * exact dates, and the expected effect. Written to stories.json next to the manifest.
 */

import type { Product } from './catalog.ts';
import { NEW_LINE, SIZE_STORY_SKU } from './catalog-lines.ts';
import { isoDay } from './dates.ts';
import { GROWTH } from './demand-curves.ts';
import { OPENING_STORE_CODE, REFURBISHED_STORE_CODE, regionOf, type Store } from './locations.ts';
import { SIZE_STORY_RETURN_RATE, SIZE_STORY_SIZES } from './returns.ts';
import { PRICE_RISE_PCT, PRICE_RISE_SUPPLIER_ID, supplierById } from './suppliers.ts';
import type { Timeline } from './timeline.ts';

export interface DemoStories {
  refurbishment: {
    store: string;
    storeName: string;
    region: string;
    closedFrom: string;
    closedTo: string;
    month: string;
    effect: string;
  };
  supplierPriceRise: {
    supplier: string;
    supplierId: number;
    from: string;
    pct: number;
    skus: number;
    lines: string[];
    effect: string;
  };
  newLine: { line: string; launched: string; skus: number; effect: string };
  sizeReturns: {
    sku: string;
    skuId: number;
    sizes: readonly string[];
    soldFrom: string;
    soldTo: string;
    reason: string;
    returnRate: number;
    effect: string;
  };
  storeOpening: { store: string; storeName: string; region: string; opened: string; effect: string };
  onlineGrowth: { onlinePerYear: number; storesPerYear: number; effect: string };
}

function storeByCode(stores: readonly Store[], code: string): Store {
  const store = stores.find((s) => s.code === code);
  if (!store) throw new Error(`no store ${code}`);
  return store;
}

export function describeStories(
  timeline: Timeline,
  stores: readonly Store[],
  products: readonly Product[],
): DemoStories {
  const refurbished = storeByCode(stores, REFURBISHED_STORE_CODE);
  const opening = storeByCode(stores, OPENING_STORE_CODE);
  const risen = products.filter((p) => p.supplierId === PRICE_RISE_SUPPLIER_ID);
  const sandal = products.find((p) => p.code === SIZE_STORY_SKU.skuCode);
  const region = regionOf(refurbished).name;
  return {
    refurbishment: {
      store: refurbished.code,
      storeName: refurbished.name,
      region,
      closedFrom: isoDay(timeline.refurbishment.start),
      closedTo: isoDay(timeline.refurbishment.end),
      month: isoDay(timeline.refurbishment.start).slice(0, 7),
      effect: `No sales or returns at ${refurbished.code} while closed; ${region} boot sales that month fall well below the same month a year earlier and the month before. Refurbishment bills from Summit Build Group appear in that month's expenses (account 6500).`,
    },
    supplierPriceRise: {
      supplier: supplierById(PRICE_RISE_SUPPLIER_ID).name,
      supplierId: PRICE_RISE_SUPPLIER_ID,
      from: isoDay(timeline.costRise),
      pct: PRICE_RISE_PCT,
      skus: risen.length,
      lines: [...new Set(risen.map((p) => p.line))],
      effect: `Unit costs of this supplier's SKUs are ${PRICE_RISE_PCT}% higher on purchase order lines ordered and sales lines sold from this date; cost of goods sold rises and gross margin of those lines falls. List prices do not change.`,
    },
    newLine: {
      line: NEW_LINE,
      launched: isoDay(timeline.newLineLaunch),
      skus: products.filter((p) => p.line === NEW_LINE).length,
      effect:
        'No sales before launch; ramps up over two months and is the best-selling line by units and by revenue from then on.',
    },
    sizeReturns: {
      sku: SIZE_STORY_SKU.skuCode,
      skuId: sandal?.id ?? 0,
      sizes: SIZE_STORY_SIZES,
      soldFrom: isoDay(timeline.sizeReturns.start),
      soldTo: isoDay(timeline.sizeReturns.end),
      reason: 'too small',
      returnRate: SIZE_STORY_RETURN_RATE,
      effect: `About ${SIZE_STORY_RETURN_RATE * 100}% of these lines come back with reason 'too small' (the norm is 4-14% by channel); returns land up to five weeks after the window.`,
    },
    storeOpening: {
      store: opening.code,
      storeName: opening.name,
      region: regionOf(opening).name,
      opened: isoDay(opening.opened),
      effect: 'No sales before the opening day; adds to its region from then on.',
    },
    onlineGrowth: {
      onlinePerYear: Math.round((GROWTH.online - 1) * 1000) / 1000,
      storesPerYear: Math.round((GROWTH.store - 1) * 1000) / 1000,
      effect:
        'Online sales grow about 28% a year against 2.5% for like-for-like stores, so the online share rises every year.',
    },
  };
}
