/**
 * Which SKUs each location sells. A physical store carries 60-90 SKUs (bigger stores more),
 * chosen by popularity and local climate, always including part of the new line and the story sandal;
 * the online shop sells everything and wholesale everything but accessories, both from the
 * central warehouse, which stocks the whole range.
 */

import type { Product } from './catalog.ts';
import { NEW_LINE, SIZE_STORY_SKU } from './catalog-lines.ts';
import { CLIMATE_BIAS } from './demand-curves.ts';
import { regionOf, type Store } from './locations.ts';
import type { Random } from './random.ts';

export class Assortments {
  constructor(private readonly byLocation: ReadonlyMap<number, Int32Array>) {}

  /** Product indexes (ascending) a location sells, or stocks for the warehouse. */
  skus(locationId: number): Int32Array {
    const list = this.byLocation.get(locationId);
    if (!list) throw new Error(`no assortment for location ${locationId}`);
    return list;
  }
}

export function buildAssortments(
  rng: Random,
  products: readonly Product[],
  stores: readonly Store[],
): Assortments {
  const all = Int32Array.from(products, (_, i) => i);
  const byLocation = new Map<number, Int32Array>();
  for (const store of stores) {
    if (store.type === 'online' || store.type === 'warehouse') {
      byLocation.set(store.id, all);
      continue;
    }
    if (store.type === 'wholesale') {
      byLocation.set(store.id, Int32Array.from(all.filter((i) => products[i]?.category !== 'accessories')));
      continue;
    }
    const size = Math.max(60, Math.min(90, 60 + Math.round(store.demand * 20)));
    const bias = CLIMATE_BIAS[regionOf(store).climate];
    // Stores carry the new line in its first two colours of each style, plus the story sandal.
    const seenStyles = new Map<string, number>();
    const must = products
      .filter((p) => {
        if (p.code === SIZE_STORY_SKU.skuCode) return true;
        if (p.line !== NEW_LINE) return false;
        const n = (seenStyles.get(p.style) ?? 0) + 1;
        seenStyles.set(p.style, n);
        return n <= 2;
      })
      .map((p) => p.id - 1);
    const accessories = products
      .filter((p) => p.category === 'accessories')
      .map((p) => ({ i: p.id - 1, score: p.popularity * rng.between(0.6, 1.4) }))
      .sort((a, b) => b.score - a.score || a.i - b.i)
      .slice(0, 8)
      .map((x) => x.i);
    const chosen = new Set([...must, ...accessories]);
    const footwear = products
      .filter((p) => p.category !== 'accessories' && !chosen.has(p.id - 1))
      .map((p) => ({ i: p.id - 1, score: p.popularity * (bias[p.category] ?? 1) * rng.between(0.5, 1.5) }))
      .sort((a, b) => b.score - a.score || a.i - b.i);
    for (const { i } of footwear) {
      if (chosen.size >= size) break;
      chosen.add(i);
    }
    byLocation.set(store.id, Int32Array.from([...chosen].sort((a, b) => a - b)));
  }
  return new Assortments(byLocation);
}
