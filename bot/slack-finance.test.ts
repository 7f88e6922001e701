/**
 * Finance from Slack, end to end with a real LedgerService on PGlite: "record expense ..." in a DM
 * gives a card with Confirm and Cancel; Confirm (finance only) posts exactly one entry however
 * often and by whomever it is clicked; Cancel closes the draft; non-finance users are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionId } from './slack-actions-ids.ts';
import { blocksOf } from './test-slack-api-stand-in.ts';
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
beforeAll(async () => {
  h = await startSlackHarness(() => ({ text: 'Revenue was $10.' }));
});
afterAll(async () => h?.stop());

async function entryCount(): Promise<number> {
  const { rows } = await h.db.query<{ n: number }>('SELECT count(*)::int AS n FROM ledger_entries');
  return rows[0]?.n ?? 0;
}

/** DMs "record ..." as a user; returns the card's message ts and the draft id on its buttons. */
async function draftFromDm(user: string, channel: string, text: string, ts: string) {
  const before = h.api.calls.length;
  const res = await sendEvent(h.eventsUrl, eventEnvelope(dmEvent(user, text, ts, channel)));
  expect(res.status).toBe(200);
  await h.bot.idle();
  const card = h.api.calls
    .slice(before)
    .filter((c) => c.method === 'chat.update')
    .at(-1);
  const actions = blocksOf(card).find((b) => b.type === 'actions');
  const confirm = actions?.elements?.find((e) => e.action_id === ActionId.confirmDraft);
  expect(actions?.elements?.map((e) => e.action_id)).toEqual([ActionId.confirmDraft, ActionId.cancelDraft]);
  return { messageTs: String(card?.args.ts), draftId: confirm?.value ?? '', channel };
}

function click(
  user: string,
  actionId: string,
  card: { messageTs: string; draftId: string; channel: string },
  triggerId?: string,
) {
  return sendInteraction(
    h.eventsUrl,
    buttonClick({
      user,
      actionId,
      value: card.draftId,
      channel: card.channel,
      messageTs: card.messageTs,
      ...(triggerId ? { triggerId } : {}),
    }),
  );
}

