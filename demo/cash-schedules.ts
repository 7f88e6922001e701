/**
 * Cash that moves on a schedule: wholesale customers pay 30-42 days after invoice, suppliers are
 * paid in a Friday run when their terms fall due within the week, the company card bill is paid
 * on the 5th, and 80% of each quarter's profit goes to the owners on the 20th of the next month.
 */
import type { Receipt } from './daily-facts.ts';
import { type CalendarParts, daysInMonth, isoDay } from './dates.ts';
import { bankPayment, type Journal } from './journal.ts';
import type { Random } from './random.ts';
import { suppliers } from './suppliers.ts';

const DISTRIBUTED_SHARE = 0.8;

interface Invoice {
  customerId: number;
  cents: number;
  invoiceDay: number;
}

export class CashSchedules {
  private readonly collections = new Map<number, Invoice[]>();
  private readonly unpaid = new Map<number, Receipt[]>(suppliers.map((s) => [s.id, []]));
  private cardDue = 0;
  private profitAtQuarterEnd = 0;
  private distribution = 0;

  constructor(
    private readonly journal: Journal,
    private readonly wholesaleNames: ReadonlyMap<number, string>,
    private readonly rng: Random,
  ) {}

  /** A day's wholesale invoices, to be paid later. */
  invoiced(day: number, byCustomer: ReadonlyMap<number, number>): void {
    for (const [customerId, cents] of byCustomer) {
      const payDay = day + 30 + this.rng.int(0, 12);
      const list = this.collections.get(payDay) ?? [];
      list.push({ customerId, cents, invoiceDay: day });
      this.collections.set(payDay, list);
    }
  }

  /** A supplier invoice (goods received), to be paid when due. */
  received(receipt: Receipt): void {
    this.unpaid.get(receipt.supplierId)?.push(receipt);
  }

  /** Early morning: wholesale customers' payments arrive. */
  collect(day: number): void {
    for (const c of this.collections.get(day) ?? []) {
      const name = this.wholesaleNames.get(c.customerId) ?? `Account ${c.customerId}`;
      this.journal.post({
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
  }

  /** Mid-morning: the Friday supplier run, the card bill on the 5th, the owners' distribution. */
  pay(day: number, p: CalendarParts): void {
    const ym = `${p.year}-${String(p.month).padStart(2, '0')}`;
    if (p.weekday === 5) this.paySuppliers(day);
    if (p.dayOfMonth === 5 && this.cardDue !== 0) {
      this.journal.post(
        bankPayment(day, '2100', this.cardDue, {
          source: 'payments',
          memo: 'Company card statement paid',
          reference: `AMEX-${ym}`,
          time: '11:00:00',
          bankText: 'AMEX EPAYMENT ACH PMT',
        }),
      );
      this.cardDue = 0;
    }
    if (p.dayOfMonth === 20 && p.month % 3 === 1 && this.distribution > 0) {
      this.journal.post(
        bankPayment(day, '3200', this.distribution, {
          source: 'payments',
          memo: 'Quarterly distribution to owners',
          reference: `DIST-${ym}`,
          time: '11:30:00',
          bankText: 'WIRE OUT OWNER DISTRIBUTION',
        }),
      );
      this.distribution = 0;
    }
  }

  /** End of day: at month end, remember the card bill and (each quarter) the owners' share. */
  closeDay(p: CalendarParts): void {
    if (p.dayOfMonth !== daysInMonth(p.year, p.month)) return;
    this.cardDue = -(this.journal.balances.get('2100') ?? 0);
    if (p.month % 3 === 0) {
      const profit = this.journal.profit - this.profitAtQuarterEnd;
      this.distribution = Math.max(0, Math.round(profit * DISTRIBUTED_SHARE));
      this.profitAtQuarterEnd = this.journal.profit;
    }
  }

  private paySuppliers(day: number): void {
    for (const s of suppliers) {
      const queue = this.unpaid.get(s.id) ?? [];
      let n = 0;
      let total = 0;
      while (n < queue.length && (queue[n]?.day ?? 0) + s.paymentTermsDays <= day + 7) {
        total += queue[n++]?.invoiceCents ?? 0;
      }
      queue.splice(0, n);
      this.journal.post(
        bankPayment(day, '2000', total, {
          source: 'payments',
          memo: `Payment run: ${s.name}, ${n} invoice${n === 1 ? '' : 's'}`,
          reference: `PAY-${isoDay(day)}-S${s.id}`,
          time: '10:00:00',
          bankText: `ACH DEBIT ${s.bankName}`,
        }),
      );
    }
  }
}
