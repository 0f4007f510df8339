import type { CustomerInput } from '../../../src/engine/evaluate.js';
import type { ScorecardPlan } from '../../../src/engine/scoring/scorecard.js';
import type { Policy } from '../../../src/policy/schema/policy.js';
import { type Measurement, measure, perItem, skipped } from '../../harness.js';
import { assertSameTiers } from '../same-tiers.js';
import { scorecardExpression } from './expression.js';
import { scorecardGraph } from './graph.js';
import { loadZen, ZEN_PACKAGE, type ZenDecision } from './module.js';

/** Evaluations kept in flight at once in the concurrent mode: enough to keep zen's threads busy. */
const IN_FLIGHT = 256;

export interface ZenCase {
  policy: Policy;
  plan: ScorecardPlan;
  /** The customers zen evaluates (a subset: zen is timed per customer). */
  customers: readonly CustomerInput[];
  /** tierwise's tier id for each of them. */
  expected: readonly (string | null)[];
  timing: { runs: number; warmup: number };
}

/**
 * GoRules zen-engine on the same scorecard, in each way its Node binding can be driven: one
 * awaited evaluate at a time, many in flight, and the synchronous expression evaluator. Each
 * mode's tiers are checked equal to tierwise's before it is timed.
 */
export async function zenRows(c: ZenCase): Promise<Measurement[]> {
  const zen = await loadZen();
  if (typeof zen === 'string') return [skipped('peers', 'zen-engine', 'customers', `skipped: ${zen}`)];
  const engine = new zen.ZenEngine();
  try {
    const decision = engine.createDecision(scorecardGraph(c.policy, c.plan));
    const ids = c.customers.map((customer) => customer.id);
    const version = `zen ${ZEN_PACKAGE.split('@').pop()}`;
    assertSameTiers(
      'zen-engine (graph)',
      ids,
      c.expected,
      await evaluateAll(decision, c.customers, IN_FLIGHT),
    );
    const expression = scorecardExpression(c.policy, c.plan);
    const sync = () => c.customers.map((customer) => zen.evaluateExpressionSync(expression, customer.facts));
    assertSameTiers('zen-engine (expression)', ids, c.expected, sync());
    const row = async (name: string, run: () => unknown, note: string) =>
      perItem(
        await measure('peers', name, 'customers', run, { ...c.timing, note: `${version}; ${note}` }),
        c.customers.length,
      );
    return [
      await row(
        'zen-engine: await each evaluate',
        () => evaluateAll(decision, c.customers, 1),
        'JDM graph, 1 in flight',
      ),
      await row(
        `zen-engine: ${IN_FLIGHT} evaluates in flight`,
        () => evaluateAll(decision, c.customers, IN_FLIGHT),
        'JDM graph',
      ),
      await row('zen-engine: evaluateExpressionSync', sync, `one ${expression.length}-char expression`),
    ];
  } finally {
    engine.dispose();
  }
}

/** Every customer through the graph with at most `width` evaluations pending; tiers in input order. */
async function evaluateAll(
  decision: ZenDecision,
  customers: readonly CustomerInput[],
  width: number,
): Promise<unknown[]> {
  const tiers: unknown[] = new Array(customers.length);
  let next = 0;
  const lane = async () => {
    while (next < customers.length) {
      const i = next++;
      const response = await decision.evaluate(customers[i]!.facts);
      tiers[i] = (response.result as { tier?: unknown } | null)?.tier;
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, customers.length) }, lane));
  return tiers;
}
