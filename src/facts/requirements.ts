import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { msg, type Text } from '../i18n/text.js';
import type { Policy } from '../policy/schema/policy.js';

/** Why a fact cannot be missing: what a customer without it loses. */
export type Requirement =
  | { kind: 'key' }
  | { kind: 'required' }
  | { kind: 'metric'; metric: string }
  | { kind: 'axis'; axis: 'rows' | 'columns' }
  | { kind: 'rank' };

/**
 * The facts without which no customer can get a tier: the key, facts marked `required`, facts a
 * metric scores with no missing-value rule (when the tiers need the score), the facts a matrix
 * is drawn over and the fact a quota ranks by. A fact with a `default` is never missing. Facts
 * read only by conditions are not here: a condition on a missing fact is simply false.
 */
export function requiredFacts(policy: Policy): Map<string, Requirement> {
  const facts = policy.facts ?? {};
  const out = new Map<string, Requirement>();
  const need = (id: string, requirement: Requirement) => {
    const fact = facts[id];
    if (fact && fact.default === undefined && !out.has(id)) out.set(id, requirement);
  };
  for (const [id, fact] of Object.entries(facts)) {
    if (fact.key) need(id, { kind: 'key' });
    else if (fact.required) need(id, { kind: 'required' });
  }
  const tiers = policy.tiers;
  const rankBy = tiers?.method === 'quota' ? (tiers.quota?.rankBy ?? 'score') : undefined;
  if (rankBy !== undefined && rankBy !== 'score') need(rankBy, { kind: 'rank' });
  if (tiers?.method === 'matrix' && tiers.matrix) {
    for (const axis of ['rows', 'columns'] as const) {
      const fact = tiers.matrix[axis].fact;
      if (fact !== undefined) need(fact, { kind: 'axis', axis });
    }
  }
  if (scoreDecides(policy)) {
    for (const [dimensionId, dimension] of Object.entries(policy.dimensions ?? {}))
      for (const [metricId, metric] of Object.entries(dimension.metrics))
        if (metric.missing === undefined || metric.missing === 'error')
          need(metric.fact ?? metricId, { kind: 'metric', metric: `${dimensionId}.${metricId}` });
  }
  return out;
}

/** Whether a customer without a score gets no tier: thresholds, quotas by score, a matrix over it. */
function scoreDecides(policy: Policy): boolean {
  const tiers = policy.tiers;
  if (!tiers) return false;
  if (tiers.method === 'thresholds') return true;
  if (tiers.method === 'quota') return (tiers.quota?.rankBy ?? 'score') === 'score';
  if (tiers.method === 'matrix' && tiers.matrix) {
    const { rows, columns } = tiers.matrix;
    return [rows, columns].some((axis) => axis.score === true || axis.dimension !== undefined);
  }
  return false;
}

/** What a requirement means for a customer without the fact, as a reader is told. */
export function requirementText(requirement: Requirement): Text {
  switch (requirement.kind) {
    case 'key':
      return msg('supply.neededAsKey');
    case 'required':
      return msg('supply.neededAsRequired');
    case 'metric':
      return msg('supply.neededByMetric', { metric: requirement.metric });
    case 'axis':
      return msg('supply.neededByAxis', { axis: requirement.axis });
    case 'rank':
      return msg('supply.neededByRank');
  }
}

/**
 * Facts computed from transactions when no transaction log was given: each is missing for every
 * customer. An error when no customer can be tiered without it (unless `essential` is off, as
 * for a data profile, which reports rather than decides), a warning otherwise.
 */
export function missingLogDiagnostics(policy: Policy, essential = true): Diagnostic[] {
  const needed = requiredFacts(policy);
  return Object.entries(policy.facts ?? {})
    .filter(([, fact]) => fact.aggregate !== undefined && fact.column === undefined)
    .map(([id]) => {
      const requirement = essential ? needed.get(id) : undefined;
      const where = { pointer: `/facts/${id}`, help: msg('supply.noLogHelp') };
      return requirement
        ? diagnostic(
            'TW0602',
            msg('supply.noLogNeeded', { fact: id, why: requirementText(requirement) }),
            where,
          )
        : diagnostic('TW0602', msg('supply.noLog', { fact: id }), { ...where, severity: 'warning' });
    });
}
