/** list_transactions: posted ledger entries by date range, account, counterparty or text, newest first. */
import { z } from 'zod';
import type { EntryFilter } from '../ledger/list-entries.ts';
import { ledgerActorOf, ledgerOf } from './ledger-actor-of.ts';
import type { Tool } from './tool.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

const input = z.strictObject({
  from: isoDate.nullable().describe('First day included; null for no bound.'),
  to: isoDate.nullable().describe('Last day included; null for no bound.'),
  account: z.string().max(20).nullable().describe('An account code; null for any.'),
  counterparty: z.string().max(120).nullable().describe('Part of the counterparty name; null for any.'),
  text: z.string().max(200).nullable().describe('Part of the memo or entry number; null for any.'),
  limit: z.number().int().min(1).max(200).nullable().describe('Most entries to return; null for 50.'),
});

export const listTransactionsTool: Tool<z.infer<typeof input>> = {
  name: 'list_transactions',
  description:
    'Lists posted finance entries (newest first), filtered by dates, account code, counterparty or memo text.',
  input,
  role: 'finance',
  async run(args, ctx) {
    const filter: EntryFilter = { limit: args.limit ?? 50 };
    if (args.from !== null) filter.from = args.from;
    if (args.to !== null) filter.to = args.to;
    if (args.account !== null) filter.account = args.account;
    if (args.counterparty !== null) filter.counterparty = args.counterparty;
    if (args.text !== null) filter.text = args.text;
    const entries = await ledgerOf(ctx).listEntries(ledgerActorOf(ctx), filter);
    const record = ctx.artifacts.put({ kind: 'record', title: 'Ledger entries', data: entries });
    const shown = entries.slice(0, ctx.limits.modelRows);
    return {
      content: {
        entry_count: entries.length,
        entries: shown.map((e) => ({
          entry_number: e.entryNumber,
          date: e.entryDate,
          kind: e.kind,
          memo: e.memo,
          counterparty: e.counterparty,
          reversed_by: e.reversedBy,
          lines: e.lines.map((l) => ({
            account: `${l.accountCode} ${l.accountName}`,
            amount_minor: l.amountMinor,
            currency: l.currency,
          })),
        })),
        note:
          shown.length < entries.length
            ? `Showing the first ${shown.length} of ${entries.length} entries; the user sees all of them.`
            : entries.length === (args.limit ?? 50)
              ? 'The list reached its limit: there may be more entries; narrow the dates to see them.'
              : null,
      },
      artifacts: [record],
    };
  },
};
