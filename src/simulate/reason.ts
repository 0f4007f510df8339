import type { Decision } from '../engine/decision.js';
import type { CustomerResult } from '../engine/evaluate.js';
import { bandName } from '../engine/tiers/matrix.js';
import { formatNumber } from '../format/number.js';
import type { Localized } from '../i18n/language.js';
import { msg, render, type Text } from '../i18n/text.js';
import type { Policy } from '../policy/schema/policy.js';

interface Batch {
  fromTier?: string;
  toTier?: string;
  fromScore?: number;
  toScore?: number;
}

const EPSILON = 1e-9;

/**
 * Why one customer's tier differs between two policies, as a text to render in the reader's
 * language: the metrics whose contributions changed the score most, and the threshold, quota,
 * criteria rule or matrix cell that decided each side. Metrics, tiers and bands go by their
 * labels. Names metrics and rules only, never fact values, so no personal data.
 */
export function describeMove(
  from: Policy,
  to: Policy,
  a: CustomerResult | undefined,
  b: CustomerResult | undefined,
  batch: Batch,
): Text {
  const parts: Text[] = [];
  const scored = batch.fromScore !== undefined || batch.toScore !== undefined;
  if (scored && batch.fromScore !== batch.toScore) {
    const changes = metricChanges(from, to, a, b);
    parts.push(
      msg('movers.score', {
        from: scoreOf(batch.fromScore),
        to: scoreOf(batch.toScore),
        changes,
      }),
    );
  } else if (scored) parts.push(msg('movers.sameScore', { score: scoreOf(batch.toScore) }));
  const decidedFrom = a ? decisionText(from, a.decision) : undefined;
  const decidedTo = b ? decisionText(to, b.decision) : undefined;
  if (
    decidedFrom !== undefined &&
    decidedTo !== undefined &&
    render('en', decidedFrom) !== render('en', decidedTo)
  )
    parts.push(msg('movers.wasNow', { was: decidedFrom, now: decidedTo }));
  else if (!a || !b) parts.push(...quotaText(from, to, batch));
  if (parts.length > 0) return msg('movers.reason', { parts });
  return msg('movers.tiers', {
    from: tierName([from, to], batch.fromTier),
    to: tierName([to, from], batch.toTier),
  });
}

/** A tier by its label in either policy (the first given first), else its id; no tier in words. */
function tierName(policies: readonly Policy[], tier: string | undefined): Text | Localized | string {
  if (tier === undefined) return msg('movers.noTier');
  for (const p of policies) {
    const level = p.tiers?.levels.find((l) => l.id === tier);
    if (level?.label) return named(level.label, tier);
  }
  return tier;
}

/** A label for both languages, the id standing in for a language the label lacks. */
function named(label: Localized | undefined, id: string): Localized | string {
  return label ? { en: label.en ?? id, 'zh-CN': label['zh-CN'] ?? id } : id;
}

/** The metrics whose contribution moved most (up to three), in points of the score. */
function metricChanges(
  from: Policy,
  to: Policy,
  a: CustomerResult | undefined,
  b: CustomerResult | undefined,
): Text[] {
  const before = new Map(
    (a?.breakdown?.metrics ?? []).map((m) => [`${m.dimension}.${m.metric}`, m.contribution]),
  );
  const after = new Map(
    (b?.breakdown?.metrics ?? []).map((m) => [`${m.dimension}.${m.metric}`, m.contribution]),
  );
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  return keys
    .map((k) => ({ k, d: (after.get(k) ?? 0) - (before.get(k) ?? 0) }))
    .filter((x) => Math.abs(x.d) > EPSILON)
    .sort((x, y) => Math.abs(y.d) - Math.abs(x.d) || (x.k < y.k ? -1 : 1))
    .slice(0, 3)
    .map((x) =>
      msg('movers.change', {
        metric: metricName([to, from], x.k),
        delta: `${x.d > 0 ? '+' : '−'}${show(Math.abs(x.d))}`,
      }),
    );
}

/** A metric by its label, else its fact's label, in either policy; else dimension.metric. */
function metricName(policies: readonly Policy[], key: string): Localized | string {
  const dot = key.indexOf('.');
  const dimension = key.slice(0, dot);
  const metric = key.slice(dot + 1);
  for (const p of policies) {
    const m = p.dimensions?.[dimension]?.metrics[metric];
    if (!m) continue;
    const label = m.label ?? p.facts?.[m.fact ?? metric]?.label;
    if (label) return named(label, key);
  }
  return key;
}

function decisionText(policy: Policy, d: Decision): Text {
  const tier = (level: number) => {
    const l = policy.tiers?.levels[level];
    return l ? named(l.label, l.id) : '?';
  };
  switch (d.method) {
    case 'thresholds':
      return msg('movers.thresholds', { tier: tier(d.level), range: rangeText(d.range) });
    case 'quota':
      return msg('movers.quota', { tier: tier(d.level), rank: d.rank, of: d.of });
    case 'criteria':
      return msg(d.otherwise ? 'movers.otherwise' : 'movers.criteria', { tier: tier(d.level) });
    case 'matrix': {
      const matrix = policy.tiers!.matrix!;
      const band = (axis: typeof matrix.rows, id: string) => {
        const name = bandName(axis, id);
        return typeof name === 'string' ? name : named(name, id);
      };
      return msg('movers.matrix', {
        tier: tier(d.level),
        row: band(matrix.rows, d.row),
        column: band(matrix.columns, d.column),
      });
    }
    case 'sql':
      return msg('movers.sql', { tier: tier(d.level) });
    case 'none':
      return msg('movers.none', { reason: d.reason });
  }
}

function rangeText(r: { atLeast?: number; above?: number; below?: number; atMost?: number }): Text {
  const lower =
    r.atLeast !== undefined
      ? `≥ ${show(r.atLeast)}`
      : r.above !== undefined
        ? `> ${show(r.above)}`
        : undefined;
  const upper =
    r.below !== undefined ? `< ${show(r.below)}` : r.atMost !== undefined ? `≤ ${show(r.atMost)}` : undefined;
  return msg('movers.scoreRange', {
    ...(lower !== undefined ? { lower } : {}),
    ...(upper !== undefined ? { upper } : {}),
  });
}

/** Quotas rank everyone, so a single customer is not re-explained: say what the shares are. */
function quotaText(from: Policy, to: Policy, batch: Batch): Text[] {
  const shares = (p: Policy, tier: string | undefined) =>
    p.tiers?.method === 'quota' ? p.tiers.levels.find((l) => l.id === tier)?.share : undefined;
  const parts: Text[] = [];
  const was = shares(from, batch.fromTier);
  const now = shares(to, batch.toTier);
  if (was !== undefined)
    parts.push(msg('movers.quotaWas', { tier: tierName([from], batch.fromTier), share: was }));
  if (now !== undefined)
    parts.push(msg('movers.quotaNow', { tier: tierName([to], batch.toTier), share: now }));
  return parts;
}

/** A score, or none for a customer without one. */
function scoreOf(n: number | undefined): Text | string {
  return n === undefined ? msg('movers.noScore') : show(n);
}

/** A score or a contribution: up to six decimals, as the batch form computes them. */
function show(n: number): string {
  return formatNumber(n, 6);
}
