/**
 * The figures a file states about itself, checked against the rows loaded: an expense report's
 * Total against the sum of its good rows; a statement's closing balance against its opening
 * balance plus every good movement. A planted bad row is never in the Total, so a match means
 * every good row was read and every rejected row was rightly left out.
 */
import { centsText, toCents } from '../file-loads/parse-values.ts';
import { netAmount } from './accountant-targets.ts';
import type { AccountantFileContents } from './read-accountant-file.ts';

export interface ControlCheck {
  name: 'total' | 'closing balance';
  /** What the file says. */
  expected: string;
  /** What the loaded rows add up to. */
  actual: string;
  matches: boolean;
}

export function controlCheck(file: AccountantFileContents): ControlCheck | undefined {
  const sum = (field: (values: Map<string, string | null>) => string): bigint =>
    file.rows.reduce((total, row) => total + toCents(field(row.values)), 0n);
  if (file.layout?.kind === 'expenses') {
    const expected = file.controls.get('total');
    if (expected === undefined) return undefined;
    const actual = centsText(sum((v) => v.get('amount') ?? '0'));
    return { name: 'total', expected, actual, matches: toCents(expected) === toCents(actual) };
  }
  const opening = file.controls.get('opening balance');
  const expected = file.controls.get('closing balance');
  if (opening === undefined || expected === undefined) return undefined;
  const movements = sum((v) => netAmount(v.get('deposits') ?? null, v.get('withdrawals') ?? null));
  const actual = centsText(toCents(opening) + movements);
  return { name: 'closing balance', expected, actual, matches: toCents(expected) === toCents(actual) };
}
