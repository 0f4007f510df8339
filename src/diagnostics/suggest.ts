/** Damerau-free Levenshtein distance: small inputs only (identifiers), so O(n·m) is fine. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j]!;
      const cost = a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1;
      prev[j] = Math.min(above + 1, prev[j - 1]! + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return prev[b.length]!;
}

/** The closest candidate within a third of the word's length, for "did you mean …?". */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  // "spend" for "spend12m": a shortened name is the commonest slip in fact ids.
  const lower = word.toLowerCase();
  const prefixed = list.filter((c) => lower.length >= 3 && c.toLowerCase().startsWith(lower));
  if (prefixed.length === 1) return prefixed[0];
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.ceil(word.length / 3)) + 1;
  for (const candidate of list) {
    const d = editDistance(word, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

export function didYouMeanHelp(word: string, candidates: Iterable<string>, what: string): string {
  const list = [...candidates];
  const guess = didYouMean(word, list);
  if (guess) return `did you mean '${guess}'?`;
  if (list.length === 0) return `no ${what} is declared`;
  const shown = list.slice(0, 12).join(', ');
  return `known ${what}: ${shown}${list.length > 12 ? ', …' : ''}`;
}
