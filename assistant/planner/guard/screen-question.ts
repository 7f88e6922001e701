/**
 * The planner's first step: stops what should not be planned (empty, too long or garbled, a
 * request to change data, prompt injection, another person's data, a language other than English)
 * and answers greetings and help requests. Returns null for everything else, so false positives
 * cost more than misses here: the planner and the tools still refuse what they cannot do.
 * See docs/question-guard.md.
 */
import type { Plan } from '../plan.ts';
import { isInjection } from './detect-injection.ts';
import { detectOtherLanguage } from './detect-language.ts';
import { isOtherUserRequest } from './detect-other-user.ts';
import { isWriteRequest } from './detect-write-request.ts';
import { HELP_MESSAGE, pickSuggestions, REFUSAL_MESSAGES, type RefusalReason } from './guard-messages.ts';
import { isHelpRequest } from './is-help-request.ts';
import { looksLikeNoise } from './looks-like-noise.ts';

export const MAX_QUESTION_LENGTH = 2000;

/** NFKC folds look-alike letters (full-width "ｉｇｎｏｒｅ"); invisible characters are dropped. */
function normalise(question: string): string {
  return question
    .normalize('NFKC')
    .replace(/[\u200b-\u200f\u2060\ufeff\u00ad]/g, '')
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"');
}

function reasonFor(written: string): RefusalReason | 'help' | null {
  const trimmed = written.trim();
  // "???" is no question; a long run of symbols is noise (below).
  if (trimmed.length === 0 || (trimmed.length <= 20 && !/[\p{L}\p{N}]/u.test(trimmed))) return 'empty';
  if (written.length > MAX_QUESTION_LENGTH) return 'too_long';
  const language = detectOtherLanguage(written);
  if (language === 'a non-Latin script') return 'unsupported_language';
  if (looksLikeNoise(written)) return 'too_long';
  const text = written.toLowerCase().replace(/\s+/g, ' ').trim();
  if (isInjection(text)) return 'injection';
  if (isWriteRequest(text)) return 'write_request';
  if (isOtherUserRequest(text, written)) return 'other_user';
  if (language !== null) return 'unsupported_language';
  if (isHelpRequest(text)) return 'help';
  return null;
}

export function screenQuestion(question: string, suggestions?: readonly string[]): Plan | null {
  const reason = reasonFor(normalise(question));
  if (reason === null) return null;
  const picked = pickSuggestions(suggestions);
  if (reason === 'help') return { kind: 'help', message: HELP_MESSAGE, suggestions: picked };
  return { kind: 'refuse', reason, message: REFUSAL_MESSAGES[reason], suggestions: picked };
}
