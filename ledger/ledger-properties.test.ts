/**
 * Property-based: random sequences of drafts, confirms, cancels, reversals and retries (the same
 * idempotency key again) keep every invariant: each outcome matches a simple model, retries return
 * the first result, every entry balances per currency and the trial balance is zero.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../core/clock.ts';
import { isCodedError } from '../core/coded-error.ts';
import type { LedgerActor } from './ledger-actor.ts';
import { LedgerService } from './ledger-service.ts';
import { describeLedgerEngines, type EngineKind } from './ledger-test-engines.ts';
import { saveChart } from './save-chart.ts';
import { TEST_CHART } from './test-chart.ts';

const hooks = { describe, beforeAll, afterAll };
const actor: LedgerActor = { userId: 'prop', roles: ['finance'], channel: { kind: 'cli' } };
const RUNS: Record<EngineKind, number> = { pglite: 30, postgres: 10 };

type Command =
  | { t: 'draft'; amount: number; what: string; pay: string; currency: string }
  | { t: 'confirm' | 'cancel' | 'reverse' | 'retry'; i: number };

const indexed = (t: 'confirm' | 'cancel' | 'reverse' | 'retry') =>
  fc.record({ t: fc.constant(t), i: fc.nat(40) });
// Weighted so that short sequences still reach confirms, reversals and retries.
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('draft' as const),
      amount: fc.integer({ min: 1, max: 9_999_999 }),
      what: fc.constantFrom('stationery', 'flights', 'ads', 'team lunch'),
      pay: fc.constantFrom('cash', 'by card', 'by bank transfer'),
      currency: fc.constantFrom('USD', 'EUR', 'JPY'),
    }),
  },
  { weight: 3, arbitrary: indexed('confirm') },
  { weight: 1, arbitrary: indexed('cancel') },
  { weight: 2, arbitrary: indexed('reverse') },
  { weight: 2, arbitrary: indexed('retry') },
);

interface Done {
  key: string;
  run: () => Promise<unknown>;
  outcome: { ok: unknown } | { error: string };
}

async function outcomeOf(run: () => Promise<unknown>): Promise<Done['outcome']> {
  try {
    return { ok: await run() };
  } catch (error) {
    if (!isCodedError(error)) throw error;
    return { error: error.code };
  }
}

describeLedgerEngines(hooks, 'ledger properties', (engine) => {
  let service: LedgerService;
  let run = 0;
  const seen = { confirms: 0, reversals: 0, retries: 0 };
  beforeAll(async () => {
    await engine().db.transaction((tx) => saveChart(tx, TEST_CHART));
    service = new LedgerService(engine().db, { clock: fixedClock(new Date('2026-11-20T12:00:00Z')) });
  });

  it('random command sequences keep every invariant', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { minLength: 3, maxLength: 20 }), async (commands) => {
        run += 1;
        const drafts: { id: string; status: 'pending' | 'confirmed' | 'cancelled'; entry?: string }[] = [];
        const entries: { number: string; reversal: boolean; reversed: boolean }[] = [];
        const history: Done[] = [];
        const before = await entryCount();
        for (const [step, command] of commands.entries()) {
          const key = `p${process.pid}-${run}-${step}`;
          if (command.t === 'retry') {
            const earlier = history[command.i % Math.max(1, history.length)];
            if (!earlier) continue;
            expect(await outcomeOf(earlier.run)).toEqual(earlier.outcome);
            seen.retries += 1;
            continue;
          }
          const done = await apply(command, key);
          if (done) history.push(done);
        }
        expect((await entryCount()) - before).toBe(entries.length);
        await expectBalanced();

        async function apply(command: Command, key: string): Promise<Done | undefined> {
          if (command.t === 'draft') {
            const text = `record expense ${command.amount} ${command.currency} for ${command.what}, ${command.pay}`;
            const runIt = () => service.record(actor, text, { idempotencyKey: key });
            const outcome = await outcomeOf(runIt);
            const card =
              'ok' in outcome ? (outcome.ok as { status: string; card: { draftId: string } }) : undefined;
            expect(card?.status).toBe('draft');
            drafts.push({ id: card?.card.draftId as string, status: 'pending' });
            return { key, run: runIt, outcome };
          }
          const pool = command.t === 'reverse' ? entries : drafts;
          const target = pool[command.i % Math.max(1, pool.length)];
          if (!target) return undefined;
          if (command.t === 'reverse') {
            const entry = target as (typeof entries)[number];
            const runIt = () => service.reverse(actor, entry.number, { idempotencyKey: key });
            const outcome = await outcomeOf(runIt);
            if (entry.reversal || entry.reversed) {
              expect(outcome).toEqual({ error: 'LEDGER_REVERSAL_REFUSED' });
            } else {
              const posted = (outcome as { ok: { entryNumber: string; reversalOf: string } }).ok;
              expect(posted.reversalOf).toBe(entry.number);
              entry.reversed = true;
              entries.push({ number: posted.entryNumber, reversal: true, reversed: false });
              seen.reversals += 1;
            }
            return { key, run: runIt, outcome };
          }
          const draft = target as (typeof drafts)[number];
          if (command.t === 'confirm') {
            const runIt = () => service.confirm(actor, draft.id, { idempotencyKey: key });
            const outcome = await outcomeOf(runIt);
            if (draft.status === 'cancelled') expect(outcome).toEqual({ error: 'LEDGER_DRAFT_CLOSED' });
            else {
              const number = (outcome as { ok: { entryNumber: string } }).ok.entryNumber;
              if (draft.status === 'confirmed') expect(number).toBe(draft.entry);
              else {
                entries.push({ number, reversal: false, reversed: false });
                seen.confirms += 1;
              }
              draft.status = 'confirmed';
              draft.entry = number;
            }
            return { key, run: runIt, outcome };
          }
          const runIt = () => service.cancel(actor, draft.id, { idempotencyKey: key });
          const outcome = await outcomeOf(runIt);
          if (draft.status === 'confirmed') expect(outcome).toEqual({ error: 'LEDGER_DRAFT_CLOSED' });
          else draft.status = 'cancelled';
          return { key, run: runIt, outcome };
        }
      }),
      { numRuns: RUNS[engine().kind], seed: 20261120 },
    );
    // The generated sequences did reach the interesting paths.
    expect(seen.confirms).toBeGreaterThan(0);
    expect(seen.reversals).toBeGreaterThan(0);
    expect(seen.retries).toBeGreaterThan(0);
  });

  async function entryCount(): Promise<number> {
    return Number(
      (await engine().db.query<{ n: number }>('SELECT count(*) AS n FROM ledger_entries')).rows[0]?.n,
    );
  }

  async function expectBalanced(): Promise<void> {
    const unbalanced = await engine().db.query(
      'SELECT entry_id, currency FROM ledger_postings GROUP BY entry_id, currency HAVING sum(amount_minor) <> 0',
    );
    expect(unbalanced.rows).toEqual([]);
    const tb = await service.trialBalance(actor);
    for (const total of Object.values(tb.totals)) expect(total).toBe(0);
    const doubles = await engine().db.query(
      `SELECT r.id FROM ledger_entries r JOIN ledger_entries o ON o.id = r.reversal_of WHERE o.reversal_of IS NOT NULL`,
    );
    expect(doubles.rows).toEqual([]);
  }
});
