import { DEFAULT_TIMEZONE } from '../../data/index.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Language, Localized } from '../../i18n/language.js';
import { pick } from '../../i18n/language.js';
import { render, t } from '../../i18n/text.js';
import { fromBounds, intervalText } from '../../policy/analysis/interval.js';
import type { Policy } from '../../policy/schema/policy.js';
import { maskValue } from '../../privacy/mask.js';
import type { ConditionTrace } from '../conditions/trace.js';
import type { CustomerResult } from '../evaluate.js';
import { bandName } from '../tiers/matrix.js';
import { formatDateValue, formatFactValue, formatPoints } from './format.js';
import { type MoveUp, moveUp } from './next-tier.js';

export type { Language };

/** What every line of one explanation needs: the policy's names in the reader's language, PII masked. */
class Speaker {
  private readonly pii: Set<string>;

  constructor(
    readonly policy: Policy,
    readonly language: Language,
  ) {
    this.pii = new Set(
      Object.entries(policy.facts ?? {})
        .filter(([, f]) => f.pii)
        .map(([id]) => id),
    );
  }

  label(label: Localized | undefined, fallback: string): string {
    return pick(label, this.language, fallback);
  }

  /** A fact's value with its unit, masked when the fact is personal data. */
  value(fact: string, value: unknown): string {
    return formatFactValue(
      this.pii.has(fact) ? maskValue(value) : value,
      this.policy.facts?.[fact],
      this.language,
      this.timezone,
    );
  }

  /**
   * A value a condition compares with: as written in the policy, masked beside a personal fact; a
   * date (an instant once evaluated) as a date.
   */
  literal(fact: string, value: unknown): string {
    if (this.policy.facts?.[fact]?.type === 'date' && typeof value === 'number')
      return formatDateValue(value, this.timezone);
    return JSON.stringify(this.pii.has(fact) ? maskValue(value) : value);
  }

  get timezone(): string {
    return this.policy.metadata.timezone ?? DEFAULT_TIMEZONE;
  }

  fact(id: string): string {
    return this.label(this.policy.facts?.[id]?.label, id);
  }

  /** A scored metric by its label, else its fact's. */
  metric(dimension: string | undefined, metric: string, fact: string): string {
    const dimensions = Object.entries(this.policy.dimensions ?? {}).filter(
      ([id]) => dimension === undefined || id === dimension,
    );
    for (const [, d] of dimensions) {
      const m = d.metrics[metric];
      if (m?.label && (m.fact ?? metric) === fact) return this.label(m.label, metric);
    }
    return this.fact(fact);
  }

  tier(id: string): string {
    return this.label(this.policy.tiers?.levels.find((l) => l.id === id)?.label, id);
  }

  level(index: number): string {
    const level = this.policy.tiers?.levels[index];
    return level ? this.label(level.label, level.id) : '?';
  }

  operator(operator: string): string {
    return t(this.language, 'explain.operator', { operator });
  }
}

/**
 * An account manager's reading of one result: every metric's value, points and contribution,
 * the dimension sums, what decided the tier, and what it would take to move up, in the
 * reader's language with the policy's labels. PII is masked.
 */
