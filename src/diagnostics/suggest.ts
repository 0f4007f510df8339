import { msg, render, type Text } from '../i18n/text.js';

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

/** The kinds of names a suggestion is made from (entries of the `suggest` catalogue area). */
export type Names =
  | 'properties'
  | 'facts'
  | 'tiers'
  | 'values'
  | 'namedConditions'
  | 'rowBands'
  | 'columnBands'
  | 'dimensions'
  | 'columns'
  | 'sheets'
  | 'functions';

const SHOWN = 12;

/** A help text for an unknown name: the likely one, else the names there are, in the reader's language. */
export function suggestion(word: string, candidates: Iterable<string>, what: Names): Text {
  const list = [...candidates];
  const guess = didYouMean(word, list);
  // Property names are the schema's words, written as code; the others are the user's ids.
  const code = what === 'properties' || what === 'functions' ? { code: true } : {};
  if (guess) return msg('suggest.didYouMean', { guess, ...code });
  const noun = msg(`suggest.${what}`);
  if (list.length === 0) return msg('suggest.noneDeclared', { what: noun });
  return msg('suggest.known', {
    what: noun,
    names: list.slice(0, SHOWN),
    more: list.length > SHOWN,
    ...code,
  });
}

/** The same in English, for a help that is still plain text. */
export function didYouMeanHelp(word: string, candidates: Iterable<string>, what: Names): string {
  return render('en', suggestion(word, candidates, what));
}
