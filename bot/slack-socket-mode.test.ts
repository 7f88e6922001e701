/**
 * Socket Mode against a local WebSocket stand-in: the bot opens the connection with
 * apps.connections.open (app token), receives the hello, acknowledges an events_api envelope by
 * its envelope_id, answers in the thread, and answers a redelivered envelope (retry_attempt 1,
 * same event_id) only once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../core/logger.ts';
import { migrateAppDb } from '../db/app-db.ts';
import type { LedgerDb } from '../db/ledger-db.ts';
import { openLedgerDb } from '../db/open-ledger-db.ts';
import { LedgerService } from '../ledger/ledger-service.ts';
import { createSlackBot, type SlackBot } from './slack-bot.ts';
import { createBotTestAssistant } from './test-bot-assistant.ts';
import { createMemoryFeedbackStore } from './test-feedback-store.ts';
import { type SlackApiStandIn, startSlackApiStandIn } from './test-slack-api-stand-in.ts';
import { TEST_IDENTITY } from './test-slack-harness.ts';
import { eventEnvelope, mentionEvent } from './test-slack-requests.ts';

let api: SlackApiStandIn;
let db: LedgerDb;
let bot: SlackBot;
const assistant = () => createBotTestAssistant(new LedgerService(db), () => ({ text: 'Revenue was $10.' }));
let fake: ReturnType<typeof assistant>;

beforeAll(async () => {
  api = await startSlackApiStandIn();
  db = await openLedgerDb('pglite:memory:');
  await migrateAppDb(db);
  fake = assistant();
  bot = createSlackBot(
    {
      assistant: fake,
      feedback: createMemoryFeedbackStore(),
      ledger: undefined,
      appDb: db,
      log: createLogger({ write: () => {} }),
      identity: TEST_IDENTITY,
    },
    {
      mode: 'socket',
      botToken: 'xoxb-test',
      appToken: 'xapp-test',
      slackApiUrl: api.apiUrl,
      updateIntervalMs: 0,
    },
  );
  await bot.start();
});
afterAll(async () => {
  await bot?.stop();
  await api?.close();
  await db?.close();
});

async function waitFor(check: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('Socket Mode', () => {
  it('connects with the app token, acks an events_api envelope and answers in the thread, once', async () => {
    expect(api.callsOf('apps.connections.open')).toHaveLength(1);
    const socket = await api.socket();
    const body = eventEnvelope(
      mentionEvent('U0MARIA', 'revenue last month', '1750000006.000100'),
      'EvSOCKET01',
    );
    const envelope = (id: string, retry: number) => ({
      envelope_id: id,
      type: 'events_api',
      accepts_response_payload: false,
      retry_attempt: retry,
      retry_reason: retry ? 'timeout' : '',
      payload: body,
    });
    socket.send(JSON.stringify(envelope('env-1', 0)));
    await waitFor(() => api.socketMessages.some((m) => m.envelope_id === 'env-1'));
    await waitFor(() => api.callsOf('chat.update').length > 0);
    socket.send(JSON.stringify(envelope('env-2', 1)));
    await waitFor(() => api.socketMessages.some((m) => m.envelope_id === 'env-2'));
    await bot.idle();
    expect(fake.requests).toHaveLength(1);
    expect(api.callsOf('chat.postMessage')).toHaveLength(1);
    expect(api.callsOf('chat.postMessage')[0]?.args).toMatchObject({
      channel: 'C0SALES',
      thread_ts: '1750000006.000100',
    });
    expect(api.callsOf('chat.update').at(-1)?.args.text).toBe('Revenue was $10.');
    expect(await bot.deliveries.count('event:EvSOCKET01')).toBe(1);
  });
});