export function explainResult(policy: Policy, result: CustomerResult, language: Language = 'en'): string[] {
  const s = new Speaker(policy, language);
  const l = language;
  const level = result.tier ? policy.tiers?.levels.find((x) => x.id === result.tier) : undefined;
  const lines: string[] = [];
  lines.push(
    t(l, 'explain.heading', {
      customer: result.customer,
      tier: level
        ? t(l, 'explain.tierWithId', { label: s.label(level.label, level.id), id: level.id })
        : t(l, 'explain.noTier'),
      score: result.breakdown
        ? t(l, 'explain.score', {
            score: formatPoints(result.breakdown.total),
            raw: formatPoints(result.breakdown.raw),
          })
        : undefined,
    }),
  );
  for (const dimension of result.breakdown?.dimensions ?? []) {
    const dim = policy.dimensions?.[dimension.dimension];
    const name = s.label(dim?.label, dimension.dimension);
    if (dimension.excluded) {
      lines.push(`  ${t(l, 'explain.dimensionExcluded', { name })}`);
      continue;
    }
    lines.push(
      `  ${t(l, 'explain.dimension', {
        name,
        share: formatPoints(dimension.share * 100),
        points: formatPoints(dimension.points ?? 0),
        contribution: formatPoints(dimension.contribution),
      })}`,
    );
    for (const metric of result.breakdown!.metrics.filter((m) => m.dimension === dimension.dimension)) {
      const how =
        metric.status === 'excluded'
          ? t(l, 'explain.metricExcluded')
          : metric.status === 'missing-points'
            ? t(l, 'explain.metricMissingPoints', { points: formatPoints(metric.points!) })
            : t(l, 'explain.metricPoints', { points: formatPoints(metric.points ?? 0) });
      const counted = metric.status !== 'excluded';
      lines.push(
        `    ${t(l, 'explain.metric', {
          name: s.metric(dimension.dimension, metric.metric, metric.fact),
          value: s.value(metric.fact, metric.value),
          how,
          share: counted ? formatPoints(metric.share * 100) : undefined,
          contribution: counted ? formatPoints(metric.contribution) : undefined,
        })}`,
      );
    }
  }
  lines.push(`  ${t(l, 'explain.decidedBy', { why: decidedBy(s, result) })}`);
  const up = moveUp(policy, result);
  if (up) lines.push(`  ${t(l, 'explain.moveUp', { how: moveUpText(s, up) })}`);
  for (const [id, classes] of Object.entries(result.classes)) {
    const classifier = policy.classifiers?.[id];
    if (classes.length === 0) continue;
    const classLabel = (c: string) =>
      s.label(
        classifier?.rules.find((r) => r.id === c)?.label ??
          (classifier?.otherwise?.id === c ? classifier.otherwise.label : undefined),
        c,
      );
    lines.push(
      `  ${t(l, 'explain.classes', { classifier: s.label(classifier?.label, id), classes: classes.map(classLabel) })}`,
    );
  }
  if (result.triggers.length > 0) lines.push(`  ${triggersText(s, result)}`);
  for (const d of result.diagnostics) lines.push(`  ${findingText(d, l)}`);
  return lines;
}

function decidedBy(s: Speaker, result: CustomerResult): string {
  const l = s.language;
  const d = result.decision;
  switch (d.method) {
    case 'thresholds': {
      const range = fromBounds(d.range);
      const open = range.lo === -Infinity && range.hi === Infinity;
      const score = formatPoints(d.score);
      return open
        ? t(l, 'explain.thresholdsOpen', { score, tier: s.level(d.level) })
        : t(l, 'explain.thresholds', {
            score,
            range: render(l, intervalText(range)),
            tier: s.level(d.level),
          });
    }
    case 'quota': {
      const rankBy = s.policy.tiers?.quota?.rankBy ?? 'score';
      const byScore = rankBy === 'score';
      return t(l, 'explain.quota', {
        rank: d.rank,
        of: d.of,
        by: byScore ? t(l, 'explain.theScore') : s.fact(rankBy),
        value: byScore ? formatPoints(d.rankValue) : s.value(rankBy, d.rankValue),
        tier: s.level(d.level),
        endsAt: d.levelEndsAt,
        tied: d.tiedUp === true,
      });
    }
    case 'criteria':
      return d.otherwise
        ? t(l, 'explain.criteriaOtherwise', { tier: s.level(d.level) })
        : t(l, 'explain.criteriaRule', { tier: s.level(d.level), trace: traceText(s, d.trace!) });
    case 'matrix': {
      const matrix = s.policy.tiers!.matrix!;
      const axisValue = (axis: typeof matrix.rows, value: number) =>
        axis.fact !== undefined ? s.value(axis.fact, value) : formatPoints(value);
      return t(l, 'explain.matrix', {
        row: s.label(asLabel(bandName(matrix.rows, d.row)), d.row),
        rowValue: axisValue(matrix.rows, d.rowValue),
        column: s.label(asLabel(bandName(matrix.columns, d.column)), d.column),
        columnValue: axisValue(matrix.columns, d.columnValue),
        tier: s.level(d.level),
      });
    }
    case 'sql':
      return t(l, 'explain.decidedInSql', { tier: s.level(d.level) });
    default:
      return render(l, d.reason);
  }
}

