import { msg, render, type Text } from '../../i18n/text.js';
import type { ChangeKind } from './types.js';
import type { Difference } from './walk.js';

export interface Classification {
  kind: ChangeKind;
  /** Said in the message where the kind is not obvious from what changed (English; see whyText). */
  why?: string;
}

const WHY: Text[] = [msg('changes.newTierWhy'), msg('changes.unclassifiedWhy')];

/** A classification's reason in the catalogue, for the message in other languages. */
export function whyText(why: string | undefined): Text | undefined {
  return why === undefined ? undefined : WHY.find((t) => render('en', t) === why);
}

type Decide = ChangeKind | ((d: Difference) => ChangeKind | Classification);

const added = (d: Difference) => d.old === undefined;
const removedMajor = (whenAdded: ChangeKind) => (d: Difference) => (added(d) ? whenAdded : 'major');

/** An added fact that every row must hold breaks data that was valid before; an optional one does not. */
const factAdded = (d: Difference): ChangeKind => {
  if (!added(d)) return 'major';
  return (d.new as { required?: boolean }).required === true ? 'major' : 'minor';
};

const factsSectionAdded = (d: Difference): ChangeKind => {
  if (!added(d)) return 'major';
  const facts = Object.values(d.new as Record<string, { required?: boolean }>);
  return facts.some((f) => f.required === true) ? 'major' : 'minor';
};

/** Dropping an enum value breaks data holding it; adding one does not. */
const enumValues = (d: Difference): ChangeKind => {
  const before = (d.old as string[] | undefined) ?? [];
  const after = (d.new as string[] | undefined) ?? [];
  return d.new !== undefined && before.every((v) => after.includes(v)) ? 'minor' : 'major';
};

const requiredFlag = (d: Difference): ChangeKind => (d.new === true ? 'major' : 'minor');

const tierAddedOrRemoved = (d: Difference): Classification =>
  added(d) ? { kind: 'major', why: render('en', WHY[0]!) } : { kind: 'major' };

/**
 * The rules, first match wins. A pattern's tokens are path tokens (`[id]` for a keyed list
 * entry), `*` for any one token, `**` for any number, and `a|b` for either. The tiers part
 * follows docs/versions.md: what breaks a reader of the results or of the data is major, what
 * moves customers between tiers or changes what a tier gets is minor, words are patch.
 */
const RULES: [pattern: string, decide: Decide][] = [
  ['metadata/name', 'major'],
  ['metadata/labels/**', 'patch'],
  ['metadata/owner|description|businessUnit|extends', 'patch'],
  ['metadata/effectiveFrom|effectiveTo|timezone', 'minor'],
  ['facts', factsSectionAdded],
  ['facts/*', factAdded],
  ['facts/*/label/**', 'patch'],
  ['facts/*/description', 'patch'],
  ['facts/*/values', enumValues],
  ['facts/*/required', requiredFlag],
  ['facts/*/window|calendar|min|max|default|pii|revenue', 'minor'],
  ['facts/*/type|unit|key|column|format|from|aggregate|of|per|excludeFirst|fractional', 'major'],
  ['sources/**', 'major'],
  ['conditions|classifiers', removedMajor('minor')],
  ['conditions/*', removedMajor('minor')],
  ['conditions/*/**', 'minor'],
  ['dimensions/*/label/**', 'patch'],
  ['dimensions/*/description', 'patch'],
  ['dimensions/*/metrics/*/label/**', 'patch'],
  ['dimensions/**', 'minor'],
  ['score/**', 'minor'],
  ['tiers/method', 'major'],
  ['tiers/levels', 'major'],
  ['tiers/levels/*', tierAddedOrRemoved],
  ['tiers/levels/*/label/**', 'patch'],
  ['tiers/levels/*/description', 'patch'],
  ['tiers/levels/*/entitlements/team|benefits|cadence/*/label/**', 'patch'],
  ['tiers/levels/*/**', 'minor'],
  ['tiers/quota/**', 'minor'],
  ['tiers/matrix/rows|columns/label/**', 'patch'],
  ['tiers/matrix/rows|columns/bands/*/label/**', 'patch'],
  ['tiers/matrix/**', 'minor'],
  ['classifiers/*', removedMajor('minor')],
  ['classifiers/*/label/**', 'patch'],
  ['classifiers/*/description', 'patch'],
  ['classifiers/*/rules/*/label/**', 'patch'],
  ['classifiers/*/otherwise/label/**', 'patch'],
  ['classifiers/*/**', 'minor'],
  ['rerating/triggers/*/label/**', 'patch'],
  ['rerating/**', 'minor'],
];

const PARSED = RULES.map(([pattern, decide]) => ({ tokens: pattern.split('/'), decide }));

/** Unknown differences are major: a change nobody classified must never pass as a patch. */
export const UNCLASSIFIED: Classification = { kind: 'major', why: render('en', WHY[1]!) };

export function classify(d: Difference): Classification {
  const rule = PARSED.find((r) => matches(r.tokens, d.path));
  if (!rule) return UNCLASSIFIED;
  const decided = typeof rule.decide === 'function' ? rule.decide(d) : rule.decide;
  return typeof decided === 'string' ? { kind: decided } : decided;
}

function matches(pattern: readonly string[], path: readonly string[]): boolean {
  if (pattern.length === 0) return path.length === 0;
  const [head, ...rest] = pattern;
  if (head === '**') return path.some((_, i) => matches(rest, path.slice(i))) || matches(rest, []);
  if (path.length === 0) return false;
  const token = path[0]!;
  const fits = head === '*' || head!.split('|').includes(token);
  return fits && matches(rest, path.slice(1));
}
