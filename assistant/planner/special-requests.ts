/**
 * Requests that are not metric questions, read from the question's shape before any catalog
 * matching: a ledger entry to draft ("record expense 120.50 ..."), the ledger's entries to list,
 * the data's freshness, and "what metrics do you have about ...". Generic words only.
 */
import { foldText } from '../../semantic-layer/catalog/normalize-text.ts';
import { resolveTimeRange } from '../../semantic-layer/query/resolve-time-range.ts';
import type { Plan, PlannerSetup } from './plan.ts';
import { RECORD_VERBS } from './question-words.ts';
import type { TimePhrases } from './time-phrases.ts';

const FRESHNESS =
  /\b(fresh|freshness|stale|up to date|last (updated|update|loaded|load|refreshed|refresh)|how old is|when was the data|data (updated|loaded|refreshed))\b/;
/** "what does gross margin mean", "how is sell-through calculated", "define AOV". */
const DEFINITION =
  /\bwhat (does|do|is meant by) .+ mean\b|\bhow (is|are) .+ (calculated|computed|defined)\b|\b(define|definition of)\b/;
const SEARCH =
  /\b(what|which|list|show|any)\b.*\b(metrics?|measures?|kpis?|figures you have|data do you have)\b|\bdo you have (any )?(metrics?|data|figures|numbers)\b/;
const ENTRIES = /\b(entries|entry|journal lines)\b/;

type ToolsPlan = Extract<Plan, { kind: 'tools' }>;
const tools = (plan: ToolsPlan): Plan => plan;

export function specialRequest(
  question: string,
  time: TimePhrases,
  setup: Pick<PlannerSetup, 'clock' | 'fiscalYearStartMonth'>,
): Plan | null {
  const folded = foldText(question);
  const first = folded.split(' ')[0] ?? '';
  // An amount, not just a year: "record sales in 2025" is no entry to draft.
  const amount = question.replace(/\b(19|20)\d\d\b/g, ' ');
  if (RECORD_VERBS.has(first) && /\d/.test(amount)) {
    return tools({
      kind: 'tools',
      intent: 'record_transaction',
      calls: [{ tool: 'draft_transaction', arguments: { text: question.trim(), entry: null } }],
      query: null,
      chart: null,
      understood: 'A finance entry to draft from your words; you confirm it before it is posted.',
    });
  }
  if (ENTRIES.test(folded)) {
    const range = time.range === null ? null : resolveTimeRange(time.range, setup);
    return tools({
      kind: 'tools',
      intent: 'list_transactions',
      calls: [
        {
          tool: 'list_transactions',
          arguments: {
            from: range?.start ?? null,
            to: range?.end ?? null,
            account: null,
            counterparty: null,
            text: null,
            limit: null,
          },
        },
      ],
      query: null,
      chart: null,
      understood: `Ledger entries, newest first${range ? `, ${time.label ?? `${range.start} to ${range.end}`}` : ''}.`,
    });
  }
  if (FRESHNESS.test(folded)) {
    return tools({
      kind: 'tools',
      intent: 'freshness',
      calls: [{ tool: 'data_freshness', arguments: {} }],
      query: null,
      chart: null,
      understood: 'When each data source was last loaded.',
    });
  }
  if (SEARCH.test(folded) || DEFINITION.test(folded)) {
    return tools({
      kind: 'tools',
      intent: 'search',
      calls: [{ tool: 'search_catalog', arguments: { text: question.trim().slice(0, 500), limit: null } }],
      query: null,
      chart: null,
      understood: 'The metrics, dimensions and verified questions that match your words.',
    });
  }
  return null;
}
