/**
 * Periods of an answer's table that start after the pinned data's last day: a trend over "this
 * year" must stop at the current period, not show the months to come as zeros.
 */
import type { Answer } from '../assistant/answer.ts';

export function futurePeriods(answer: Answer, lastDay: string): string[] {
  const table = answer.table;
  if (!table) return [];
  const at = table.columns.flatMap((c, i) => (c.role === 'time' ? [i] : []));
  const late = new Set<string>();
  for (const row of table.rows) {
    for (const i of at) {
      const v = row[i];
      // ISO dates (period starts) compare as text.
      if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) && v.slice(0, 10) > lastDay)
        late.add(v.slice(0, 10));
    }
  }
  return late.size
    ? [`the table shows periods after the data's last day (${lastDay}): ${[...late].sort().join(', ')}`]
    : [];
}
