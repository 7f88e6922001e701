/**
 * Splits the body of a "record ..." sentence into clauses, each led by the keyword that gives it
 * its role: "for leather polish", "from Saphir", "by card". Commas and semicolons also split; a
 * bare payment word ("cash", "in cash", "with card") is a payment clause, and "paid from X" too.
 */
export type ClauseKey = 'for' | 'from' | 'to' | 'pay' | null;

export interface Clause {
  key: ClauseKey;
  /** The clause without its keyword, as typed. */
  text: string;
}

const KEYWORDS = 'for|from|to|by|via|using|through|paid';
const METHOD = String.raw`(?:(?:credit|debit|company|corporate)\s+)?card|cash|bank\s+transfer|wire(?:\s+transfer)?|cheque|check`;
const SPLIT = new RegExp(String.raw`[,;]|\s+(?=(?:${KEYWORDS})\b)|\s+(?=(?:in|with)\s+(?:${METHOD})\b)`, 'i');
const LEAD = new RegExp(String.raw`^(${KEYWORDS}|in|with)\b\s*`, 'i');
const BARE_METHOD = new RegExp(`^(?:${METHOD})$`, 'i');

function keyOf(word: string): ClauseKey {
  const lower = word.toLowerCase();
  if (lower === 'for' || lower === 'from' || lower === 'to') return lower;
  return 'pay';
}

export function splitClauses(body: string): Clause[] {
  const clauses: Clause[] = [];
  let paidPending = false;
  for (const part of body.split(SPLIT)) {
    const trimmed = part.replace(/\s+/g, ' ').trim();
    if (!trimmed) continue;
    const lead = LEAD.exec(trimmed);
    let key = lead ? keyOf(lead[1] as string) : null;
    let text = lead ? trimmed.slice(lead[0].length) : trimmed;
    if (key === null && BARE_METHOD.test(text)) key = 'pay';
    // "paid from bank" splits into "paid" and "from bank": the second names the payment.
    if (paidPending && key === 'from') key = 'pay';
    paidPending = key === 'pay' && !text;
    if (key === 'pay') text = text.replace(/^(?:(?:in|by|with|via|using|through|from)\s+)+/i, '');
    if (text || key !== 'pay') clauses.push({ key, text });
  }
  return clauses;
}
