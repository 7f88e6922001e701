/**
 * The exactly-once paths on the Postgres server at DATABASE_URL (the production engine): an event
 * delivered three times answers once, and Confirm clicked by two finance users at once posts once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateAppDb } from '../db/app-db.ts';
import type { LedgerDb } from '../db/ledger-db.ts';
import { openLedgerDb } from '../db/open-ledger-db.ts';
import { createTestDatabase } from '../db/test-postgres.ts';
import { migrateLedger } from '../ledger/migrate-ledger.ts';
import { saveChart } from '../ledger/save-chart.ts';
import { TEST_CHART } from '../ledger/test-chart.ts';
import { ActionId } from './slack-actions-ids.ts';
import { type SlackHarness, startSlackHarness } from './test-slack-harness.ts';
import {
  buttonClick,
  dmEvent,
  eventEnvelope,
  mentionEvent,
  sendEvent,
  sendInteraction,
} from './test-slack-requests.ts';

let h: SlackHarness;
let db: LedgerDb;
let drop: () => Promise<void>;
beforeAll(async () => {
  const created = await createTestDatabase('slack_bot');
  drop = created.drop;
  db = await openLedgerDb(created.url);
  await migrateLedger(db);
  await migrateAppDb(db);
  await db.transaction((tx) => saveChart(tx, TEST_CHART));
  h = await startSlackHarness(() => ({ text: 'Revenue was $10.' }), { db });
});
afterAll(async () => {
  await h?.stop();
  await db?.close();
  await drop?.();
});

describe('Slack exactly-once on Postgres', () => {
  it('answers an event delivered three times at once exactly once', async () => {
    const envelope = eventEnvelope(mentionEvent('U0MARIA', 'revenue', '1750000007.000100'), 'EvPG0001');
    await Promise.all([
      sendEvent(h.eventsUrl, envelope),
      sendEvent(h.eventsUrl, envelope, { retryNum: 1 }),
      sendEvent(h.eventsUrl, envelope, { retryNum: 2 }),
    ]);
    await h.bot.idle();
    expect(h.assistant.requests).toHaveLength(1);
    expect(h.api.callsOf('chat.postMessage')).toHaveLength(1);
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM app.slack_deliveries WHERE delivery_key = 'event:EvPG0001'`,
    );
    expect(rows[0]?.n).toBe(1);
  });

  it('posts one entry when two finance users confirm the same draft at once', async () => {
    await sendEvent(
      h.eventsUrl,
      eventEnvelope(dmEvent('U0FIONA', 'record expense 75 for ads by card', '1750000007.000200')),
    );
    await h.bot.idle();
    const card = h.api.callsOf('chat.update').at(-1);
    const draftId = JSON.stringify(card?.args.blocks).match(/"value":"([0-9a-f-]{36})"/)?.[1] ?? '';
    const click = (user: string) =>
      sendInteraction(
        h.eventsUrl,
        buttonClick({
          user,
          actionId: ActionId.confirmDraft,
          value: draftId,
          channel: 'D0FIONA',
          messageTs: String(card?.args.ts),
        }),
      );
    await Promise.all([click('U0FIONA'), click('U0FRANK'), click('U0FIONA')]);
    await h.bot.idle();
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM ledger_entries');
    expect(rows[0]?.n).toBe(1);
  });
});
