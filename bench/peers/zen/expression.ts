import type { ScorecardPlan } from '../../../src/engine/scoring/scorecard.js';
import type { Policy } from '../../../src/policy/schema/policy.js';
import { metricPoints, pointsOf, scoreSteps } from './text.js';

/**
 * Seed 004's scorecard as one ZEN expression for evaluateExpressionSync: fact defaults, every
 * metric's points, then the steps of the score, as assignments; its value is the tier id.
 */
export function scorecardExpression(policy: Policy, plan: ScorecardPlan): string {
  const metrics = plan.dimensions.flatMap((d) => d.metrics);
  const statements: string[] = [];
  for (const metric of metrics) {
    const fallback = policy.facts?.[metric.fact]?.default;
    const fact = typeof fallback === 'number' ? `(${metric.fact} ?? ${fallback})` : metric.fact;
    statements.push(`${pointsOf(metric.id)} = ${metricPoints(metric.fn, fact)}`);
  }
  const steps = scoreSteps(policy, plan, (name) => name);
  const tier = steps.pop()!;
  for (const [name, value] of steps) statements.push(`${name} = ${value}`);
  return `${statements.join('; ')}; ${tier[1]}`;
}
