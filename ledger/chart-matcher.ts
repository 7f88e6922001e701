/**
 * Matches words to accounts of whatever chart of accounts the ledger holds: a name or synonym
 * phrase occurring whole in the text wins (the longest phrase, if only one account has it); failing
 * that, accounts sharing a significant word. Nothing here knows any particular business.
 */
export interface ChartAccount {
  code: string;
  name: string;
  accountType: 'asset' | 'liability' | 'equity' | 'revenue' | 'expense';
  synonyms: string[];
}

export type AccountMatch =
  | { status: 'one'; account: ChartAccount }
  | { status: 'many'; candidates: ChartAccount[] }
  | { status: 'none' };

const STOP = new Set([
  'the',
  'and',
  'for',
  'from',
  'with',
  'our',
  'some',
  'new',
  'a',
  'an',
  'of',
  'to',
  'in',
  'on',
  'at',
]);

/** Lower case, accents and punctuation removed, simple plurals singular: "Supplies," → "supply". */
export function normalizeWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) =>
      word.length > 4 && word.endsWith('ies')
        ? `${word.slice(0, -3)}y`
        : word.length > 3 && /[^s]s$/.test(word)
          ? word.slice(0, -1)
          : word,
    );
}

function phrasesOf(account: ChartAccount): string[][] {
  return [account.name, account.code, ...account.synonyms].map(normalizeWords).filter((p) => p.length > 0);
}

function occurs(phrase: string[], words: string[]): boolean {
  for (let i = 0; i + phrase.length <= words.length; i += 1) {
    if (phrase.every((word, j) => words[i + j] === word)) return true;
  }
  return false;
}

export function matchAccount(text: string, accounts: readonly ChartAccount[]): AccountMatch {
  const words = normalizeWords(text);
  if (words.length === 0) return { status: 'none' };
  const scored = accounts
    .map((account) => ({
      account,
      score: Math.max(
        0,
        ...phrasesOf(account)
          .filter((p) => occurs(p, words))
          .map((p) => p.length),
      ),
    }))
    .filter((s) => s.score > 0);
  if (scored.length > 0) {
    const best = Math.max(...scored.map((s) => s.score));
    return pick(scored.filter((s) => s.score === best).map((s) => s.account));
  }
  const significant = new Set(words.filter((w) => w.length >= 3 && !STOP.has(w)));
  return pick(
    accounts.filter((account) => phrasesOf(account).some((p) => p.some((w) => significant.has(w)))),
  );
}

function pick(candidates: ChartAccount[]): AccountMatch {
  if (candidates.length === 1) return { status: 'one', account: candidates[0] as ChartAccount };
  return candidates.length === 0 ? { status: 'none' } : { status: 'many', candidates };
}

export function describeAccount(account: ChartAccount): string {
  return `${account.code} ${account.name}`;
}
