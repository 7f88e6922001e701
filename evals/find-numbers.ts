/**
 * The numbers a reply's text states, for the "no invented figure" check. A token counts as a
 * figure when it looks like one: a currency sign, a percent sign, a thousands separator, a decimal
 * point, a magnitude suffix (K, M, B) or a whole number of 100 or more that is not a year. Dates,
 * years, quarter and fiscal labels (Q3, FY2026, H1) and small counts ("top 5") are not figures.
 */
// Thousands separators only between digits: "$380,451, 60.0%" is two tokens, not "$380,451,".
const TOKEN = /(?<![\w.])([-+−]?\$?\s?[-+−]?\d(?:,?\d)*(?:\.\d+)?\s?(?:%|[KMBkmb]\b|bn\b)?)/g;
const DATE = /\b\d{4}-\d{2}(?:-\d{2})?\b/g;
const LABEL = /\b(?:Q[1-4]|H[12]|FY|W)\s?'?\d{2,4}\b|\b\d{1,2}(?:st|nd|rd|th)\b/gi;

export function isFigureToken(token: string): boolean {
  const t = token.replace(/\s/g, '');
  if (/[$%]|[KMBkmb]$|bn$/.test(t)) return true;
  if (/\d,\d{3}/.test(t) || /\.\d/.test(t)) return true;
  const n = Number(t.replace(/[-+−]/g, ''));
  return (
    Number.isFinite(n) && n >= 100 && !(Number.isInteger(n) && n >= 1900 && n <= 2100 && !/^[-+−]/.test(t))
  );
}

/** Figure-like tokens in `text`, as written (trimmed). */
export function findNumbers(text: string): string[] {
  const cleaned = text.replace(DATE, ' ').replace(LABEL, ' ');
  const found: string[] = [];
  for (const match of cleaned.matchAll(TOKEN)) {
    const token = (match[1] ?? '').trim();
    if (token && isFigureToken(token)) found.push(token);
  }
  return found;
}

/** A canonical form to compare a token with a figure's `formatted`: no spaces, one minus sign. */
export function normalizeNumber(token: string): string {
  return token.replace(/\s/g, '').replace(/−/g, '-').replace(/^\+/, '').toLowerCase();
}
