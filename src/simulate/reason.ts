import type { Decision } from '../engine/decision.js';
import type { CustomerResult } from '../engine/evaluate.js';
import type { Policy } from '../policy/schema/policy.js';

interface Batch {
  fromTier?: string;
  toTier?: string;
  fromScore?: number;
  toScore?: number;
}

const EPSILON = 1e-9;

/**
 * Why one customer's tier differs between two policies, in words: the metrics whose
 * contributions changed the score most, and the threshold, quota, criteria rule or matrix cell
 * that decided each side. Names metrics and rules only, never fact values, so no personal data.
 */
export function describeMove(
  from: Policy,
  to: Policy,
  a: CustomerResult | undefined,
  b: CustomerResult | undefined,
  batch: Batch,
): string {
  const parts: string[] = [];
  const scored = batch.fromScore !== undefined || batch.toScore !== undefined;
  if (scored && batch.fromScore !== batch.toScore) {
    parts.push(`score ${show(batch.fromScore)} → ${show(batch.toScore)}${metricChanges(a, b)}`);
  } else if (scored) parts.push(`same score ${show(batch.toScore)}`);
  const decidedFrom = a ? decisionText(from, a.decision) : undefined;
  const decidedTo = b ? decisionText(to, b.decision) : undefined;
  if (decidedFrom !== undefined && decidedTo !== undefined && decidedFrom !== decidedTo)
    parts.push(`was ${decidedFrom}; now ${decidedTo}`);
  else if (!a || !b) parts.push(quotaText(from, to, batch));
  return (
    parts.filter((p) => p !== '').join('; ') || `tier ${batch.fromTier ?? 'none'} → ${batch.toTier ?? 'none'}`
  );
}

/** The metrics whose contribution moved most (up to three), in points of the score. */
function metricChanges(a: CustomerResult | undefined, b: CustomerResult | undefined): string {
  const before = new Map(
    (a?.breakdown?.metrics ?? []).map((m) => [`${m.dimension}.${m.metric}`, m.contribution]),
  );
  const after = new Map(
    (b?.breakdown?.metrics ?? []).map((m) => [`${m.dimension}.${m.metric}`, m.contribution]),
  );
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  const deltas = keys
    .map((k) => ({ k, d: (after.get(k) ?? 0) - (before.get(k) ?? 0) }))
    .filter((x) => Math.abs(x.d) > EPSILON)
    .sort((x, y) => Math.abs(y.d) - Math.abs(x.d) || (x.k < y.k ? -1 : 1))
    .slice(0, 3);
  if (deltas.length === 0) return '';
  return ` (${deltas.map((x) => `${x.k} ${x.d > 0 ? '+' : '−'}${show(Math.abs(x.d))}`).join(', ')} points)`;
}

function decisionText(policy: Policy, d: Decision): string {
  const tier = (level: number) => policy.tiers?.levels[level]?.id ?? '?';
  switch (d.method) {
    case 'thresholds':
      return `${tier(d.level)} from ${rangeText(d.range)}`;
    case 'quota':
      return `${tier(d.level)} at rank ${d.rank} of ${d.of}`;
    case 'criteria':
      return d.otherwise ? `${tier(d.level)} (otherwise)` : `${tier(d.level)} by its criteria`;
    case 'matrix':
      return `${tier(d.level)} in cell ${d.row} × ${d.column}`;
    case 'none':
      return `no tier (${d.reason})`;
  }
}

function rangeText(r: { atLeast?: number; above?: number; below?: number; atMost?: number }): string {
  const low =
    r.atLeast !== undefined
      ? `score ≥ ${show(r.atLeast)}`
      : r.above !== undefined
        ? `score > ${show(r.above)}`
        : '';
  const high =
    r.below !== undefined ? `< ${show(r.below)}` : r.atMost !== undefined ? `≤ ${show(r.atMost)}` : '';
  return [low, high].filter((x) => x !== '').join(', ') || 'any score';
}

/** Quotas rank everyone, so a single customer is not re-explained: say what the shares are. */
function quotaText(from: Policy, to: Policy, batch: Batch): string {
  const shares = (p: Policy, tier: string | undefined) =>
    p.tiers?.method === 'quota' ? p.tiers.levels.find((l) => l.id === tier)?.share : undefined;
  const parts: string[] = [];
  const was = shares(from, batch.fromTier);
  const now = shares(to, batch.toTier);
  if (was !== undefined) parts.push(`was in ${batch.fromTier} (quota ${was})`);
  if (now !== undefined) parts.push(`now in ${batch.toTier} (quota ${now})`);
  return parts.join('; ');
}

function show(n: number | undefined): string {
  if (n === undefined) return 'none';
  return String(Math.round(n * 1e6) / 1e6);
}
