import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Columns, compileBatch } from '../../src/compile/batch.js';
import { compilePolicy } from '../../src/compile/policy.js';
import type { CustomerInput } from '../../src/engine/evaluate.js';
import { type AsOf, parseAsOf } from '../../src/facts/asof.js';
import { propertyRuns } from '../helpers/runs.js';
import { customers, policy } from './arbitraries.js';

const RUNS = propertyRuns(400, 5_000);

const AS_OF = parseAsOf('2024-03-01', { timezone: 'Asia/Shanghai' }) as AsOf;

/** Numbers as a Float64Array with NaN for missing, the way a simulation holds them. */
function columnsOf(people: readonly CustomerInput[]): Columns {
  const numbers = (id: string) =>
    Float64Array.from(people, (c) =>
      typeof c.facts[id] === 'number' ? (c.facts[id] as number) : Number.NaN,
    );
  return {
    length: people.length,
    keys: people.map((c) => c.id),
    facts: {
      n1: numbers('n1'),
      n2: numbers('n2'),
      e: people.map((c) => c.facts.e),
      flag: people.map((c) => c.facts.flag),
      // Dates as the data layer gives them (text); derived facts are computed by the batch itself.
      since: people.map((c) => c.facts.since),
    },
  };
}

describe('the batch form over columns', () => {
  it('gives the tiers and scores of the per-customer compiled path', () => {
    fc.assert(
      fc.property(policy, customers, (p, people) => {
        const objects = compilePolicy(p).evaluate(people, { asOf: AS_OF });
        const batch = compileBatch(p, { asOf: AS_OF }).run(columnsOf(people));
        const levels = p.tiers!.levels.map((l) => l.id);
        expect(Array.from(batch.tier, (k) => (k < 0 ? undefined : levels[k]))).toEqual(
          objects.map((r) => r.tier),
        );
        expect(Array.from(batch.score, (s) => (Number.isNaN(s) ? undefined : s))).toEqual(
          objects.map((r) => r.score),
        );
      }),
      { seed: 99, numRuns: RUNS },
    );
  });
});
