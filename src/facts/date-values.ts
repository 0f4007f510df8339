import { DateTime } from 'luxon';
import { parseDuration } from '../policy/analysis/duration.js';
import { type DateValue, isDateOperator, readDateValue } from '../policy/date-value.js';
import type { Condition } from '../policy/schema/condition.js';
import type { Policy } from '../policy/schema/policy.js';
import { conditionNodes, conditionSites } from '../policy/walk.js';
import { type AsOf, isAsOf, parseAsOf } from './asof.js';
import { toInstant } from './instant.js';
import { DEFAULT_TIMEZONE, zoneCalendar } from './zone.js';

/** Whether any condition compares a date fact (or uses a date operator): then it needs resolving. */
export function hasDateValues(policy: Policy): boolean {
  const dates = dateFacts(policy);
  return (
    dateAxes(policy, dates).length > 0 ||
    conditionSites(policy).some((site) =>
      [...conditionNodes(site.condition, site.pointer)].some(({ node }) => comparesDate(node, dates)),
    )
  );
}

/** The matrix axes that band a date fact. */
function dateAxes(policy: Policy, dates: ReadonlySet<string>) {
  const matrix = policy.tiers?.matrix;
  if (!matrix) return [];
  return [matrix.rows, matrix.columns].filter((a) => a.fact !== undefined && dates.has(a.fact));
}

/**
 * The policy with every date a condition compares with, and every bound of a matrix axis on a date
 * fact, turned into an instant (epoch ms), as date
 * facts are during evaluation: `2024-01-01` is the start of that day in the policy's zone,
 * `{ ago: P90D }` is the as-of instant minus 90 calendar days there (the start of a P90D window,
 * docs/facts.md). A copy; the policy given is not changed. The as-of is today when none is given.
 */
export function resolveDates(policy: Policy, asOf?: AsOf, now?: number): Policy {
  if (!hasDateValues(policy)) return policy;
  const timezone = asOf?.timezone ?? policy.metadata.timezone ?? DEFAULT_TIMEZONE;
  const at = asOf ?? parseAsOf('today', { timezone, now });
  const instantOf = (value: DateValue): number | undefined => {
    if (value.kind === 'date') return toInstant(value.text, zoneCalendar(timezone));
    if (!isAsOf(at)) return undefined;
    const parts = parseDuration(value.duration)!;
    return DateTime.fromMillis(at.instant, { zone: timezone }).minus(parts).toMillis();
  };
  const copy = structuredClone(policy);
  const dates = dateFacts(copy);
  for (const site of conditionSites(copy)) {
    for (const { node } of conditionNodes(site.condition, site.pointer)) {
      if (!comparesDate(node, dates)) continue;
      node.value = resolve(node.value, instantOf);
    }
  }
  for (const axis of dateAxes(copy, dates)) {
    for (const band of axis.bands) {
      for (const key of ['atLeast', 'above', 'below', 'atMost'] as const) {
        if (band[key] === undefined) continue;
        const date = readDateValue(band[key]);
        // An instant the as-of cannot give (no as-of) is NaN: the band then holds nothing.
        band[key] = date ? (instantOf(date) ?? Number.NaN) : Number.NaN;
      }
    }
  }
  return copy;
}

function resolve(value: unknown, instantOf: (v: DateValue) => number | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => resolve(v, instantOf));
  const date = readDateValue(value);
  // A value the checker refuses never gets here; `{ fact: other }` is read by the engine.
  return date ? instantOf(date) : value;
}

function dateFacts(policy: Policy): Set<string> {
  return new Set(
    Object.entries(policy.facts ?? {})
      .filter(([, f]) => f.type === 'date')
      .map(([id]) => id),
  );
}

function comparesDate(node: Condition, dates: ReadonlySet<string>): boolean {
  return (
    node.fact !== undefined &&
    node.operator !== undefined &&
    (dates.has(node.fact) || isDateOperator(node.operator))
  );
}
