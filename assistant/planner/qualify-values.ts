/**
 * Mentions that work together: a dimension word beside a value of that dimension only says which
 * dimension the value is of ("region West"), and neighbouring parts of values narrow each other
 * down ("12" and "south" of "Plaza 12 South").
 */
import { type Token, tokenize } from '../../semantic-layer/catalog/normalize-text.ts';
import type { Candidate } from '../../semantic-layer/catalog/phrase-matches.ts';
import { GROUP_WORDS, NUMBER_WORDS, RANK_WORDS } from './question-words.ts';
import { type Mention, readingOf } from './read-span.ts';

/** Next to each other, allowing one "the"/"of"/"in" between. */
function adjacent(tokens: readonly Token[], a: Candidate[], b: Candidate[]): boolean {
  const [first, second] = [(a[0] as Candidate).match, (b[0] as Candidate).match].sort(
    (x, y) => x.start - y.start,
  ) as [Candidate['match'], Candidate['match']];
  const gap = second.start - first.end;
  return gap === 0 || (gap === 1 && ['the', 'of', 'in'].includes(tokens[first.end]?.norm ?? ''));
}

/** Turns dimension (or model) words next to a value of that dimension into qualifiers. */
export function markQualifiers(
  tokens: readonly Token[],
  chosen: Candidate[][],
  mentions: (Mention | null)[],
): void {
  chosen.forEach((span, k) => {
    const mention = mentions[k];
    if (mention === null || mention === undefined) return;
    // A metric word qualifies a value only when another metric is named ("refunds for defective returns").
    if (mention.kind === 'metric' && !mentions.some((m, j) => j !== k && m?.kind === 'metric')) return;
    // After "top 5" / "most" the words are what is ranked ("top 5 products in accessories").
    const before = tokens[mention.start - 1]?.norm ?? '';
    if (RANK_WORDS.has(before) || /^\d+$/.test(before) || NUMBER_WORDS.has(before)) return;
    for (const j of [k - 1, k + 1]) {
      const other = mentions[j];
      const near = chosen[j];
      if (other?.kind !== 'value' || near === undefined || !adjacent(tokens, span, near)) continue;
      const dims = [other.member, ...other.alternatives];
      const qualifying = dims.filter((d) =>
        span.some(
          (c) =>
            (readingOf(c.entry) === 'dimension' && c.entry.member === d) ||
            (readingOf(c.entry) === 'model' && d.startsWith(`${c.entry.member}.`)),
        ),
      );
      const [member, ...alternatives] = qualifying;
      if (member === undefined) continue;
      mentions[k] = { ...mention, kind: 'dimension', member, values: [], alternatives, qualifier: true };
      return;
    }
  });
}

/** The values of a dimension that contain every word of `words` (folded). */
function containing(values: readonly string[], words: string): string[] {
  const wanted = tokenize(words).map((t) => t.norm);
  return values.filter((v) => {
    const have = new Set(tokenize(v).map((t) => t.norm));
    return wanted.every((w) => have.has(w));
  });
}

/**
 * Neighbouring parts of values narrow each other down ("12" "south" of "12 South"); a whole value
 * beside a part can be another word of the same name ("black" + "friday" of "Black Friday Weekend").
 */
export function mergeParts(mentions: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const m of mentions) {
    const last = out[out.length - 1];
    if (last?.kind === 'value' && m.kind === 'value' && last.end === m.start && (last.partial || m.partial)) {
      const part = m.partial ? m : last;
      const other = part === m ? last : m;
      const words = `${last.words} ${m.words}`;
      for (const d of [part.member, ...part.alternatives]) {
        const both = containing(part.valuesByDimension[d] ?? [], words);
        if (both.length === 0) continue;
        out[out.length - 1] = {
          ...part,
          member: d,
          alternatives: [],
          values: both,
          valuesByDimension: { [d]: both },
          partial: both.length > 1,
          start: last.start,
          end: m.end,
          words,
          score: Math.max(part.score, other.score),
        };
        break;
      }
      if (out[out.length - 1] !== last) continue;
    }
    out.push(m);
  }
  return out;
}

/**
 * "supplier country": a dimension word right before another dimension of the same semantic model
 * only says whose dimension it is; the second is the group-by.
 */
export function markDimensionQualifiers(mentions: Mention[]): Mention[] {
  return mentions.map((m, k) => {
    const next = mentions[k + 1];
    const sameModel = (a: string, b: string) => a.slice(0, a.indexOf('.')) === b.slice(0, b.indexOf('.'));
    if (m.kind !== 'dimension' || m.qualifier || next?.kind !== 'dimension' || next.start !== m.end) return m;
    const owner = [m.member, ...m.alternatives].find((d) => sameModel(d, next.member) && d !== next.member);
    return owner === undefined ? m : { ...m, member: owner, alternatives: [], qualifier: true };
  });
}

/**
 * "Acme Works products": a dimension word right after a value names what the value owns,
 * those products, a filter and not a group-by ("top 5 products", "by store" still group).
 */
export function markOwnedWords(tokens: readonly Token[], mentions: Mention[]): Mention[] {
  return mentions.map((m, k) => {
    const value = mentions[k - 1];
    if (m.kind !== 'dimension' || m.qualifier || value?.kind !== 'value' || value.end !== m.start) return m;
    const before = tokens[value.start - 1]?.norm ?? '';
    if (GROUP_WORDS.has(before) || RANK_WORDS.has(before) || /^\d+$/.test(before)) return m;
    return { ...m, qualifier: true };
  });
}
