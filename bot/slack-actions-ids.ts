/** The action and callback ids the bot's buttons and modals carry (kept in one place). */
export const ActionId = {
  provenance: 'shoebox_provenance',
  feedbackUp: 'shoebox_feedback_up',
  feedbackDown: 'shoebox_feedback_down',
  confirmDraft: 'shoebox_draft_confirm',
  cancelDraft: 'shoebox_draft_cancel',
} as const;

export const CallbackId = {
  feedbackComment: 'shoebox_feedback_comment',
} as const;
