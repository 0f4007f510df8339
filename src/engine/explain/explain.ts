import type { Language } from '../../i18n/language.js';
import { describeInterval, fromBounds } from '../../policy/analysis/interval.js';
import type { Policy } from '../../policy/schema/policy.js';
import { maskValue } from '../../privacy/mask.js';
import type { ConditionTrace } from '../conditions/trace.js';
import type { CustomerResult } from '../evaluate.js';
import { formatFactValue, formatPoints } from './format.js';
import { type MoveUp, moveUp } from './next-tier.js';

export type { Language };

const OPERATOR_TEXT: Record<string, string> = {
  equal: '=',
  notEqual: '≠',
  lessThan: '<',
  lessThanInclusive: '≤',
  greaterThan: '>',
  greaterThanInclusive: '≥',
  in: 'in',
  notIn: 'not in',
  contains: 'contains',
  doesNotContain: 'does not contain',
};

/**
 * An account manager's reading of one result: every metric's value, points and contribution,
 * the dimension sums, what decided the tier, and what it would take to move up. PII is masked.
 */
export function explainResult(policy: Policy, result: CustomerResult, language: Language = 'en'): string[] {
  const facts = policy.facts ?? {};
  const pii = new Set(
    Object.entries(facts)
      .filter(([, f]) => f.pii)
      .map(([id]) => id),
  );
  const show = (fact: string, value: unknown) =>
    formatFactValue(pii.has(fact) ? maskValue(value) : value, facts[fact]);
  const label = (l: { 'zh-CN'?: string; en?: string } | undefined, fallback: string) =>
    l?.[language] ?? l?.en ?? l?.['zh-CN'] ?? fallback;
  const factName = (fact: string) => label(facts[fact]?.label, fact);
  const tier = result.tier ? policy.tiers?.levels.find((l) => l.id === result.tier) : undefined;
  const lines: string[] = [];
  const score = result.breakdown
    ? ` (score ${formatPoints(result.breakdown.total)}, unrounded ${formatPoints(result.breakdown.raw)})`
    : '';
  lines.push(
    `${result.customer} → ${tier ? `${label(tier.label, tier.id)} [${tier.id}]` : 'no tier'}${score}`,
  );
  for (const dimension of result.breakdown?.dimensions ?? []) {
    const name = label(policy.dimensions?.[dimension.dimension]?.label, dimension.dimension);
    if (dimension.excluded) {
      lines.push(`  ${name}: left out (no metric could be scored)`);
      continue;
    }
    lines.push(
      `  ${name} (${formatPoints(dimension.share * 100)}% of the score): ${formatPoints(dimension.points ?? 0)} points → ${formatPoints(dimension.contribution)}`,
    );
    for (const metric of result.breakdown!.metrics.filter((m) => m.dimension === dimension.dimension)) {
      const how =
        metric.status === 'excluded'
          ? 'left out (missing)'
          : metric.status === 'missing-points'
            ? `${formatPoints(metric.points!)} points (missing-value rule)`
            : `${formatPoints(metric.points ?? 0)} points`;
      const contribution =
        metric.status === 'excluded'
          ? ''
          : ` × ${formatPoints(metric.share * 100)}% = ${formatPoints(metric.contribution)}`;
      lines.push(`    ${factName(metric.fact)}: ${show(metric.fact, metric.value)} → ${how}${contribution}`);
    }
  }
  lines.push(`  decided by: ${decidedBy(policy, result, show)}`);
  const up = moveUp(policy, result);
  if (up) lines.push(`  to move up: ${moveUpText(policy, up, show, label, factName)}`);
  for (const [id, classes] of Object.entries(result.classes)) {
    if (classes.length > 0)
      lines.push(`  ${label(policy.classifiers?.[id]?.label, id)}: ${classes.join(', ')}`);
  }
  if (result.triggers.length > 0) {
    const what = [
      ...result.flags,
      ...(result.rerate ? ['re-rate now'] : []),
      ...result.notify.map((r) => `notify ${r}`),
    ];
    lines.push(`  triggers: ${result.triggers.join(', ')} (${what.join('; ')})`);
  }
  for (const d of result.diagnostics) lines.push(`  ${d.severity}[${d.code}]: ${d.message}`);
  return lines;
}

function decidedBy(
  policy: Policy,
  result: CustomerResult,
  show: (fact: string, value: unknown) => string,
): string {
  const d = result.decision;
  const levels = policy.tiers?.levels ?? [];
  switch (d.method) {
    case 'thresholds': {
      const range = fromBounds(d.range);
      const open = range.lo === -Infinity && range.hi === Infinity;
      return open
        ? `score ${formatPoints(d.score)} reaches no tier above, so tier ${levels[d.level]!.id} takes it`
        : `score ${formatPoints(d.score)} is ${describeInterval(range)} (tier ${levels[d.level]!.id})`;
    }
    case 'quota':
      return `rank ${d.rank} of ${d.of} by ${policy.tiers?.quota?.rankBy ?? 'score'} (${formatPoints(d.rankValue)}); tier ${levels[d.level]!.id} takes ranks up to ${d.levelEndsAt}${d.tiedUp ? ', tied with the last of them' : ''}`;
    case 'criteria':
      return d.otherwise
        ? `no earlier rule matched: tier ${levels[d.level]!.id} takes the rest`
        : `rule of tier ${levels[d.level]!.id}: ${traceText(d.trace!, show)}`;
    case 'matrix':
      return `row ${d.row} (${formatPoints(d.rowValue)}) × column ${d.column} (${formatPoints(d.columnValue)}) → ${levels[d.level]!.id}`;
    default:
      return d.reason;
  }
}

export function traceText(trace: ConditionTrace, show: (fact: string, value: unknown) => string): string {
  switch (trace.kind) {
    case 'fact':
      return `${trace.fact} ${OPERATOR_TEXT[trace.operator]} ${JSON.stringify(trace.value)} [${show(trace.fact, trace.factValue)}: ${trace.result ? 'yes' : 'no'}]`;
    case 'not':
      return `not (${traceText(trace.child, show)})`;
    default:
      return trace.children.map((c) => traceText(c, show)).join(trace.kind === 'all' ? ' and ' : ' or ');
  }
}

function moveUpText(
  policy: Policy,
  up: MoveUp,
  show: (fact: string, value: unknown) => string,
  label: (l: { 'zh-CN'?: string; en?: string } | undefined, fallback: string) => string,
  factName: (fact: string) => string,
): string {
  const tier = policy.tiers?.levels.find((l) => l.id === up.tier);
  const name = label(tier?.label, up.tier);
  if (up.failed) {
    return `${name} needs ${up.failed.map((f) => `${factName(f.fact)} ${OPERATOR_TEXT[f.operator]} ${JSON.stringify(f.value)} (now ${show(f.fact, f.factValue)})`).join(' and ')}`;
  }
  if (up.pointsNeeded === undefined) return `${name}`;
  const symbol = { atLeast: '≥', above: '>', atMost: '≤', below: '<', equal: '=' } as const;
  const ways = up.options.map((o) => `${factName(o.fact)} ${symbol[o.operator]} ${show(o.fact, o.target)}`);
  return `+${formatPoints(up.pointsNeeded)} points for ${name}${ways.length ? `: ${ways.join(', or ')}` : ' (no single metric can close the gap alone)'}`;
}
