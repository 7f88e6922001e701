/**
 * The money side of the ledger on a schedule: wholesale customers pay 30-42 days after invoice,
 * suppliers are paid in a Friday payment run when their terms fall due, rent on the 1st,
 * payroll on the 15th and the last day, the company card bill on the 5th, and 80% of each
 * quarter's profit is paid out to the owners on the 20th of the following month.
 */
import type { Receipt } from './daily-facts.ts';
import { type CalendarParts, daysInMonth, isoDay, MONTH_NAMES } from './dates.ts';
import type { Journal, PostLine } from './journal.ts';
import type { OperatingCosts } from './operating-costs.ts';
import { PAYROLL_TAX_RATE } from './operating-costs.ts';
import type { Random } from './random.ts';
import { suppliers } from './suppliers.ts';

const DISTRIBUTED_SHARE = 0.8;

export class CashSchedules {
  private readonly collections = new Map<
    number,
    { customerId: number; cents: number; invoiceDay: number }[]
  >();
  private readonly unpaid = new Map<number, Receipt[]>(suppliers.map((s) => [s.id, []]));
  private cardDue = 0;
  private profitAtQuarterEnd = 0;
  private distribution = 0;

  constructor(
    private readonly journal: Journal,
    private readonly costs: OperatingCosts,
    private readonly wholesaleNames: ReadonlyMap<number, string>,
    private readonly rng: Random,
  ) {}

  invoiced(day: number, byCustomer: ReadonlyMap<number, number>): void {
    for (const [customerId, cents] of byCustomer) {
      const payDay = day + 30 + this.rng.int(0, 12);
      const list = this.collections.get(payDay) ?? [];
      list.push({ customerId, cents, invoiceDay: day });
      this.collections.set(payDay, list);
    }
  }

  received(receipt: Receipt): void {
    this.unpaid.get(receipt.supplierId)?.push(receipt);
  }

  /** Morning movements: customer payments, rent, the supplier run, the card bill, payroll, distributions. */
  post(day: number, p: CalendarParts): void {
    const j = this.journal;
    const iso = isoDay(day);
    const ym = `${p.year}-${String(p.month).padStart(2, '0')}`;
    const monthName = `${MONTH_NAMES[p.month - 1]} ${p.year}`;
    const pay = (
      source: string,
      memo: string,
      reference: string,
      time: string,
      bankText: string,
      account: string,
      cents: number,
      costCenter?: string,
    ): void => {
      j.post({
        day,
        source,
        memo,
        reference,
        createdBy: 'ap-payment-run',
        time,
        bankText,
        lines: [
          { account, amount: cents, costCenter: costCenter ?? null },
          { account: '1010', amount: -cents },
        ],
      });
    };
    for (const c of this.collections.get(day) ?? []) {
      const name = this.wholesaleNames.get(c.customerId) ?? `Account ${c.customerId}`;
      j.post({
        day,
        source: 'bank',
        memo: `Payment received from ${name}`,
        reference: `INV-${isoDay(c.invoiceDay)}-${c.customerId}`,
        createdBy: 'bank-feed',
        time: '07:00:00',
        bankText: `ACH CREDIT ${name.toUpperCase()}`,
        lines: [
          { account: '1010', amount: c.cents },
          { account: '1100', amount: -c.cents },
        ],
      });
    }
    this.collections.delete(day);
    if (p.dayOfMonth === 1) {
      for (const b of this.costs.budgets(p.year, day)) {
        pay(
          'rent',
          `Rent ${monthName}, ${b.costCenter}`,
          `RENT-${ym}-${b.costCenter}`,
          '08:00:00',
          `ACH DEBIT RENT ${b.costCenter}`,
          '6100',
          Math.round(b.rent / 12),
          b.costCenter,
        );
      }
    }
    if (p.weekday === 5) {
      for (const s of suppliers) {
        const queue = this.unpaid.get(s.id) ?? [];
        let n = 0;
        let total = 0;
        while (n < queue.length && (queue[n]?.day ?? 0) + s.paymentTermsDays <= day + 7)
          total += queue[n++]?.invoiceCents ?? 0;
        queue.splice(0, n);
        pay(
          'payments',
          `Payment run: ${s.name}, ${n} invoice${n === 1 ? '' : 's'}`,
          `PAY-${iso}-S${s.id}`,
          '10:00:00',
          `ACH DEBIT ${s.bankName}`,
          '2000',
          total,
        );
      }
    }
    if (p.dayOfMonth === 5 && this.cardDue !== 0) {
      pay(
        'payments',
        'Company card statement paid',
        `AMEX-${ym}`,
        '11:00:00',
        'AMEX EPAYMENT ACH PMT',
        '2100',
        this.cardDue,
      );
      this.cardDue = 0;
    }
    if (p.dayOfMonth === 20 && p.month % 3 === 1 && this.distribution > 0) {
      pay(
        'payments',
        'Quarterly distribution to owners',
        `DIST-${ym}`,
        '11:30:00',
        'WIRE OUT OWNER DISTRIBUTION',
        '3200',
        this.distribution,
      );
      this.distribution = 0;
    }
    if (p.dayOfMonth === 15 || p.dayOfMonth === daysInMonth(p.year, p.month)) this.payroll(day, p, monthName);
  }

  /** End of day: remember what the card bill and the owners' distribution will be. */
  closeDay(p: CalendarParts): void {
    if (p.dayOfMonth !== daysInMonth(p.year, p.month)) return;
    this.cardDue = -(this.journal.balances.get('2100') ?? 0);
    if (p.month % 3 === 0) {
      this.distribution = Math.max(
        0,
        Math.round((this.journal.profit - this.profitAtQuarterEnd) * DISTRIBUTED_SHARE),
      );
      this.profitAtQuarterEnd = this.journal.profit;
    }
  }

  private payroll(day: number, p: CalendarParts, monthName: string): void {
    const lines: PostLine[] = this.costs.budgets(p.year, day).flatMap((b) => {
      const gross = Math.round(b.payroll / 24);
      return [
        { account: '6000', amount: gross, costCenter: b.costCenter },
        { account: '6010', amount: Math.round(gross * PAYROLL_TAX_RATE), costCenter: b.costCenter },
      ];
    });
    lines.push({ account: '1010', amount: -lines.reduce((t, l) => t + l.amount, 0) });
    const half = p.dayOfMonth === 15 ? 'first' : 'second';
    this.journal.post({
      day,
      source: 'payroll',
      memo: `Payroll, ${half} half of ${monthName}`,
      reference: `PAYROLL-${isoDay(day)}`,
      createdBy: 'payroll-sync',
      time: '12:00:00',
      bankText: 'ADP PAYROLL',
      lines,
    });
  }
}
