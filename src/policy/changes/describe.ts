import { splitPointer } from '../../diagnostics/pointer.js';
import { maskValue } from '../../privacy/mask.js';
import type { Policy } from '../schema/policy.js';
import type { Difference } from './walk.js';

/** What a path is about, in the policy's own words, and the field within it. */
export interface Subject {
  name: string;
  /** The field below the subject, e.g. ['minScore'] or ['sla', 'response', 'within']. */
  field: string[];
  /** Facts, tiers, dimensions, …: their removal next to an addition may be a rename. */
  entity: boolean;
}

const unbracket = (token: string) => token.replace(/^\[(.*)\]$/, '$1');

/** Entities by the shape of their path; the first that fits names the subject. */
const SUBJECTS: [prefix: string[], name: (ids: string[]) => string][] = [
  [['facts', '*'], ([f]) => `fact ${f}`],
  [['tiers', 'levels', '*'], ([t]) => `tier ${t}`],
  [['dimensions', '*', 'metrics', '*'], ([d, m]) => `dimension ${d}, metric ${m}`],
  [['dimensions', '*'], ([d]) => `dimension ${d}`],
  [['conditions', '*'], ([c]) => `condition ${c}`],
  [['classifiers', '*', 'rules', '*'], ([c, r]) => `classifier ${c}, rule ${r}`],
  [['classifiers', '*'], ([c]) => `classifier ${c}`],
  [['rerating', 'triggers', '*'], ([t]) => `re-rating trigger ${t}`],
];

const SECTION_NAMES: Record<string, string> = { rerating: 're-rating' };

export function subjectOf(path: readonly string[]): Subject {
  for (const [prefix, name] of SUBJECTS) {
    if (path.length < prefix.length) continue;
    if (!prefix.every((p, i) => p === '*' || p === path[i])) continue;
    const ids = prefix.flatMap((p, i) => (p === '*' ? [unbracket(path[i]!)] : []));
    return { name: name(ids), field: path.slice(prefix.length), entity: true };
  }
  const section = path[0] ?? 'policy';
  return { name: SECTION_NAMES[section] ?? section, field: path.slice(1), entity: false };
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
export function describe(d: Difference, old: unknown, now: unknown, why?: string): string {
  const { name, field, entity } = subjectOf(d.path);
  const where = field.length === 0 ? name : `${name}: ${fieldName(field)}`;
  const note = why ? ` (${why})` : '';
  if (d.reordered)
    return `${where} reordered: ${(old as string[]).join(', ')} → ${(now as string[]).join(', ')}${note}`;
  if (entity && field.length === 0 && old === undefined) return `added ${name}${note}`;
  if (entity && field.length === 0 && now === undefined) return `removed ${name}${note}`;
  if (old === undefined) return `${where} added: ${formatValue(now)}${note}`;
  if (now === undefined) return `${where} removed (was ${formatValue(old)})${note}`;
  return `${where} ${formatValue(old)} → ${formatValue(now)}${note}`;
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
