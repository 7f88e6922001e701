/**
 * What button handlers share: who clicked (the caller, from the identity mapping) and a note only
 * the clicker sees.
 */
import type { BlockButtonAction, webApi } from '@slack/bolt';
import type { FeedbackStore } from '../assistant/memory/app-stores.ts';
import type { Logger } from '../core/logger.ts';
import type { LedgerService } from '../ledger/ledger-service.ts';
import type { Caller } from '../tools/tool.ts';
import type { RecentAnswers } from './recent-answers.ts';
import { type SlackIdentityConfig, slackCallerOf } from './slack-caller.ts';
import { escapeMrkdwn } from './slack-mrkdwn.ts';

type WebClient = webApi.WebClient;

export interface ActionListenerDeps {
  identity: SlackIdentityConfig;
  ledger: LedgerService | undefined;
  feedback: FeedbackStore;
  recent: RecentAnswers;
  log: Logger;
}

export function callerOfClick(deps: ActionListenerDeps, body: BlockButtonAction): Caller {
  return slackCallerOf(deps.identity, {
    teamId: body.team?.id ?? body.user.team_id ?? '',
    slackUserId: body.user.id,
    channelId: body.channel?.id ?? '',
    messageTs: body.message?.ts ?? body.container?.message_ts ?? '',
  });
}

/** A note only the clicker sees, in the card's thread. */
export function tell(client: WebClient, body: BlockButtonAction, text: string) {
  return client.chat.postEphemeral({
    channel: body.channel?.id ?? '',
    user: body.user.id,
    text: escapeMrkdwn(text),
    ...(body.message?.thread_ts ? { thread_ts: body.message.thread_ts } : {}),
  });
}
