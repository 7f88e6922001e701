/**
 * The daily summarised postings from the ERP: sales by channel (revenue per store cost centre,
 * discounts, card clearing or receivables), cost of goods sold, returns, and the card
 * processors' payouts. Each function returns postings for one day, read from DailyFacts.
 */
import type { DailyFacts } from './daily-facts.ts';
import { isoDay } from './dates.ts';
import type { Posting, PostLine } from './journal.ts';
import type { Store } from './locations.ts';

export const CARD_FEE_RATE = 0.025;

const REVENUE: Record<string, string> = { store: '4010', online: '4020', wholesale: '4030' };
const CHANNEL_WORDS: Record<string, string> = { store: 'Store', online: 'Online', wholesale: 'Wholesale' };

function sum(facts: DailyFacts, values: Float64Array, day: number, stores: readonly Store[]): number {
  let total = 0;
  for (const s of stores) total += values[facts.index(day, s.id)] ?? 0;
  return total;
}

/** One sales entry per channel: gross revenue per location, discounts, and what is owed for it. */
export function salesPostings(facts: DailyFacts, day: number, channels: Map<string, Store[]>): Posting[] {
  const postings: Posting[] = [];
  for (const [channel, stores] of channels) {
    const lines: PostLine[] = [];
    let net = 0;
    for (const s of stores) {
      const i = facts.index(day, s.id);
      const gross = facts.gross[i] ?? 0;
      const discount = facts.discount[i] ?? 0;
      lines.push({ account: REVENUE[channel] ?? '4010', amount: -gross, costCenter: s.code });
      lines.push({ account: '4090', amount: discount, costCenter: s.code });
      net += gross - discount;
    }
    lines.push({ account: channel === 'wholesale' ? '1100' : '1050', amount: net });
    postings.push({
      day,
      source: 'sales',
      memo: `${CHANNEL_WORDS[channel]} sales ${isoDay(day)}`,
      reference: `SALES-${channel.toUpperCase()}-${isoDay(day)}`,
      createdBy: 'erp-sync',
      time: '23:30:00',
      lines,
    });
  }
  return postings;
}

export function cogsPosting(facts: DailyFacts, day: number, selling: readonly Store[]): Posting {
  const lines: PostLine[] = selling.map((s) => ({
    account: '5000',
    amount: facts.cogs[facts.index(day, s.id)] ?? 0,
    costCenter: s.code,
  }));
  lines.push({ account: '1200', amount: -sum(facts, facts.cogs, day, selling) });
  return {
    day,
    source: 'sales',
    memo: `Cost of goods sold ${isoDay(day)}`,
    reference: `COGS-${isoDay(day)}`,
    createdBy: 'erp-sync',
    time: '23:35:00',
    lines,
  };
}

/** Refunds (card refunds for stores and online, bank transfers to wholesale accounts) and restocking. */
export function returnsPosting(facts: DailyFacts, day: number, channels: Map<string, Store[]>): Posting {
  const lines: PostLine[] = [];
  for (const [channel, stores] of channels) {
    let refunds = 0;
    for (const s of stores) {
      const refund = facts.refunds[facts.index(day, s.id)] ?? 0;
      lines.push({ account: '4080', amount: refund, costCenter: s.code });
      refunds += refund;
    }
    lines.push({ account: channel === 'wholesale' ? '1010' : '1050', amount: -refunds });
  }
  const restocked = facts.restockedCost[day - facts.firstDay] ?? 0;
  lines.push({ account: '1200', amount: restocked }, { account: '5000', amount: -restocked });
  return {
    day,
    source: 'returns',
    memo: `Customer returns ${isoDay(day)}`,
    reference: `RETURNS-${isoDay(day)}`,
    createdBy: 'erp-sync',
    time: '23:40:00',
    lines,
    bankText: 'WHOLESALE CREDIT NOTE REFUNDS',
  };
}

/** The processors pay out yesterday's card takings (less refunds and their fee) this morning. */
export function settlementPostings(
  facts: DailyFacts,
  day: number,
  channels: Map<string, Store[]>,
): Posting[] {
  const sold = day - 1;
  const postings: Posting[] = [];
  for (const [channel, processor] of [
    ['store', 'SQUARE INC DEPOSIT'],
    ['online', 'STRIPE PAYOUT'],
  ] as const) {
    const stores = channels.get(channel) ?? [];
    const net = sum(facts, facts.gross, sold, stores) - sum(facts, facts.discount, sold, stores);
    const refunds = sum(facts, facts.refunds, sold, stores);
    const fee = Math.round(Math.max(0, net) * CARD_FEE_RATE);
    postings.push({
      day,
      source: 'bank',
      memo: `${processor === 'STRIPE PAYOUT' ? 'Stripe' : 'Square'} payout for ${isoDay(sold)}`,
      reference: `${processor === 'STRIPE PAYOUT' ? 'STRIPE' : 'SQUARE'}-${isoDay(sold)}`,
      createdBy: 'bank-feed',
      time: '06:00:00',
      lines: [
        { account: '1010', amount: net - refunds - fee },
        { account: '6150', amount: fee },
        { account: '1050', amount: -(net - refunds) },
      ],
      bankText: processor,
    });
  }
  return postings;
}
