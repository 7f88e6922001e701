/**
 * Two finance users confirm the same draft at the same moment with different idempotency keys
 * (two Slack clicks): one entry, and both get it. On Postgres the second waits on the draft's
 * lock; its re-checked row says "confirmed" while the joined entry number is still null.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../core/clock.ts';
import type { LedgerActor } from './ledger-actor.ts';
import { LedgerService } from './ledger-service.ts';
import { describeLedgerEngines } from './ledger-test-engines.ts';
import { saveChart } from './save-chart.ts';
import { TEST_CHART } from './test-chart.ts';

const actor = (userId: string): LedgerActor => ({ userId, roles: ['finance'], channel: { kind: 'cli' } });

describeLedgerEngines({ describe, beforeAll, afterAll }, 'confirm by two people at once', (engine) => {
  it('posts one entry per draft and returns it to all three', async () => {
    await engine().db.transaction((tx) => saveChart(tx, TEST_CHART));
    const service = new LedgerService(engine().db, { clock: fixedClock(new Date('2026-06-30T12:00:00Z')) });
    for (let round = 0; round < 5; round++) {
      const outcome = await service.record(actor('fiona'), 'record expense 75 for ads by card', {
        idempotencyKey: `race-draft-${round}`,
      });
      if (outcome.status !== 'draft') throw new Error('expected a draft');
      const id = outcome.card.draftId;
      const results = await Promise.all(
        ['fiona', 'frank', 'grace'].map((user) =>
          service.confirm(actor(user), id, { idempotencyKey: `race-${id}-${user}` }),
        ),
      );
      expect(new Set(results.map((entry) => entry.entryNumber)).size).toBe(1);
    }
    const { rows } = await engine().db.query<{ n: number }>('SELECT count(*)::int AS n FROM ledger_entries');
    expect(rows[0]?.n).toBe(5);
  });
});
