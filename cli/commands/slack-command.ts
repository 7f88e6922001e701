/**
 * `shoebox slack`: the Slack app, in Socket Mode (default: no public URL needed) or HTTP events
 * mode (SLACK_MODE=http, signed requests on SLACK_PORT at /slack/events), over the assistant
 * runtime opened from the settings. Ctrl+C (or SIGTERM) finishes the deliveries in hand and stops.
 */
import type { Command } from 'commander';
import type { AssistantRuntime, OpenAssistantRuntimeOptions } from '../../assistant/assistant-runtime.ts';
import { createSlackBot, type SlackBotOptions } from '../../bot/slack-bot.ts';
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import type { Config } from '../../core/config.ts';
import type { CommandContext } from '../command-context.ts';
import { parsePort } from '../option-parsers.ts';
import { stopSignal } from '../stop-signal.ts';

export type RuntimeOpener = (options: OpenAssistantRuntimeOptions) => Promise<AssistantRuntime>;

/** The settings the chosen mode needs, all missing ones named in one error. */
export function checkSlackSettings(config: Config, mode: 'socket' | 'http'): void {
  const missing = [
    config.slack.botToken ? null : 'SLACK_BOT_TOKEN (xoxb-...)',
    mode === 'socket' && !config.slack.appToken ? 'SLACK_APP_TOKEN (xapp-..., for Socket Mode)' : null,
    mode === 'http' && !config.slack.signingSecret ? 'SLACK_SIGNING_SECRET (for HTTP events)' : null,
  ].filter((name): name is string => name !== null);
  if (missing.length > 0) {
    throw new CodedError(
      ErrorCode.SlackNotConfigured,
      `\`shoebox slack\` in ${mode === 'socket' ? 'Socket Mode' : 'HTTP mode'} needs ${missing.join(', ')}. Create the app from bot/manifest.yaml as docs/slack.md explains, then set them in the environment or shoebox.config.yaml.`,
      { details: { missing } },
    );
  }
}

export function registerSlackCommand(
  program: Command,
  context: CommandContext,
  openRuntime: RuntimeOpener,
  /** Tests point the Web API at a stand-in (slackApiUrl). */
  botOptions: Partial<SlackBotOptions> = {},
): void {
  program
    .command('slack')
    .description('start the Slack app in Socket Mode (default) or HTTP events mode (Ctrl+C stops it)')
    .option('--mode <MODE>', 'socket or http (default SLACK_MODE or socket)', (value: string) => {
      if (value !== 'socket' && value !== 'http')
        throw new CodedError(ErrorCode.BadArgument, '--mode must be socket or http.');
      return value;
    })
    .option('--port <PORT>', 'HTTP mode: port for /slack/events (default SLACK_PORT or 3001)', parsePort)
    .action(async (options: { mode?: 'socket' | 'http'; port?: number }) => {
      const config = context.config();
      const mode = options.mode ?? config.slack.mode;
      checkSlackSettings(config, mode);
      const runtime = await openRuntime({ config, log: context.log });
      try {
        const bot = createSlackBot(
          {
            assistant: runtime.assistant,
            feedback: runtime.stores.feedback,
            findAnswer: async (answerId) => (await runtime.stores.threads.getTurn(answerId))?.answer,
            ledger: runtime.ledger,
            appDb: runtime.appDb,
            log: context.log,
            identity: { users: config.slack.users, defaultRoles: config.slack.defaultRoles },
          },
          {
            mode,
            botToken: config.slack.botToken ?? '',
            appToken: config.slack.appToken,
            signingSecret: config.slack.signingSecret,
            ...botOptions,
          },
        );
        const stopped = stopSignal();
        try {
          const { port, botUser, team } = await bot.start(options.port ?? config.slack.port);
          const as = `as @${botUser} in ${team}, answering with ${runtime.providerName}`;
          context.print(
            port === null
              ? `shoebox is connected to Slack over Socket Mode ${as} (Ctrl+C to stop)`
              : `shoebox is receiving Slack events on http://0.0.0.0:${port}/slack/events ${as} (Ctrl+C to stop)`,
          );
          await stopped.promise;
          await bot.stop();
          context.log.info('Stopped.');
        } finally {
          stopped.dispose();
        }
      } finally {
        await runtime.close();
      }
    });
}
