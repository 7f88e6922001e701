/**
 * Rent on the 1st of each month and payroll on the 15th and the last day, per cost centre, from
 * the yearly budgets in OperatingCosts.
 */
import { type CalendarParts, daysInMonth, isoDay, MONTH_NAMES } from './dates.ts';
import { bankPayment, type Journal, type PostLine } from './journal.ts';
import { type OperatingCosts, PAYROLL_TAX_RATE } from './operating-costs.ts';

const monthName = (p: CalendarParts): string => `${MONTH_NAMES[p.month - 1]} ${p.year}`;

export function postRent(journal: Journal, costs: OperatingCosts, day: number, p: CalendarParts): void {
  if (p.dayOfMonth !== 1) return;
  const ym = `${p.year}-${String(p.month).padStart(2, '0')}`;
  for (const b of costs.budgets(p.year, day)) {
    journal.post(
      bankPayment(day, '6100', Math.round(b.rent / 12), {
        source: 'rent',
        memo: `Rent ${monthName(p)}, ${b.costCenter}`,
        reference: `RENT-${ym}-${b.costCenter}`,
        time: '08:00:00',
        bankText: `ACH DEBIT RENT ${b.costCenter}`,
        costCenter: b.costCenter,
      }),
    );
  }
}

export function postPayroll(journal: Journal, costs: OperatingCosts, day: number, p: CalendarParts): void {
  if (p.dayOfMonth !== 15 && p.dayOfMonth !== daysInMonth(p.year, p.month)) return;
  const lines: PostLine[] = costs.budgets(p.year, day).flatMap((b) => {
    const gross = Math.round(b.payroll / 24);
    return [
      { account: '6000', amount: gross, costCenter: b.costCenter },
      { account: '6010', amount: Math.round(gross * PAYROLL_TAX_RATE), costCenter: b.costCenter },
    ];
  });
  lines.push({ account: '1010', amount: -lines.reduce((t, l) => t + l.amount, 0) });
  journal.post({
    day,
    source: 'payroll',
    memo: `Payroll, ${p.dayOfMonth === 15 ? 'first' : 'second'} half of ${monthName(p)}`,
    reference: `PAYROLL-${isoDay(day)}`,
    createdBy: 'payroll-sync',
    time: '12:00:00',
    bankText: 'ADP PAYROLL',
    lines,
  });
}
