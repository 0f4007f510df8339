import type { AsOf } from '../facts/asof.js';
import { deriveContext, factPlan, isIdentity } from '../facts/derive.js';
import type { Policy } from '../policy/schema/policy.js';
import type { Columns } from './batch.js';
import { compileFacts } from './derive.js';

/**
 * A population's columns with date facts as instants and derived facts computed, as the compiled
 * evaluation prepares one customer's facts (src/compile/derive.ts, the same generated function),
 * so that batch scores and tiers equal compilePolicy().evaluate(). Undefined when the policy has
 * nothing to prepare: the columns are used as they are.
 */
/** The prepared columns keep every other property of the columns given (a simulation's rows). */
export function columnPreparer(policy: Policy, asOf?: AsOf): ((columns: Columns) => Columns) | undefined {
  const plan = factPlan(policy);
  if (isIdentity(plan)) return undefined;
  const prepare = compileFacts(plan, deriveContext(plan, asOf));
  const facts = policy.facts ?? {};
  const ids = Object.keys(facts);
  const defaults = ids.map((id) => facts[id]!.default);
  const changed = [...plan.dates, ...plan.derived.map((d) => d.id)];
  const numeric = changed.map((id) => ['number', 'integer', 'date'].includes(facts[id]!.type));
  return (columns) => {
    const n = columns.length;
    const sources = ids.map((id) => columns.facts[id]);
    const out: Record<string, ArrayLike<unknown>> = { ...columns.facts };
    const targets = changed.map((_, c) =>
      numeric[c] ? new Float64Array(n).fill(Number.NaN) : new Array<unknown>(n).fill(undefined),
    );
    const row: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) {
      for (let f = 0; f < ids.length; f++) {
        let value = sources[f]?.[i];
        if (typeof value === 'number' && Number.isNaN(value)) value = undefined;
        row[ids[f]!] = value === undefined || value === null ? defaults[f] : value;
      }
      const prepared = prepare(row);
      for (let c = 0; c < changed.length; c++) {
        const value = prepared[changed[c]!];
        if (numeric[c]) {
          if (typeof value === 'number') (targets[c] as Float64Array)[i] = value;
        } else (targets[c] as unknown[])[i] = value;
      }
    }
    changed.forEach((id, c) => {
      out[id] = targets[c]!;
    });
    return { ...columns, facts: out };
  };
}
