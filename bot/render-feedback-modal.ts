/** The optional comment after a thumbs down: what was wrong, in the user's words. */
import type { types } from '@slack/bolt';
import { CallbackId } from './slack-actions-ids.ts';

export function renderFeedbackModal(answerId: string, channelId: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: CallbackId.feedbackComment,
    private_metadata: JSON.stringify({ answerId, channelId }),
    title: { type: 'plain_text', text: 'What was wrong?' },
    submit: { type: 'plain_text', text: 'Send' },
    close: { type: 'plain_text', text: 'Skip' },
    blocks: [
      {
        type: 'input',
        block_id: 'comment',
        optional: true,
        label: { type: 'plain_text', text: 'Your comment (optional)' },
        element: { type: 'plain_text_input', action_id: 'text', multiline: true, max_length: 1000 },
      },
    ],
  };
}
