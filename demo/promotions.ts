/**
 * The yearly promotion calendar (a percentage off a category or everything) and a per-day
 * lookup of the best discount for a channel and category. Wholesale never gets promotions.
 */
import type { Category } from './catalog-lines.ts';
import { dayOf, lastWeekday, nthWeekday, partsOf } from './dates.ts';
import { ONLINE_CHANNEL, WHOLESALE_CHANNEL } from './locations.ts';
import type { Timeline } from './timeline.ts';

export interface Promotion {
  id: number;
  code: string;
  name: string;
  start: number;
  end: number;
  discountPct: number;
  category: Category | null;
  channelId: number | null;
}

type Plan = [
  code: string,
  name: string,
  start: number,
  end: number,
  pct: number,
  category: Category | null,
  channel: number | null,
];

function yearPlan(y: number): Plan[] {
  const presidents = nthWeekday(y, 2, 1, 3);
  const memorial = lastWeekday(y, 5, 1);
  const thanksgiving = nthWeekday(y, 11, 4, 4);
  return [
    [`WINTER${y}`, 'Winter Boot Clearance', dayOf(y, 1, 2), dayOf(y, 1, 21), 30, 'boots', null],
    [`PRES${y}`, "Presidents' Day Weekend", presidents - 2, presidents, 15, null, null],
    [
      `WEBOX${y}`,
      'Online Exclusive: Oxfords',
      dayOf(y, 3, 5),
      dayOf(y, 3, 18),
      20,
      'oxfords',
      ONLINE_CHANNEL,
    ],
    [`SPRING${y}`, 'Spring Loafer Refresh', dayOf(y, 4, 10), dayOf(y, 4, 24), 15, 'loafers', null],
    [`MEMORIAL${y}`, 'Memorial Day Sandal Event', memorial - 3, memorial, 20, 'sandals', null],
    [`SUMMER${y}`, 'Summer Sandal Sale', dayOf(y, 7, 5), dayOf(y, 7, 25), 25, 'sandals', null],
    [`SCHOOL${y}`, 'Back to School Sneakers', dayOf(y, 8, 8), dayOf(y, 8, 28), 15, 'sneakers', null],
    [`BF${y}`, 'Black Friday Weekend', thanksgiving + 1, thanksgiving + 4, 25, null, null],
    [`GIFT${y}`, 'Holiday Gift Accessories', dayOf(y, 12, 1), dayOf(y, 12, 24), 20, 'accessories', null],
    [`BOXING${y}`, 'After-Christmas Sale', dayOf(y, 12, 26), dayOf(y, 12, 31), 20, null, null],
  ];
}

export function buildPromotions(timeline: Timeline): Promotion[] {
  const promotions: Promotion[] = [];
  for (let y = partsOf(timeline.firstDay).year; y <= timeline.year; y++) {
    for (const [code, name, start, end, pct, category, channel] of yearPlan(y)) {
      if (start < timeline.firstDay || start > timeline.asOf) continue;
      promotions.push({
        id: promotions.length + 1,
        code,
        name,
        start,
        end,
        discountPct: pct,
        category,
        channelId: channel,
      });
    }
  }
  return promotions;
}

/** Which promotion (if any) gives a line its discount: the deepest one that applies. */
export class PromotionCalendar {
  private readonly byDay = new Map<number, Promotion[]>();

  constructor(promotions: readonly Promotion[]) {
    for (const p of promotions) {
      for (let d = p.start; d <= p.end; d++) {
        const list = this.byDay.get(d) ?? [];
        list.push(p);
        this.byDay.set(d, list);
      }
    }
  }

  best(day: number, channelId: number, category: Category): Promotion | undefined {
    if (channelId === WHOLESALE_CHANNEL) return undefined;
    let best: Promotion | undefined;
    for (const p of this.byDay.get(day) ?? []) {
      if (p.channelId !== null && p.channelId !== channelId) continue;
      if (p.category !== null && p.category !== category) continue;
      if (!best || p.discountPct > best.discountPct) best = p;
    }
    return best;
  }

  /** Promotions running on a day (for demand lift). */
  on(day: number): readonly Promotion[] {
    return this.byDay.get(day) ?? [];
  }
}
