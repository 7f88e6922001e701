/**
 * Where questions come in: app mentions in channels, direct messages, Slack's Assistant container
 * (suggested prompts when a thread starts, then each message) and the /shoebox slash command.
 * Each becomes one answer in a thread. Ledger commands are refused politely outside DMs and to
 * callers without the finance role, before the assistant is asked.
 */

import type { webApi } from '@slack/bolt';
import { type App, Assistant } from '@slack/bolt';

type WebClient = webApi.WebClient;

import { FINANCE_ROLE } from '../ledger/ledger-actor.ts';
import { type AnswerDeps, type AnswerTarget, answerInThread } from './answer-in-thread.ts';
import { isLedgerCommand, type SlackIdentityConfig, slackCallerOf } from './slack-caller.ts';
import { escapeMrkdwn, mentionOf } from './slack-mrkdwn.ts';

export const SUGGESTED_PROMPTS_TITLE = 'Ask about the business, for example:';

export interface MessageListenerDeps extends AnswerDeps {
  identity: SlackIdentityConfig;
  suggestedPrompts: string[];
}

interface Incoming {
  teamId: string;
  slackUserId: string;
  channelId: string;
  messageTs: string;
  threadTs: string;
  text: string;
  isDm: boolean;
  assistantThread: boolean;
  requestId: string;
}

/** Refusal text, or null when the question may go to the assistant. */
function refusal(incoming: Incoming, roles: string[]): string | null {
  if (roles.length === 0) {
    return "Sorry, I don't know you yet: ask an admin to add your Slack user to shoebox (SLACK_USER_ROLES).";
  }
  if (!isLedgerCommand(incoming.text)) return null;
  if (!roles.includes(FINANCE_ROLE)) {
    return 'Sorry, recording or reversing ledger entries is for the finance team. I can answer questions about the figures, though.';
  }
  if (!incoming.isDm)
    return 'For ledger entries, please send me a direct message so the details stay private.';
  return null;
}

async function handle(deps: MessageListenerDeps, client: WebClient, incoming: Incoming): Promise<void> {
  const caller = slackCallerOf(deps.identity, incoming);
  const target: AnswerTarget = {
    teamId: incoming.teamId,
    channelId: incoming.channelId,
    threadTs: incoming.threadTs,
    assistantThread: incoming.assistantThread,
  };
  const refused = refusal(incoming, caller.roles);
  if (refused) {
    deps.log.info(`Refused a Slack request from ${caller.userId}: ${refused.slice(0, 60)}`);
    await client.chat.postMessage({
      channel: incoming.channelId,
      thread_ts: incoming.threadTs,
      text: escapeMrkdwn(refused),
    });
    return;
  }
  await answerInThread(deps, client, target, {
    caller,
    question: incoming.text,
    requestId: incoming.requestId,
  });
}

/** "<@U0BOT> revenue by region" -> "revenue by region". */
export function stripMentions(text: string): string {
  return text
    .replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function registerMessageListeners(app: App, deps: MessageListenerDeps): void {
  app.event('app_mention', async ({ event, body, context, client }) => {
    const text = stripMentions(event.text ?? '');
    if (!text || !event.user) return;
    await handle(deps, client, {
      teamId: context.teamId ?? String(body.team_id),
      slackUserId: event.user,
      channelId: event.channel,
      messageTs: event.ts,
      threadTs: event.thread_ts ?? event.ts,
      text,
      isDm: false,
      assistantThread: false,
      requestId: `slack:${body.event_id}`,
    });
  });

  app.assistant(
    new Assistant({
      // The thread context (which channel the user is viewing) is not used: no conversations.* reads.
      threadContextStore: { get: async () => ({}), save: async () => {} },
      threadStarted: async ({ setSuggestedPrompts }) => {
        await setSuggestedPrompts({
          title: SUGGESTED_PROMPTS_TITLE,
          prompts: deps.suggestedPrompts.slice(0, 4).map((p) => ({ title: p.slice(0, 75), message: p })),
        });
      },
      threadContextChanged: async () => {},
      userMessage: async ({ message, body, context, client }) => {
        if (!('text' in message) || !message.text || !('user' in message) || !message.user) return;
        await handle(deps, client, {
          teamId: context.teamId ?? String((body as { team_id?: string }).team_id),
          slackUserId: message.user,
          channelId: message.channel,
          messageTs: message.ts,
          threadTs: ('thread_ts' in message && message.thread_ts) || message.ts,
          text: stripMentions(message.text),
          isDm: true,
          assistantThread: true,
          requestId: `slack:${(body as { event_id?: string }).event_id ?? message.ts}`,
        });
      },
    }),
  );

  // Top-level direct messages (threaded ones in the app's DM are the Assistant container's).
  app.message(async ({ message, body, context, client }) => {
    if (message.channel_type !== 'im' || message.subtype !== undefined || !message.user || !message.text)
      return;
    await handle(deps, client, {
      teamId: context.teamId ?? String(body.team_id),
      slackUserId: message.user,
      channelId: message.channel,
      messageTs: message.ts,
      threadTs: message.thread_ts ?? message.ts,
      text: stripMentions(message.text),
      isDm: true,
      assistantThread: false,
      requestId: `slack:${body.event_id}`,
    });
  });

  app.command('/shoebox', async ({ command, ack, client, respond }) => {
    await ack();
    const text = command.text.trim();
    if (!text) {
      // The response URL works in every channel, also where the bot is not a member.
      await respond({
        response_type: 'ephemeral',
        text: `Ask me a question, e.g. \`/shoebox ${escapeMrkdwn(deps.suggestedPrompts[0] ?? 'revenue last month')}\``,
      });
      return;
    }
    // A slash command has no message to thread under: post the question, answer under it.
    const root = await client.chat
      .postMessage({
        channel: command.channel_id,
        text: `${mentionOf(command.user_id)} asked: ${escapeMrkdwn(text)}`,
      })
      .catch((error: unknown) => {
        deps.log.warn(
          `/shoebox could not post in ${command.channel_id}: ${error instanceof Error ? error.message : String(error)}`,
        );
        return null;
      });
    if (!root?.ts) {
      await respond({
        response_type: 'ephemeral',
        text: "I can't post in this conversation. Invite me with `/invite @shoebox`, or ask me in a direct message.",
      });
      return;
    }
    const ts = root.ts;
    await handle(deps, client, {
      teamId: command.team_id,
      slackUserId: command.user_id,
      channelId: command.channel_id,
      messageTs: ts,
      threadTs: ts,
      text,
      isDm: command.channel_name === 'directmessage' || command.channel_id.startsWith('D'),
      assistantThread: false,
      requestId: `slack:${command.trigger_id}`,
    });
  });
}