function asLabel(name: Localized | string): Localized | undefined {
  return typeof name === 'string' ? undefined : name;
}

/** A condition as it came out for the customer: each comparison with the fact's value and yes or no. */
function traceText(s: Speaker, trace: ConditionTrace): string {
  const l = s.language;
  switch (trace.kind) {
    case 'fact':
      return t(l, 'explain.traced', {
        comparison: t(l, 'explain.comparison', {
          fact: s.fact(trace.fact),
          operator: s.operator(trace.operator),
          value: s.literal(trace.fact, trace.value),
        }),
        current: s.value(trace.fact, trace.factValue),
        result: trace.result,
      });
    case 'not':
      return t(l, 'explain.not', { trace: traceText(s, trace.child) });
    default:
      // A group inside a group keeps its brackets: "a and b or c" would read either way.
      return t(l, trace.kind === 'all' ? 'explain.all' : 'explain.any', {
        parts: trace.children.map((c) =>
          c.kind !== 'fact' && c.kind !== 'not' && c.children.length > 1 && trace.children.length > 1
            ? t(l, 'explain.group', { trace: traceText(s, c) })
            : traceText(s, c),
        ),
      });
  }
}

function moveUpText(s: Speaker, up: MoveUp): string {
  const l = s.language;
  const tier = s.tier(up.tier);
  if (up.failed) {
    return t(l, 'explain.moveUpNeeds', {
      tier,
      conditions: up.failed.map((f) =>
        t(l, 'explain.moveUpNow', {
          comparison: t(l, 'explain.comparison', {
            fact: s.fact(f.fact),
            operator: s.operator(f.operator),
            value: s.literal(f.fact, f.value),
          }),
          current: s.value(f.fact, f.factValue),
        }),
      ),
    });
  }
  if (up.pointsNeeded === undefined) return t(l, 'explain.moveUpTier', { tier });
  const symbol = { atLeast: '≥', above: '>', atMost: '≤', below: '<', equal: '=' } as const;
  return t(l, 'explain.moveUpPoints', {
    points: formatPoints(up.pointsNeeded),
    tier,
    ways: up.options.map((o) =>
      t(l, 'explain.comparison', {
        fact: s.metric(undefined, o.metric, o.fact),
        operator: symbol[o.operator],
        value: s.value(o.fact, o.target),
      }),
    ),
  });
}

/** The triggers that fired, by their labels, each with what it asks for. */
function triggersText(s: Speaker, result: CustomerResult): string {
  const l = s.language;
  const triggers = s.policy.rerating?.triggers ?? [];
  const items = result.triggers.map((id) => {
    const trigger = triggers.find((x) => x.id === id);
    const then = trigger?.then ?? {};
    const effects = [
      ...(then.flag !== undefined ? [t(l, 'explain.flagged')] : []),
      ...(then.rerate ? [t(l, 'explain.rerateNow')] : []),
      ...(then.notify?.length
        ? [t(l, 'explain.notify', { roles: then.notify.map((r) => roleName(s, r)) })]
        : []),
    ];
    return t(l, 'explain.trigger', { trigger: s.label(trigger?.label, id), effects });
  });
  return t(l, 'explain.triggers', { items });
}

/** A role by the label a tier's team gives it, else its id. */
function roleName(s: Speaker, role: string): string {
  for (const level of s.policy.tiers?.levels ?? []) {
    const member = level.entitlements?.team?.find((m) => m.role === role);
    if (member?.label) return s.label(member.label, role);
  }
  return role;
}

function findingText(d: Diagnostic, language: Language): string {
  return t(language, 'explain.finding', {
    severity: t(language, `diagnostics.${d.severity}`),
    code: d.code,
    message: d.i18n?.message ? render(language, d.i18n.message) : d.message,
  });
}
