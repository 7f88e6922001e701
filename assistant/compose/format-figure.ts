/**
 * How figures are written in an answer's text: currency with the model's symbol, compact above a
 * million (1.23M), thousands separators below, percent (a 0..1 fraction) with one decimal, and
 * changes signed (+12.3% / -4.0%). One place, so the text, the figures and the tests agree.
 */

export interface FigureStyle {
  currencySymbol: string;
}

export const DEFAULT_FIGURE_STYLE: FigureStyle = { currencySymbol: '$' };

const SCALES: [number, string][] = [
  [1e9, 'B'],
  [1e6, 'M'],
];

function grouped(value: number, decimals: number): string {
  return value.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

/** A magnitude without sign or unit: 1.23M, 12,345, 12.5 (small values keep decimals). */
function magnitude(abs: number, smallDecimals: number): string {
  for (const [scale, suffix] of SCALES)
    if (Number(abs.toFixed(0)) >= scale) {
      const scaled = abs / scale;
      return `${grouped(scaled, scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2)}${suffix}`;
    }
  if (abs >= 100) return grouped(abs, 0);
  return grouped(abs, Number.isInteger(abs) ? 0 : smallDecimals);
}

export function formatFigure(
  value: number,
  format: string,
  style: FigureStyle = DEFAULT_FIGURE_STYLE,
): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  switch (format) {
    case 'currency':
      return `${sign}${style.currencySymbol}${magnitude(abs, 2)}`;
    case 'percent':
      return `${sign}${grouped(abs * 100, 1)}%`;
    case 'days':
      return `${sign}${grouped(abs, 1)}`;
    default:
      return `${sign}${magnitude(abs, 2)}`;
  }
}

/** A relative change (a 0..1 fraction of the baseline), always signed: +8.2%, -4.0%. */
export function formatChange(fraction: number): string {
  const text = grouped(Math.abs(fraction) * 100, 1);
  return `${fraction < 0 && text !== '0.0' ? '-' : '+'}${text}%`;
}

/** Reads a formatted figure back (for tests and checks): "$1.23M" → 1230000, "-4.0%" → -0.04. */
export function parseFigure(text: string): number {
  const match = /^([+-]?)\D*?([\d,]+(?:\.\d+)?)([MBk%]?)/.exec(text.trim());
  if (!match) return Number.NaN;
  const base = Number((match[2] ?? '').replace(/,/g, ''));
  const unit = match[3] ?? '';
  const scaled = unit === 'B' ? base * 1e9 : unit === 'M' ? base * 1e6 : unit === 'k' ? base * 1e3 : base;
  const value = unit === '%' ? scaled / 100 : scaled;
  return match[1] === '-' ? -value : value;
}

/** The largest rounding a formatted figure can carry, to compare it with its value. */
export function roundingOf(text: string): number {
  const match = /([\d,]+)(?:\.(\d+))?([MBk%]?)/.exec(text);
  const decimals = match?.[2]?.length ?? 0;
  const unit = match?.[3] ?? '';
  const step = 10 ** -decimals;
  const scale = unit === 'B' ? 1e9 : unit === 'M' ? 1e6 : unit === 'k' ? 1e3 : unit === '%' ? 0.01 : 1;
  return (step * scale) / 2 + 1e-9;
}

/** A relative change worth stating: finite and under 1000x (a near-zero baseline makes noise). */
export function isSensibleChange(fraction: number | null): fraction is number {
  return fraction !== null && Number.isFinite(fraction) && Math.abs(fraction) < 1000;
}
