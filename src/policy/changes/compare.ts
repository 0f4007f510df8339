import { parentPointer } from '../../diagnostics/pointer.js';
import type { Policy } from '../schema/policy.js';
import { classify } from './classify.js';
import { describe, maskChanged, piiFacts, subjectOf, valueAt } from './describe.js';
import { type Change, type ChangeReport, highestKind, KIND_RANK } from './types.js';
import { type Difference, differences } from './walk.js';

/** The version is what the changes are measured against, not a change itself. */
const IGNORED = new Set(['metadata/version']);

/**
 * Every difference between two effective policies (variants merged), classified major, minor or
 * patch, in the order the new policy reads; personal data masked in values and messages.
 */
export function comparePolicies(before: Policy, after: Policy): ChangeReport {
  const pii = piiFacts(before, after);
  const found = differences(before, after).filter((d) => !IGNORED.has(d.path.join('/')));
  const masked = (d: Difference, side: 'old' | 'new') => {
    const [root, pointer] = side === 'old' ? [before, d.oldPointer] : [after, d.newPointer];
    const parent = pointer === undefined ? undefined : valueAt(root, parentPointer(pointer));
    return maskChanged(d[side], pii, d.path, parent);
  };
  const changes = found.map((d): Change & { difference: Difference } => {
    const { kind, why } = classify(d);
    const old = masked(d, 'old');
    const now = masked(d, 'new');
    return {
      kind,
      pointer: d.newPointer ?? d.anchor,
      ...(d.oldPointer === undefined ? {} : { oldPointer: d.oldPointer }),
      message: describe(d, old, now, why),
      old,
      new: now,
      difference: d,
    };
  });
  const paired = pairRenames(changes).map(({ difference: _, ...change }) => change);
  return { level: highestKind(paired.map((c) => c.kind)), changes: paired };
}

type Found = Change & { difference: Difference };

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
    out.push({
      ...c,
      kind,
      oldPointer: partner.oldPointer,
      message: `removed ${gone}, added ${added} (a rename is ${kind === 'major' ? 'major' : `a ${kind} change here`})`,
      old: partner.old,
    });
  }
  return out.filter((c) => !consumed.has(c));
}
