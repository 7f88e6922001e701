/**
 * What the guard says when it stops a question: short, polite, and always what the assistant
 * CAN do, with a few questions to pick instead. The planner passes catalog-based suggestions;
 * these generic ones are the fallback and name no business.
 */
import type { Plan } from '../plan.ts';

export type RefusalReason = Extract<Plan, { kind: 'refuse' }>['reason'];

export const GENERIC_SUGGESTIONS: readonly string[] = [
  'What metrics can I ask about?',
  'What was revenue last month?',
  'Show revenue by month this year',
  'How does this quarter compare with the same period last year?',
];

const CAN_DO =
  'I answer questions about your business figures (totals, trends, comparisons, rankings, breakdowns, with charts) and can record income or expenses for you to confirm.';

export const REFUSAL_MESSAGES: Record<RefusalReason, string> = {
  empty: 'Please type a question about your business figures, for example one of these.',
  too_long:
    'That message is too long or too garbled for me to read. Please ask one short question about your figures, for example one of these.',
  write_request:
    "I can only read your figures: I can't change or delete data, tables or permissions. I can answer questions about them, and record a new income or expense entry for you to confirm (a recorded entry can be reversed).",
  injection: `I can't change how I work or share my instructions. ${CAN_DO}`,
  other_user: `I can only show your own conversations and drafts, not other people's. ${CAN_DO}`,
  unsupported_language:
    'Sorry, I only understand questions in English for now. Please ask in English, for example one of these.',
};

export const HELP_MESSAGE = `Hello! ${CAN_DO} Try one of these:`;

/** Two to four suggestions: the caller's when it gives at least two, else the generic ones. */
export function pickSuggestions(suggestions: readonly string[] | undefined): string[] {
  const usable = (suggestions ?? []).map((s) => s.trim()).filter((s) => s.length > 0);
  return (usable.length >= 2 ? usable : GENERIC_SUGGESTIONS).slice(0, 4);
}
