/**
 * The buttons under an answer: "How I got this" (a modal with the provenance) and thumbs up or
 * down (stored through the FeedbackStore, one rating per person; thumbs down opens a modal for an
 * optional comment). Each handler acknowledges first and works afterwards.
 */
import type { App, BlockButtonAction } from '@slack/bolt';
import type { FeedbackRating } from '../assistant/memory/app-stores.ts';
import { messageOf } from '../core/coded-error.ts';
import { type ActionListenerDeps, callerOfClick, tell } from './click-helpers.ts';
import { renderFeedbackModal } from './render-feedback-modal.ts';
import { renderProvenanceView } from './render-provenance-view.ts';
import { ActionId, CallbackId } from './slack-actions-ids.ts';
import { slackCallerOf } from './slack-caller.ts';

export function registerAnswerActions(app: App, deps: ActionListenerDeps): void {
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
