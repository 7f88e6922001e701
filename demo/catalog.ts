/**
 * The SKU range: every style of every line in 4-5 colours, with prices, costs, launch dates and
 * popularity drawn from the seed. SKU counts do not depend on scale (always 260 or more).
 */
import {
  ACCESSORY_PRICE,
  BASE_PRICE,
  type Category,
  COLOURS,
  type Gender,
  LINES,
  NEW_LINE,
  SIZE_RUNS,
  SIZE_STORY_SKU,
} from './catalog-lines.ts';
import { dayOf, partsOf } from './dates.ts';
import type { Random } from './random.ts';
import { PRICE_RISE_PCT, PRICE_RISE_SUPPLIER_ID } from './suppliers.ts';
import type { Timeline } from './timeline.ts';

export interface Product {
  id: number;
  code: string;
  name: string;
  category: Category;
  line: string;
  style: string;
  leather: string;
  colour: string;
  gender: Gender;
  sizeRun: string;
  /** Sizes sold, as written on order lines ('OS' for one size). */
  sizes: readonly string[];
  /** Relative chance of each size, same length as sizes. */
  sizeWeights: readonly number[];
  supplierId: number;
  /** Standard cost in cents before the price rise (or always, for other suppliers). */
  baseCost: number;
  /** Standard cost in cents from the price-rise day on. */
  raisedCost: number;
  listPrice: number;
  wholesalePrice: number;
  launch: number;
  discontinued: number | null;
  popularity: number;
}

const roundPrice = (dollars: number): number => (Math.round(dollars / 5) * 5 - 1) * 100;

function sizesFor(category: Category, gender: Gender): { sizes: string[]; weights: number[]; run: string } {
  if (category === 'accessories') return { sizes: ['OS'], weights: [1], run: 'One size' };
  const [lo, hi] = SIZE_RUNS[gender];
  const mid = (lo + hi) / 2;
  const sizes: string[] = [];
  const weights: number[] = [];
  for (let s = lo; s <= hi; s++) {
    sizes.push(String(s));
    weights.push(Math.exp(-(((s - mid) / ((hi - lo) / 3.2)) ** 2)));
  }
  return { sizes, weights, run: `EU ${lo}-${hi}` };
}

function launchDay(rng: Random, timeline: Timeline, isNewLine: boolean, forceOld: boolean): number {
  if (isNewLine) return timeline.newLineLaunch;
  if (forceOld || rng.chance(0.82)) return timeline.firstDay - rng.int(60, 1800);
  // Mid-history launches land on a season start: February 15 or August 15.
  const seasons: number[] = [];
  const lastYear = partsOf(timeline.asOf).year;
  for (let y = partsOf(timeline.firstDay).year; y <= lastYear; y++) {
    for (const m of [2, 8]) {
      const d = dayOf(y, m, 15);
      if (d > timeline.firstDay + 30 && d < timeline.asOf - 60) seasons.push(d);
    }
  }
  return seasons.length > 0 ? rng.pick(seasons) : timeline.firstDay - rng.int(60, 1800);
}

export function buildCatalog(rng: Random, timeline: Timeline): Product[] {
  const products: Product[] = [];
  for (const spec of LINES) {
    const isNewLine = spec.line === NEW_LINE;
    for (const [category, style, styleCode] of spec.styles) {
      const isStoryStyle = spec.line === SIZE_STORY_SKU.line && styleCode === SIZE_STORY_SKU.styleCode;
      const colourCount = rng.int(4, 5);
      const pool = COLOURS.filter(([name]) => !isStoryStyle || name !== SIZE_STORY_SKU.colour);
      const colours = isStoryStyle
        ? [COLOURS.find(([n]) => n === SIZE_STORY_SKU.colour) ?? ['sand', 'SND']]
        : [];
      while (colours.length < colourCount) {
        const c = rng.pick(pool);
        if (!colours.includes(c)) colours.push(c);
      }
      const base = category === 'accessories' ? (ACCESSORY_PRICE[styleCode] ?? 40) : BASE_PRICE[category];
      const styleLevel = rng.between(0.9, 1.12);
      const { sizes, weights, run } = sizesFor(category, spec.gender);
      for (const [colour, colourCode] of colours) {
        const code = `${spec.code}-${styleCode}-${colourCode}`;
        const listPrice = roundPrice(base * spec.tier * styleLevel);
        const baseCost = Math.round(listPrice * rng.between(0.3, 0.37));
        const isStorySku = code === SIZE_STORY_SKU.skuCode;
        const launch = launchDay(rng, timeline, isNewLine, isStorySku);
        const canRetire = !isNewLine && !isStorySku && launch < timeline.firstDay;
        const discontinued =
          canRetire && rng.chance(0.06) ? rng.int(timeline.firstDay + 90, timeline.asOf - 30) : null;
        products.push({
          id: products.length + 1,
          code,
          name: `${spec.line} ${style} - ${colour}`,
          category,
          line: spec.line,
          style,
          leather: spec.leather,
          colour,
          gender: spec.gender,
          sizeRun: run,
          sizes,
          sizeWeights: weights,
          supplierId: spec.supplierId,
          baseCost,
          raisedCost:
            spec.supplierId === PRICE_RISE_SUPPLIER_ID
              ? Math.round((baseCost * (100 + PRICE_RISE_PCT)) / 100)
              : baseCost,
          listPrice,
          wholesalePrice: Math.round(listPrice * 0.55),
          launch,
          discontinued,
          // A new-line SKU sells about twice an average one; the story sandal is a steady seller.
          popularity: isNewLine ? 1.8 : isStorySku ? 2 : Math.exp(rng.normal() * 0.5),
        });
      }
    }
  }
  return products;
}

/** Standard cost in cents of a product on a day. */
export function costOn(product: Product, day: number, timeline: Timeline): number {
  return day >= timeline.costRise ? product.raisedCost : product.baseCost;
}

export function isOnSale(product: Product, day: number): boolean {
  return day >= product.launch && (product.discontinued === null || day <= product.discontinued);
}
