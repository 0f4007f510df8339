import { splitPointer } from '../../diagnostics/pointer.js';
import { msg, type Text } from '../../i18n/text.js';
import { maskValue } from '../../privacy/mask.js';
import type { Policy } from '../schema/policy.js';
import type { Difference } from './walk.js';

/** What a path is about, in the policy's own words, and the field within it. */
export interface Subject {
  name: Text;
  /** The field below the subject, e.g. ['minScore'] or ['sla', 'response', 'within']. */
  field: string[];
  /** Facts, tiers, dimensions, …: their removal next to an addition may be a rename. */
  entity: boolean;
}

const unbracket = (token: string) => token.replace(/^\[(.*)\]$/, '$1');

/** Entities by the shape of their path; the first that fits names the subject. */
const SUBJECTS: [prefix: string[], name: (ids: string[]) => Text][] = [
  [['facts', '*'], ([f]) => msg('changes.fact', { id: f! })],
  [['tiers', 'levels', '*'], ([t]) => msg('changes.tier', { id: t! })],
  [['dimensions', '*', 'metrics', '*'], ([d, m]) => msg('changes.metric', { dimension: d!, id: m! })],
  [['dimensions', '*'], ([d]) => msg('changes.dimension', { id: d! })],
  [['conditions', '*'], ([c]) => msg('changes.condition', { id: c! })],
  [['classifiers', '*', 'rules', '*'], ([c, r]) => msg('changes.rule', { classifier: c!, id: r! })],
  [['classifiers', '*'], ([c]) => msg('changes.classifier', { id: c! })],
  [['rerating', 'triggers', '*'], ([t]) => msg('changes.trigger', { id: t! })],
];

export function subjectOf(path: readonly string[]): Subject {
  for (const [prefix, name] of SUBJECTS) {
    if (path.length < prefix.length) continue;
    if (!prefix.every((p, i) => p === '*' || p === path[i])) continue;
    const ids = prefix.flatMap((p, i) => (p === '*' ? [unbracket(path[i]!)] : []));
    return { name: name(ids), field: path.slice(prefix.length), entity: true };
  }
  const name = path[0] === undefined ? msg('changes.policy') : msg('changes.section', { key: path[0] });
  return { name, field: path.slice(1), entity: false };
}

/** `sla.response.within`, `entitlements.benefits[visit].label.en`. */
export function fieldName(field: readonly string[]): string {
  return field.reduce(
    (out, token) => (token.startsWith('[') || out === '' ? out + token : `${out}.${token}`),
    '',
  );
}

const MAX_VALUE = 80;

export function formatValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/** "tier vip: minScore 90 → 85", "added fact region", "tiers: levels reordered: a, b → b, a". */
export function describe(d: Difference, old: unknown, now: unknown, why?: Text): Text {
  const { name, field, entity } = subjectOf(d.path);
  const where = field.length === 0 ? name : msg('changes.field', { subject: name, field: fieldName(field) });
  if (d.reordered)
    return msg('changes.reordered', { where, old: old as string[], new: now as string[], why });
  if (entity && field.length === 0 && old === undefined) return msg('changes.added', { subject: name, why });
  if (entity && field.length === 0 && now === undefined)
    return msg('changes.removed', { subject: name, why });
  if (old === undefined) return msg('changes.valueAdded', { where, value: formatValue(now), why });
  if (now === undefined) return msg('changes.valueRemoved', { where, value: formatValue(old), why });
  return msg('changes.changed', { where, old: formatValue(old), new: formatValue(now), why });
}

/** The ids of the facts either policy marks as personal data. */
export function piiFacts(...policies: Policy[]): Set<string> {
  const out = new Set<string>();
  for (const policy of policies)
    for (const [id, fact] of Object.entries(policy.facts ?? {})) if (fact.pii) out.add(id);
  return out;
}

/**
 * A copy of a changed value with personal data masked: the constant a condition compares a PII
 * fact with, and a PII fact's default. `parent` is the object holding the value, when it is a
 * field of one, so a lone `value` is masked when its sibling `fact` is personal.
 */
export function maskChanged(
  value: unknown,
  pii: ReadonlySet<string>,
  path: readonly string[],
  parent: unknown,
) {
  if (value === undefined || pii.size === 0) return value;
  const last = path[path.length - 1];
  const personalDefault = path.length === 3 && path[0] === 'facts' && pii.has(path[1]!) && last === 'default';
  const personalValue = last === 'value' && isPersonalCondition(parent, pii);
  if (personalDefault || personalValue) return maskDeep(value, () => true);
  return maskDeep(value, () => false, pii);
}

function isPersonalCondition(node: unknown, pii: ReadonlySet<string>): boolean {
  const fact = (node as { fact?: unknown } | undefined)?.fact;
  return typeof fact === 'string' && pii.has(fact);
}

function maskDeep(value: unknown, all: () => boolean, pii: ReadonlySet<string> = new Set()): unknown {
  if (all()) {
    if (Array.isArray(value)) return value.map(maskValue);
    return typeof value === 'object' && value !== null ? value : maskValue(value);
  }
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, all, pii));
  if (typeof value !== 'object' || value === null) return value;
  const personal = isPersonalCondition(value, pii);
  // fromEntries defines own properties, so a key such as __proto__ stays data.
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [
      key,
      personal && key === 'value' ? maskDeep(v, () => true) : maskDeep(v, all, pii),
    ]),
  );
}

/** The value a pointer names in a policy. */
export function valueAt(root: unknown, pointer: string | undefined): unknown {
  if (pointer === undefined) return undefined;
  let node = root;
  for (const token of splitPointer(pointer)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}
