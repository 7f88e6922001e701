/**
 * Rate limits: the bot's WebClient (Bolt's, configured with SLACK_RETRY_POLICY or the test's policy)
 * waits the Retry-After Slack gives on a 429 and retries, so the answer still arrives once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackHarness, startSlackHarness } from './test-slack-harness.ts';
import { eventEnvelope, mentionEvent, sendEvent } from './test-slack-requests.ts';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness(() => ({ text: 'Revenue was $10.' }), { bot: { updateIntervalMs: 60_000 } });
});
afterAll(async () => h?.stop());

describe('Slack Web API rate limits', () => {
  it('retries a 429 after its Retry-After and posts the answer once', async () => {
    h.api.rateLimit('chat.postMessage', 1, 1);
    const before = h.api.calls.length;
    await sendEvent(h.eventsUrl, eventEnvelope(mentionEvent('U0MARIA', 'revenue', '1750000005.000100')));
    await h.bot.idle();
    const posts = h.api.calls.slice(before).filter((c) => c.method === 'chat.postMessage');
    expect(posts).toHaveLength(2);
    const [limited, retried] = posts;
    expect((retried?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(retried?.args).toMatchObject({ channel: 'C0SALES', thread_ts: '1750000005.000100' });
    // One message: the retried post is the one the final update replaces.
    const updates = h.api.calls.slice(before).filter((c) => c.method === 'chat.update');
    expect(updates).toHaveLength(1);
    expect(updates[0]?.args.text).toBe('Revenue was $10.');
  });

  it('gives up after the policy retries when Slack stays limited, and logs the failure with a reference', async () => {
    h.api.rateLimit('chat.update', 0, 10);
    const before = h.api.calls.length;
    await sendEvent(h.eventsUrl, eventEnvelope(mentionEvent('U0MARIA', 'revenue', '1750000005.000200')));
    await h.bot.idle();
    h.api.rateLimit('chat.update', 0, 0);
    // retries: 3 in the test policy: 1 try + 3 retries for the final update, then the apology's update also limited.
    expect(h.api.calls.slice(before).filter((c) => c.method === 'chat.update').length).toBeGreaterThanOrEqual(
      4,
    );
    expect(h.logs.some((l) => /Slack answer failed \(reference [0-9a-f]{8}\)/.test(l))).toBe(true);
    expect(h.logs.some((l) => /Could not post the apology \(reference [0-9a-f]{8}\)/.test(l))).toBe(true);
  });
});