describe('finance in Slack', () => {
  it('drafts an expense from a DM and posts it once when finance clicks Confirm', async () => {
    const card = await draftFromDm(
      'U0FIONA',
      'D0FIONA',
      'record expense 120.50 for shoe polish from Saphir, paid by card',
      '1750000001.000100',
    );
    const draft = await h.ledger.getDraft(
      { userId: 'fiona', roles: ['finance'], channel: { kind: 'cli' } },
      card.draftId,
    );
    expect(draft).toMatchObject({
      status: 'pending',
      amount: '120.50 USD',
      counterparty: 'Saphir',
      createdBy: 'fiona',
    });
    const entriesBefore = await entryCount();
    const before = h.api.calls.length;
    const res = await click('U0FIONA', ActionId.confirmDraft, card);
    expect(res.status).toBe(200);
    await h.bot.idle();
    expect((await entryCount()) - entriesBefore).toBe(1);
    const update = h.api.calls.slice(before).find((c) => c.method === 'chat.update');
    expect(update?.args).toMatchObject({ channel: 'D0FIONA', ts: card.messageTs });
    expect(String(update?.args.text)).toMatch(/^Posted LE\d{8}: 120\.50 USD, confirmed by fiona\.$/);
    expect(JSON.stringify(update?.args.blocks)).not.toContain(ActionId.confirmDraft);
  });

  it('posts once when Confirm is clicked twice, replayed, or clicked by a second finance user', async () => {
    const card = await draftFromDm(
      'U0FIONA',
      'D0FIONA',
      'record expense 45 for ads by card',
      '1750000001.000200',
    );
    const entriesBefore = await entryCount();
    const responses = await Promise.all([
      click('U0FIONA', ActionId.confirmDraft, card, 'trig-double-1'),
      click('U0FIONA', ActionId.confirmDraft, card, 'trig-double-2'),
      click('U0FRANK', ActionId.confirmDraft, card, 'trig-double-3'),
      click('U0FIONA', ActionId.confirmDraft, card, 'trig-double-1'),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    await h.bot.idle();
    expect((await entryCount()) - entriesBefore).toBe(1);
    expect(await h.bot.deliveries.count('block_actions:trig-double-')).toBe(3);
    const { rows } = await h.db.query<{ status: string; n: number }>(
      `SELECT d.status, (SELECT count(*)::int FROM ledger_entries e WHERE e.id = d.entry_id) AS n FROM ledger_drafts d WHERE d.id = $1`,
      [card.draftId],
    );
    expect(rows).toEqual([{ status: 'confirmed', n: 1 }]);
  });

  it('refuses Confirm to a non-finance user politely and posts nothing', async () => {
    const card = await draftFromDm(
      'U0FIONA',
      'D0FIONA',
      'record expense 12 for ads by card',
      '1750000001.000300',
    );
    const entriesBefore = await entryCount();
    const before = h.api.calls.length;
    await click('U0MARIA', ActionId.confirmDraft, card);
    await h.bot.idle();
    expect(await entryCount()).toBe(entriesBefore);
    const calls = h.api.calls.slice(before);
    expect(calls.filter((c) => c.method === 'chat.update')).toHaveLength(0);
    expect(calls.find((c) => c.method === 'chat.postEphemeral')?.args).toMatchObject({
      user: 'U0MARIA',
      text: expect.stringMatching(/^Sorry, only the finance team can confirm ledger entries/),
    });
  });

  it('cancels a draft from the card; a later Confirm cannot post it', async () => {
    const card = await draftFromDm(
      'U0FIONA',
      'D0FIONA',
      'record expense 30 for ads by card',
      '1750000001.000400',
    );
    const before = h.api.calls.length;
    await click('U0FIONA', ActionId.cancelDraft, card);
    await h.bot.idle();
    const update = h.api.calls.slice(before).find((c) => c.method === 'chat.update');
    expect(String(update?.args.text)).toBe('Cancelled the draft of 30.00 USD; nothing was posted.');
    const entriesBefore = await entryCount();
    await click('U0FRANK', ActionId.confirmDraft, card);
    await h.bot.idle();
    expect(await entryCount()).toBe(entriesBefore);
    expect(h.api.calls.filter((c) => c.method === 'chat.postEphemeral').at(-1)?.args.text).toMatch(
      /was cancelled and cannot be confirmed/,
    );
  });

  it('refuses a ledger command from a non-finance user before asking the assistant, and outside DMs', async () => {
    const asked = h.assistant.requests.length;
    const before = h.api.calls.length;
    await sendEvent(
      h.eventsUrl,
      eventEnvelope(dmEvent('U0MARIA', 'record expense 99 for ads by card', '1750000001.000500', 'D0MARIA')),
    );
    await sendEvent(
      h.eventsUrl,
      eventEnvelope(dmEvent('U0NOBODY', 'Record an expense of 5 for ads', '1750000001.000501', 'D0NOBODY')),
    );
    await sendEvent(
      h.eventsUrl,
      eventEnvelope(mentionEvent('U0FIONA', 'record expense 99 for ads by card', '1750000001.000502')),
    );
    await h.bot.idle();
    expect(h.assistant.requests.length).toBe(asked);
    const posts = h.api.calls.slice(before).filter((c) => c.method === 'chat.postMessage');
    expect(posts.map((p) => [p.args.channel, String(p.args.text).slice(0, 60)])).toEqual([
      ['D0MARIA', 'Sorry, recording or reversing ledger entries is for the fina'],
      ['D0NOBODY', 'Sorry, recording or reversing ledger entries is for the fina'],
      ['C0SALES', 'For ledger entries, please send me a direct message so the d'],
    ]);
    const { rows } = await h.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ledger_drafts WHERE created_by <> 'fiona'`,
    );
    expect(rows[0]?.n).toBe(0);
  });
});
