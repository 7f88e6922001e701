/**
 * The Slack app: a Bolt App over Socket Mode (default) or signed HTTP events, with a WebClient
 * whose retries are bounded (rate limits are waited out for the Retry-After Slack gives), every
 * delivery deduplicated in the app database, and the question, button and modal listeners.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { webApi } from '@slack/bolt';
import { App, HTTPReceiver, LogLevel, type Receiver, SocketModeReceiver } from '@slack/bolt';

type RetryOptions = webApi.RetryOptions;

import type { Answer } from '../assistant/answer.ts';
import type { Assistant } from '../assistant/assistant.ts';
import type { FeedbackStore } from '../assistant/memory/app-stores.ts';
import { CodedError, ErrorCode, messageOf } from '../core/coded-error.ts';
import type { Logger } from '../core/logger.ts';
import type { AppDb } from '../db/app-db.ts';
import type { LedgerService } from '../ledger/ledger-service.ts';
import { registerAnswerActions } from './answer-actions.ts';
import { boltLogger } from './bolt-logger.ts';
import { createWorkTracker, dedupeMiddleware } from './dedupe-middleware.ts';
import { registerDraftCardActions } from './draft-card-actions.ts';
import { registerMessageListeners } from './message-listeners.ts';
import { RecentAnswers } from './recent-answers.ts';
import type { SlackIdentityConfig } from './slack-caller.ts';
import { SlackDeliveryLog } from './slack-delivery-log.ts';
import { SlackThreadMap } from './slack-thread-map.ts';
import { registerSlashCommand } from './slash-command-listener.ts';

/** Rate limits: each 429 waits its Retry-After, then up to 4 more tries, backing off up to 20 s. */
export const SLACK_RETRY_POLICY: RetryOptions = {
  retries: 4,
  factor: 2,
  minTimeout: 500,
  maxTimeout: 20_000,
  randomize: true,
};

export const DEFAULT_SUGGESTED_PROMPTS = [
  'What was revenue last month?',
  'Revenue by region this quarter vs last year',
  'Top 5 products by revenue this year',
  'Why did revenue change last month?',
];

export interface SlackBotDeps {
  assistant: Assistant;
  feedback: FeedbackStore;
  /** Older answers for "How I got this" (the thread store's getTurn). */
  findAnswer?: (answerId: string) => Promise<Answer | undefined>;
  ledger: LedgerService | undefined;
  appDb: AppDb;
  log: Logger;
  identity: SlackIdentityConfig;
}

export interface SlackBotOptions {
  mode: 'socket' | 'http';
  botToken: string;
  appToken?: string | undefined;
  signingSecret?: string | undefined;
  /** The Web API's base URL (tests point it at a stand-in); must end with a slash. */
  slackApiUrl?: string;
  retryConfig?: RetryOptions;
  /** Least time between two in-place updates of a streaming answer. */
  updateIntervalMs?: number;
  suggestedPrompts?: string[];
  now?: () => Date;
}

export interface SlackBot {
  app: App;
  /** HTTP mode: listens on `port` (0 picks one) and returns it; Socket Mode: connects. */
  /** Checks the bot token first (auth.test): a bad token fails here, clearly, not on the first event. */
  start(port?: number): Promise<{ port: number | null; botUser: string; team: string }>;
  stop(): Promise<void>;
  /** Resolves when every delivery received so far has been handled. */
  idle(): Promise<void>;
  deliveries: SlackDeliveryLog;
}

export function createSlackBot(deps: SlackBotDeps, options: SlackBotOptions): SlackBot {
  const logger = boltLogger(deps.log);
  const clientOptions = {
    ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
    retryConfig: options.retryConfig ?? SLACK_RETRY_POLICY,
  };
  const receiver = createReceiver(options, logger);
  // Our own authorize, fed by start()'s auth.test: Bolt's built-in check of a token runs in the
  // constructor, where a bad token becomes an unhandled rejection instead of a clear error.
  let self: { botId?: string; botUserId?: string; teamId?: string } = {};
  const authorize = async () => ({ botToken: options.botToken, ...self });
  const app = new App({ authorize, receiver, logger, logLevel: LogLevel.WARN, clientOptions });
  const deliveries = new SlackDeliveryLog(deps.appDb, options.now ? { now: options.now } : {});
  const work = createWorkTracker();
  app.use(dedupeMiddleware(deliveries, work, deps.log));
  const recent = new RecentAnswers(deps.findAnswer);
  const now = options.now ?? (() => new Date());
  const questions = {
    assistant: deps.assistant,
    threads: new SlackThreadMap(deps.appDb),
    recent,
    log: deps.log,
    updateIntervalMs: options.updateIntervalMs ?? 1000,
    now,
    identity: deps.identity,
    suggestedPrompts: options.suggestedPrompts ?? DEFAULT_SUGGESTED_PROMPTS,
  };
  registerMessageListeners(app, questions);
  registerSlashCommand(app, questions);
  const clicks = {
    identity: deps.identity,
    ledger: deps.ledger,
    feedback: deps.feedback,
    recent,
    log: deps.log,
  };
  registerDraftCardActions(app, clicks);
  registerAnswerActions(app, clicks);
  app.error(async (error) => {
    deps.log.error(`Slack listener failed: ${error.message}`);
  });
  return {
    app,
    deliveries,
    async start(port = 0) {
      const auth = await app.client.auth.test({ token: options.botToken }).catch((error: unknown) => {
        throw new CodedError(
          ErrorCode.SlackNotConfigured,
          `Slack refused the bot token (${messageOf(error)}); check SLACK_BOT_TOKEN and that the app is installed in the workspace.`,
          { cause: error },
        );
      });
      self = {
        ...(auth.bot_id ? { botId: auth.bot_id } : {}),
        ...(auth.user_id ? { botUserId: auth.user_id } : {}),
        ...(auth.team_id ? { teamId: auth.team_id } : {}),
      };
      const who = { botUser: String(auth.user ?? ''), team: String(auth.team ?? '') };
      const started = (await app.start(port)) as unknown;
      if (options.mode === 'http')
        return { port: ((started as Server).address() as AddressInfo).port, ...who };
      return { port: null, ...who };
    },
    async stop() {
      await work.idle();
      await app.stop();
    },
    idle: () => work.idle(),
  };
}

function createReceiver(options: SlackBotOptions, logger: ReturnType<typeof boltLogger>): Receiver {
  if (options.mode === 'http') {
    if (!options.signingSecret) throw new Error('HTTP mode needs SLACK_SIGNING_SECRET');
    return new HTTPReceiver({
      signingSecret: options.signingSecret,
      endpoints: '/slack/events',
      logger,
      processBeforeResponse: false,
      // For a load balancer's health check; says nothing about the app but that it is up.
      customRoutes: [
        {
          path: '/healthz',
          method: ['GET'],
          handler: (_req, res) => {
            res.writeHead(200, { 'content-type': 'text/plain' });
            res.end('ok');
          },
        },
      ],
    });
  }
  if (!options.appToken) throw new Error('Socket Mode needs SLACK_APP_TOKEN');
  return new SocketModeReceiver({
    appToken: options.appToken,
    logger,
    installerOptions: { clientOptions: options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {} },
  });
}
