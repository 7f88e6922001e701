/**
 * The shape of demand: monthly seasonality overall and per category, regional climate bias,
 * weekday patterns and yearly growth per channel. Index 0 = January (months) or Sunday (weekdays).
 */
import type { Category } from './catalog-lines.ts';
import type { Climate } from './locations.ts';

/** Overall footfall by month for stores and online: a December peak, a quiet February. */
export const MONTH_SEASON = [0.85, 0.8, 0.95, 1.0, 1.05, 1.0, 0.95, 1.0, 0.95, 1.0, 1.2, 1.6];

/** Wholesale accounts buy ahead of the season: orders peak in July-September. */
export const WHOLESALE_MONTH_SEASON = [1.0, 1.1, 0.9, 0.8, 0.8, 0.9, 1.2, 1.3, 1.2, 0.9, 0.8, 0.6];

/** Category mix by month: boots peak in autumn and winter, sandals in summer. */
export const CATEGORY_SEASON: Record<Category, readonly number[]> = {
  boots: [1.4, 1.1, 0.8, 0.55, 0.4, 0.3, 0.3, 0.5, 0.9, 1.4, 1.7, 1.8],
  oxfords: [1.0, 1.0, 1.05, 1.05, 1.0, 0.95, 0.9, 0.95, 1.05, 1.05, 1.0, 1.1],
  loafers: [0.9, 0.95, 1.1, 1.15, 1.15, 1.05, 1.0, 1.0, 1.05, 1.0, 0.9, 0.9],
  sandals: [0.15, 0.2, 0.45, 0.9, 1.5, 1.9, 1.9, 1.4, 0.6, 0.25, 0.15, 0.2],
  sneakers: [0.85, 0.9, 1.05, 1.1, 1.15, 1.15, 1.1, 1.2, 1.05, 0.95, 0.85, 0.9],
  accessories: [0.9, 0.8, 0.85, 0.85, 0.9, 0.85, 0.85, 0.85, 0.9, 0.95, 1.3, 2.2],
};

/** Rough share of each category in the range, to size the lift a category promotion gives. */
export const CATEGORY_SHARE: Record<Category, number> = {
  boots: 0.24,
  oxfords: 0.18,
  loafers: 0.18,
  sandals: 0.14,
  sneakers: 0.18,
  accessories: 0.08,
};

/** Cold regions buy more boots, warm ones more sandals. */
export const CLIMATE_BIAS: Record<Climate, Partial<Record<Category, number>>> = {
  cold: { boots: 1.3, sandals: 0.7 },
  warm: { boots: 0.6, sandals: 1.5 },
  mild: { boots: 0.9, sandals: 1.15 },
  national: {},
};

/** Stores are busiest on Saturdays and Sundays; online is flat; wholesale trades on weekdays. */
export const WEEKDAY = {
  store: [1.3, 0.75, 0.8, 0.85, 0.95, 1.15, 1.6],
  online: [1.0, 1.1, 1.05, 1.0, 1.0, 0.95, 0.9],
  wholesale: [0, 1.1, 1.1, 1.1, 1.1, 1.0, 0],
} as const;

/** Yearly growth: online grows much faster than stores (story 6). */
export const GROWTH = { store: 1.025, online: 1.28, wholesale: 1.05 } as const;

/** Relative size of the online shop and wholesale against an average store, at the start. */
export const CHANNEL_BASE = { online: 4.5, wholesale: 0.8 } as const;

/** Mean lines per order and mean units per line, by channel. */
export const ORDER_SHAPE = {
  store: { extraLines: 0.3, meanQty: 1.11 },
  online: { extraLines: 0.45, meanQty: 1.11 },
  wholesale: { extraLines: 6, baseLines: 4, meanQty: 12 },
} as const;

/** Demand lift per percentage point of discount (25% off -> x1.75 for the promoted items). */
export const PROMO_LIFT_PER_PCT = 0.03;
