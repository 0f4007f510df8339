import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../../src/compile/policy.js';
import { type CustomerResult, ReferenceEvaluator } from '../../src/engine/evaluate.js';
import { type AsOf, parseAsOf } from '../../src/facts/asof.js';
import { propertyRuns } from '../helpers/runs.js';
import { customers, policy } from './arbitraries.js';

const RUNS = propertyRuns(400, 5_000);
/** The as-of derived facts and `{ ago }` dates measure from: a date, a date-time, across a month end. */
const asOf = fc
  .constantFrom('2024-03-01', '2024-02-29T12:00:00+08:00', '2024-03-31')
  .map((text) => parseAsOf(text, { timezone: 'Asia/Shanghai' }) as AsOf);
const SEED = Number(process.env.TIERWISE_EQUIVALENCE_SEED ?? 424242);

/** What both paths must agree on, field by field; a score must match bit for bit. */
function essentials(r: CustomerResult, explain: boolean) {
  const d = r.decision;
  const deciding =
    d.method === 'none'
      ? { method: 'none' }
      : d.method === 'criteria'
        ? {
            method: d.method,
            level: d.level,
            otherwise: d.otherwise,
            ...(explain ? { trace: d.trace, rejected: d.rejected } : {}),
          }
        : d;
  return {
    customer: r.customer,
    tier: r.tier,
    score: r.score === undefined ? undefined : Object.is(r.score, -0) ? '-0' : r.score,
    decision: deciding,
    classes: r.classes,
    flags: r.flags,
    rerate: r.rerate,
    notify: r.notify,
    triggers: r.triggers,
    entitlements: r.entitlements,
    sla: r.sla,
    diagnostics: r.diagnostics.map((x) => [x.code, x.message, x.row]),
    ...(explain ? { breakdown: r.breakdown } : {}),
  };
}

describe('the compiled path gives the reference results', () => {
  it('for random policies of every method and customers on their boundaries', async () => {
    await fc.assert(
      fc.asyncProperty(policy, customers, fc.boolean(), asOf, async (p, people, explain, at) => {
        const reference = await new ReferenceEvaluator(p).evaluate(people, { asOf: at });
        const compiled = compilePolicy(p).evaluate(people, { explain, asOf: at });
        expect(compiled.map((r) => essentials(r, explain))).toEqual(
          reference.map((r) => essentials(r, explain)),
        );
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
