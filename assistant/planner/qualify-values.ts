/**
 * Mentions that work together: a dimension word beside a value of that dimension only says which
 * dimension the value is of ("region West"), and neighbouring parts of values narrow each other
 * down ("12" and "south" of "Plaza 12 South").
 */
import type { Token } from '../../semantic-layer/catalog/normalize-text.ts';
import type { Candidate } from '../../semantic-layer/catalog/phrase-matches.ts';
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

/** Neighbouring parts of the same dimension's values ("12" "south") narrow each other down. */
export function mergeParts(mentions: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const m of mentions) {
    const last = out[out.length - 1];
    if (last?.kind === 'value' && m.kind === 'value' && last.end === m.start && (last.partial || m.partial)) {
      const dims = [last.member, ...last.alternatives].filter((d) =>
        [m.member, ...m.alternatives].includes(d),
      );
      for (const d of dims) {
        const both = (last.valuesByDimension[d] ?? []).filter((v) =>
          (m.valuesByDimension[d] ?? []).includes(v),
        );
        if (both.length === 0) continue;
        out[out.length - 1] = {
          ...last,
          member: d,
          alternatives: [],
          values: both,
          valuesByDimension: { [d]: both },
          partial: both.length > 1,
          end: m.end,
          words: `${last.words} ${m.words}`,
          score: Math.max(last.score, m.score),
        };
        break;
      }
      if (out[out.length - 1] !== last) continue;
    }
    out.push(m);
  }
  return out;
}
