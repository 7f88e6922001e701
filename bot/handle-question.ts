/**
 * One incoming question, from any surface (mention, DM, assistant thread, slash command): the
 * caller from the identity mapping, a polite refusal where one is due (unknown users; ledger
 * commands from non-finance callers or outside DMs), else one answer in the thread.
 */
import type { webApi } from '@slack/bolt';
import { FINANCE_ROLE } from '../ledger/ledger-actor.ts';
import { type AnswerDeps, type AnswerTarget, answerInThread } from './answer-in-thread.ts';
import { isLedgerCommand, type SlackIdentityConfig, slackCallerOf } from './slack-caller.ts';
import { escapeMrkdwn } from './slack-mrkdwn.ts';

type WebClient = webApi.WebClient;

export interface MessageListenerDeps extends AnswerDeps {
  identity: SlackIdentityConfig;
  suggestedPrompts: string[];
}

export interface Incoming {
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

export async function handleQuestion(
  deps: MessageListenerDeps,
  client: WebClient,
  incoming: Incoming,
): Promise<void> {
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
