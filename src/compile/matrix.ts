import type { Decision } from '../engine/decision.js';
import { planScorecard, scoreCustomer } from '../engine/scoring/scorecard.js';
import { cellDecision, type Placement } from '../engine/tiers/matrix.js';
import { contains, fromBounds, type Interval } from '../policy/analysis/interval.js';
import { numericBounds } from '../policy/date-value.js';
import type { Policy } from '../policy/schema/policy.js';
import type { Facts } from './conditions.js';

/** Value × activity tiers: both axes' bands and the cell lookup built once. */
export function compileMatrix(policy: Policy): (facts: Facts, score: number | undefined) => Decision {
  const tiers = policy.tiers!;
  const matrix = tiers.matrix!;
  const plan = planScorecard(policy);
  const axis = (a: typeof matrix.rows) => {
    const bands = a.bands.map((b) => ({ id: b.id, interval: fromBounds(numericBounds(b)) as Interval }));
    const read = (facts: Facts, score: number | undefined): unknown => {
      if (a.fact !== undefined) return facts[a.fact];
      if (a.dimension !== undefined) {
        // A dimension's own points come from the shared scorecard code, as in the reference.
        return plan
          ? scoreCustomer(plan, facts, '').breakdown?.dimensions.find((d) => d.dimension === a.dimension)
              ?.points
          : undefined;
      }
      return score;
    };
    return { bands, read };
  };
  const rows = axis(matrix.rows);
  const columns = axis(matrix.columns);
  const levelOf = new Map(tiers.levels.map((l, i) => [l.id, i]));
  const lookup = (tier: string | undefined) => (tier === undefined ? undefined : levelOf.get(tier));
  const place = (a: ReturnType<typeof axis>, facts: Facts, score: number | undefined): Placement => {
    const value = a.read(facts, score);
    if (typeof value !== 'number') return { why: 'noValue' };
    for (const band of a.bands) if (contains(band.interval, value)) return { band: band.id, value };
    return { why: 'noBand', value };
  };
  return (facts, score) => {
    const row = place(rows, facts, score);
    const column = place(columns, facts, score);
    return cellDecision(matrix, lookup, row, column, policy);
  };
}

/** The same, as a level index (-1 for none), for the batch path. */
export function compileMatrixDecision(policy: Policy): (facts: Facts, score: number | undefined) => number {
  const decide = compileMatrix(policy);
  return (facts, score) => {
    const decision = decide(facts, score);
    return decision.method === 'matrix' ? decision.level : -1;
  };
}
