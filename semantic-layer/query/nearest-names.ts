/** Suggestions for a misspelt or unknown member: the closest names by edit distance and shared words. */

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(
        Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function words(name: string): Set<string> {
  return new Set(
    name
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 1),
  );
}

/** Up to `count` candidates, closest first; a shared word counts as much as a few typos. */
export function nearestNames(asked: string, candidates: readonly string[], count = 3): string[] {
  const askedWords = words(asked);
  const scored = candidates.map((name) => {
    const short = name.includes('.') ? name.slice(name.indexOf('.') + 1) : name;
    const askedShort = asked.includes('.') ? asked.slice(asked.indexOf('.') + 1) : asked;
    const distance = Math.min(
      editDistance(asked.toLowerCase(), name),
      editDistance(askedShort.toLowerCase(), short),
    );
    const shared = [...words(name)].filter((w) => askedWords.has(w)).length;
    return { name, score: distance - 3 * shared };
  });
  return scored
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, count)
    .map((s) => s.name);
}

/** "Did you mean a, b or c?" text for an error message. */
export function didYouMean(asked: string, candidates: readonly string[]): string {
  const near = nearestNames(asked, candidates);
  if (near.length === 0) return 'The model has none.';
  return `Did you mean ${near.map((n) => `"${n}"`).join(', ')}?`;
}
