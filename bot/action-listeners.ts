/**
 * Buttons and modals: Confirm and Cancel on a ledger draft card (finance only for Confirm; the
 * ledger posts once per draft whoever clicks and however often), "How I got this" (a modal with
 * the provenance) and thumbs up or down (stored through the FeedbackStore; thumbs down opens a
 * modal for an optional comment). Every handler acknowledges first and works afterwards.
 */
import type { App, BlockButtonAction, webApi } from '@slack/bolt';

type WebClient = webApi.WebClient;

import type { FeedbackRating, FeedbackStore } from '../assistant/memory/app-stores.ts';
import { isCodedError, messageOf } from '../core/coded-error.ts';
import type { Logger } from '../core/logger.ts';
import type { LedgerService } from '../ledger/ledger-service.ts';
import type { Caller } from '../tools/tool.ts';
import type { RecentAnswers } from './recent-answers.ts';
import { renderCancelledCard, renderPostedCard } from './render-draft-card.ts';
import { renderFeedbackModal } from './render-feedback-modal.ts';
import { renderProvenanceView } from './render-provenance-view.ts';
import { ActionId, CallbackId } from './slack-actions-ids.ts';
import { isFinanceCaller, type SlackIdentityConfig, slackCallerOf } from './slack-caller.ts';
import { escapeMrkdwn } from './slack-mrkdwn.ts';

export interface ActionListenerDeps {
  identity: SlackIdentityConfig;
  ledger: LedgerService | undefined;
  feedback: FeedbackStore;
  recent: RecentAnswers;
  log: Logger;
}

function callerOfClick(deps: ActionListenerDeps, body: BlockButtonAction): Caller {
  return slackCallerOf(deps.identity, {
    teamId: body.team?.id ?? body.user.team_id ?? '',
    slackUserId: body.user.id,
    channelId: body.channel?.id ?? '',
    messageTs: body.message?.ts ?? body.container?.message_ts ?? '',
  });
}

/** A note only the clicker sees, in the card's thread. */
function tell(client: WebClient, body: BlockButtonAction, text: string) {
  return client.chat.postEphemeral({
    channel: body.channel?.id ?? '',
    user: body.user.id,
    text: escapeMrkdwn(text),
    ...(body.message?.thread_ts ? { thread_ts: body.message.thread_ts } : {}),
  });
}

export function registerActionListeners(app: App, deps: ActionListenerDeps): void {
  app.action<BlockButtonAction>(ActionId.confirmDraft, async ({ ack, body, action, client }) => {
    await ack();
    const caller = callerOfClick(deps, body);
    if (!isFinanceCaller(caller)) {
      await tell(
        client,
        body,
        'Sorry, only the finance team can confirm ledger entries; ask someone in finance to confirm this draft.',
      );
      return;
    }
    if (!deps.ledger) return void (await tell(client, body, 'No ledger is configured for this shoebox.'));
    const draftId = action.value ?? '';
    try {
      // One key per draft and person: a double click replays the same write; a second person's
      // confirm finds the draft already confirmed and gets the same entry (confirm-draft.ts).
      const entry = await deps.ledger.confirm(caller, draftId, {
        idempotencyKey: `slack-confirm:${draftId}:${caller.userId}`,
      });
      const card = await deps.ledger.getDraft(caller, draftId);
      await client.chat.update({
        channel: body.channel?.id ?? '',
        ts: body.message?.ts ?? '',
        ...renderPostedCard(card, entry),
      });
    } catch (error) {
      deps.log.warn(`Slack confirm of draft ${draftId} failed: ${messageOf(error)}`);
      await tell(
        client,
        body,
        isCodedError(error) ? error.message : 'Sorry, the entry could not be confirmed; try again.',
      );
    }
  });

  app.action<BlockButtonAction>(ActionId.cancelDraft, async ({ ack, body, action, client }) => {
    await ack();
    const caller = callerOfClick(deps, body);
    if (!deps.ledger) return void (await tell(client, body, 'No ledger is configured for this shoebox.'));
    const draftId = action.value ?? '';
    try {
      const card = await deps.ledger.cancel(caller, draftId, {
        idempotencyKey: `slack-cancel:${draftId}:${caller.userId}`,
      });
      await client.chat.update({
        channel: body.channel?.id ?? '',
        ts: body.message?.ts ?? '',
        ...renderCancelledCard(card, body.user.id),
      });
    } catch (error) {
      deps.log.warn(`Slack cancel of draft ${draftId} failed: ${messageOf(error)}`);
      await tell(
        client,
        body,
        isCodedError(error) ? error.message : 'Sorry, the draft could not be cancelled; try again.',
      );
    }
  });

  app.action<BlockButtonAction>(ActionId.provenance, async ({ ack, body, action, client }) => {
    await ack();
    const answer = await deps.recent.find(action.value ?? '');
    if (!answer?.provenance) {
      await tell(
        client,
        body,
        "Sorry, I no longer have the details of that answer; ask again and I'll show my working.",
      );
      return;
    }
    await client.views.open({ trigger_id: body.trigger_id, view: renderProvenanceView(answer.provenance) });
  });

  const rate = (rating: FeedbackRating) =>
    app.action<BlockButtonAction>(
      rating === 'up' ? ActionId.feedbackUp : ActionId.feedbackDown,
      async ({ ack, body, action, client }) => {
        await ack();
        const caller = callerOfClick(deps, body);
        const answerId = action.value ?? '';
        try {
          await deps.feedback.record({
            answerId,
            userId: caller.userId,
            rating,
            comment: null,
            channel: 'slack',
          });
        } catch (error) {
          deps.log.warn(`Slack feedback on ${answerId} was not saved: ${messageOf(error)}`);
          await tell(client, body, 'Sorry, your feedback could not be saved; please try again later.');
          return;
        }
        if (rating === 'down') {
          await client.views.open({
            trigger_id: body.trigger_id,
            view: renderFeedbackModal(answerId, body.channel?.id ?? ''),
          });
        } else {
          await tell(client, body, 'Thanks for the feedback!');
        }
      },
    );
  rate('up');
  rate('down');

  app.view(CallbackId.feedbackComment, async ({ ack, body, view }) => {
    await ack();
    const { answerId } = JSON.parse(view.private_metadata) as { answerId: string };
    const comment = view.state.values.comment?.text?.value?.trim() || null;
    const caller = slackCallerOf(deps.identity, {
      teamId: body.team?.id ?? '',
      slackUserId: body.user.id,
      channelId: '',
      messageTs: '',
    });
    await deps.feedback.record({
      answerId,
      userId: caller.userId,
      rating: 'down',
      comment,
      channel: 'slack',
    });
  });
}
