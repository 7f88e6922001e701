/**
 * Numbers as people read them, by the column's format (currency, percent as a fraction, days,
 * number); dates stay ISO. Shared by the chat's tables and the dashboard's tiles.
 */
const money = (digits: number) =>
  new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
const MONEY_0 = money(0);
const MONEY_2 = money(2);
const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const NUMBER_1 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function formatValue(value: unknown, format: string): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string' && !/^-?\d+(\.\d+)?$/.test(value)) {
    return /^\d{4}-\d{2}-\d{2}T/.test(value) ? value.slice(0, 10) : value;
  }
  const n = Number(value);
  if (!Number.isFinite(n)) return String(value);
  switch (format) {
    case 'currency':
      return (Math.abs(n) >= 1000 ? MONEY_0 : MONEY_2).format(n);
    case 'percent':
      return `${NUMBER_1.format(n * 100)}%`;
    case 'days':
      return `${NUMBER_1.format(n)} days`;
    default:
      return NUMBER.format(n);
  }
}

/** A signed change: "+12.5%" for a fraction, "+$1,200" for an amount. */
export function formatChange(value: number | null, format: string): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  return `${sign}${formatValue(Math.abs(value), format)}`;
}

const COMPACT = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 });

/** A headline figure that fits a tile: $7.32M, 44.1K, 60.6%, 112 days; small values as formatValue. */
export function formatCompact(value: unknown, format: string): string {
  const n = typeof value === 'number' ? value : Number(value);
  if (value === null || value === undefined || !Number.isFinite(n)) return formatValue(value, format);
  if (format === 'currency' && Math.abs(n) >= 100_000)
    return `${n < 0 ? '−' : ''}$${COMPACT.format(Math.abs(n))}`;
  if (format === 'number' && Math.abs(n) >= 100_000) return COMPACT.format(n);
  if (format === 'days' && Math.abs(n) >= 100) return `${Math.round(n)} days`;
  return formatValue(n, format);
}
