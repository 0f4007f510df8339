import { parentPointer } from '../../diagnostics/pointer.js';
import { msg, render, type Text } from '../../i18n/text.js';
import type { Policy } from '../schema/policy.js';
import { classify, whyText } from './classify.js';
import { describe, maskChanged, piiFacts, subjectOf, valueAt } from './describe.js';
import { type Change, type ChangeReport, highestKind, KIND_RANK } from './types.js';
import { type Difference, differences } from './walk.js';

/** The version is what the changes are measured against, not a change itself. */
const IGNORED = new Set(['metadata/version']);

export interface CompareOptions {
  /** Keep each message as a catalogue text too (Change.i18n), for output in another language. */
  i18n?: boolean;
}

/**
 * Every difference between two effective policies (variants merged), classified major, minor or
 * patch, in the order the new policy reads; personal data masked in values and messages.
 */
export function comparePolicies(before: Policy, after: Policy, options: CompareOptions = {}): ChangeReport {
  const pii = piiFacts(before, after);
  const found = differences(before, after).filter((d) => !IGNORED.has(d.path.join('/')));
  const masked = (d: Difference, side: 'old' | 'new') => {
    const [root, pointer] = side === 'old' ? [before, d.oldPointer] : [after, d.newPointer];
    const parent = pointer === undefined ? undefined : valueAt(root, parentPointer(pointer));
    return maskChanged(d[side], pii, d.path, parent);
  };
  const changes = found.map((d): Found => {
    const { kind, why } = classify(d);
    const old = masked(d, 'old');
    const now = masked(d, 'new');
    const text = describe(d, old, now, whyText(why));
    return {
      kind,
      pointer: d.newPointer ?? d.anchor,
      ...(d.oldPointer === undefined ? {} : { oldPointer: d.oldPointer }),
      message: render('en', text),
      old,
      new: now,
      difference: d,
      text,
    };
  });
  const paired = pairRenames(changes).map(({ difference: _, text, ...change }) =>
    options.i18n ? { ...change, i18n: text } : change,
  );
  return { level: highestKind(paired.map((c) => c.kind)), changes: paired };
}

type Found = Change & { difference: Difference; text: Text };

/**
 * A tier, fact or dimension renamed reads, in a structural comparison, as one removed and one
 * added: report them together, since a consumer of the old id sees the old one gone either way.
 */
function pairRenames(changes: Found[]): Found[] {
  const wholeEntity = (c: Found) => {
    const s = subjectOf(c.difference.path);
    return s.entity && s.field.length === 0 && !c.difference.reordered;
  };
  const removed = new Map<string, Found[]>();
  for (const c of changes) {
    if (!wholeEntity(c) || c.difference.new !== undefined) continue;
    const key = c.difference.path.slice(0, -1).join('/');
    removed.set(key, [...(removed.get(key) ?? []), c]);
  }
  const consumed = new Set<Found>();
  const out: Found[] = [];
  for (const c of changes) {
    if (consumed.has(c)) continue;
    const partner =
      wholeEntity(c) && c.difference.old === undefined
        ? removed.get(c.difference.path.slice(0, -1).join('/'))?.find((r) => !consumed.has(r))
        : undefined;
    if (!partner) {
      out.push(c);
      continue;
    }
    consumed.add(partner);
    const kind = KIND_RANK[partner.kind] >= KIND_RANK[c.kind] ? partner.kind : c.kind;
    const added = subjectOf(c.difference.path).name;
    const gone = subjectOf(partner.difference.path).name;
    const text = msg('changes.renamed', { gone, added, kind });
    out.push({
      ...c,
      kind,
      oldPointer: partner.oldPointer,
      message: render('en', text),
      old: partner.old,
      text,
    });
  }
  return out.filter((c) => !consumed.has(c));
}
