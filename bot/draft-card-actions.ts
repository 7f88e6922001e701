/**
 * Confirm and Cancel on a ledger draft card. Confirm is for finance only, and the ledger posts
 * once per draft whoever clicks and however often (one idempotency key per draft and person; a
 * later confirm finds the draft confirmed). The card then shows the posted entry or the
 * cancellation. Each handler acknowledges first and works afterwards.
 */
import type { App, BlockButtonAction } from '@slack/bolt';
import { isCodedError, messageOf } from '../core/coded-error.ts';
import { type ActionListenerDeps, callerOfClick, tell } from './click-helpers.ts';
import { renderCancelledCard, renderPostedCard } from './render-draft-card.ts';
import { ActionId } from './slack-actions-ids.ts';
import { isFinanceCaller } from './slack-caller.ts';

export function registerDraftCardActions(app: App, deps: ActionListenerDeps): void {
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
}
