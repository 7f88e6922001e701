/**
 * Test support: one Slack bot in HTTP mode wired to the API stand-in, a real LedgerService and the
 * app tables on one PGlite database (`pglite:memory:`), the scripted assistant and an in-memory
 * FeedbackStore. `stop` closes all of it.
 */
import type { AskRequest } from '../assistant/assistant.ts';
import type { ScriptedReply } from '../assistant/test-fake-assistant.ts';
import { fixedClock } from '../core/clock.ts';
import { createLogger } from '../core/logger.ts';
import { migrateAppDb } from '../db/app-db.ts';
import type { LedgerDb } from '../db/ledger-db.ts';
import { openLedgerDb } from '../db/open-ledger-db.ts';
import { LedgerService } from '../ledger/ledger-service.ts';
import { migrateLedger } from '../ledger/migrate-ledger.ts';
import { saveChart } from '../ledger/save-chart.ts';
import { TEST_CHART } from '../ledger/test-chart.ts';
import { createSlackBot, type SlackBot, type SlackBotOptions } from './slack-bot.ts';
import type { SlackIdentityConfig } from './slack-caller.ts';
import { createBotTestAssistant } from './test-bot-assistant.ts';
import { createMemoryFeedbackStore } from './test-feedback-store.ts';
import { type SlackApiStandIn, startSlackApiStandIn } from './test-slack-api-stand-in.ts';
import { TEST_SIGNING_SECRET } from './test-slack-requests.ts';

export const TEST_IDENTITY: SlackIdentityConfig = {
  users: {
    U0FIONA: { userId: 'fiona', roles: ['finance', 'analyst'] },
    U0FRANK: { userId: 'frank', roles: ['finance'] },
    U0MARIA: { userId: 'maria', roles: ['analyst'] },
  },
  defaultRoles: ['viewer'],
};

export interface SlackHarness {
  api: SlackApiStandIn;
  bot: SlackBot;
  db: LedgerDb;
  ledger: LedgerService;
  assistant: ReturnType<typeof createBotTestAssistant>;
  feedback: ReturnType<typeof createMemoryFeedbackStore>;
  logs: string[];
  eventsUrl: string;
  stop(): Promise<void>;
}

export async function startSlackHarness(
  reply: (request: AskRequest) => ScriptedReply,
  options: { db?: LedgerDb; bot?: Partial<SlackBotOptions> } = {},
): Promise<SlackHarness> {
  const api = await startSlackApiStandIn();
  const db = options.db ?? (await openLedgerDb('pglite:memory:'));
  if (!options.db) {
    await migrateLedger(db);
    await migrateAppDb(db);
    await db.transaction((tx) => saveChart(tx, TEST_CHART));
  }
  const ledger = new LedgerService(db, { clock: fixedClock(new Date('2026-06-30T12:00:00Z')) });
  const assistant = createBotTestAssistant(ledger, reply);
  const feedback = createMemoryFeedbackStore();
  const logs: string[] = [];
  const log = createLogger({ level: 'debug', write: (line) => logs.push(line) });
  const bot = createSlackBot(
    { assistant, feedback, ledger, appDb: db, log, identity: TEST_IDENTITY },
    {
      mode: 'http',
      botToken: 'xoxb-test-token',
      signingSecret: TEST_SIGNING_SECRET,
      slackApiUrl: api.apiUrl,
      retryConfig: { retries: 3, factor: 1, minTimeout: 10, maxTimeout: 50 },
      updateIntervalMs: 0,
      ...options.bot,
    },
  );
  const { port } = await bot.start(0);
  return {
    api,
    bot,
    db,
    ledger,
    assistant,
    feedback,
    logs,
    eventsUrl: `http://127.0.0.1:${port}/slack/events`,
    async stop() {
      await bot.stop();
      await api.close();
      if (!options.db) await db.close();
    },
  };
}
