/** What an Answer shows, flattened for grading: its numbers (figures and table cells) and names. */
import type { Answer } from '../assistant/answer.ts';

export interface ShownNumber {
  value: number;
  /** "figure: <label>" or "table: <column>". */
  where: string;
}

/** The figures first, then every numeric cell of the table's metric, compare and share columns. */
export function answerNumbers(answer: Answer): ShownNumber[] {
  const shown: ShownNumber[] = answer.figures.map((f) => ({ value: f.value, where: `figure: ${f.label}` }));
  const table = answer.table;
  if (!table) return shown;
  table.columns.forEach((column, i) => {
    if (column.role === 'time' || column.role === 'dimension') return;
    for (const row of table.rows) {
      const v = row[i];
      const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
      if (typeof n === 'number' && Number.isFinite(n))
        shown.push({ value: n, where: `table: ${column.name}` });
    }
  });
  return shown;
}

/** Within a relative tolerance, or within `floor` (a cent by default) of a small value. */
export function close(actual: number, expected: number, tolerance: number, floor = 0.01): boolean {
  return Math.abs(actual - expected) <= Math.max(Math.abs(expected) * tolerance, floor);
}

/** A shown number equal to `expected` within tolerance; a ratio may also be shown in percent. */
export function findFigure(
  shown: ShownNumber[],
  expected: number,
  tolerance: number,
  ratio: boolean,
): ShownNumber | undefined {
  return shown.find(
    (n) =>
      close(n.value, expected, tolerance, ratio ? 0.0005 : 0.01) ||
      (ratio && close(n.value, expected * 100, tolerance, 0.05)),
  );
}

/** Case, spacing and curly quotes aside. */
export function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}

/** Everything the answer names, lower case: its text, figure labels and table cells. */
export function answerNames(answer: Answer): string[] {
  const names = [answer.text, ...answer.figures.map((f) => f.label)];
  for (const row of answer.table?.rows ?? [])
    for (const cell of row) if (typeof cell === 'string') names.push(cell);
  return names.map((n) => n.toLowerCase());
}
