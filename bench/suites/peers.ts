import { compileBatch } from '../../src/compile/batch.js';
import { compilePolicy } from '../../src/compile/policy.js';
import { ReferenceEvaluator } from '../../src/engine/evaluate.js';
import { planScorecard } from '../../src/engine/scoring/scorecard.js';
import { bundledPolicy } from '../data/policy.js';
import { seed004Population } from '../data/population.js';
import { type Measurement, measure, perItem } from '../harness.js';
import { type BenchOptions, runsFor } from '../options.js';
import { compareWithCompiled } from '../peers/compare.js';
import { handWrittenColumns, handWrittenObjects } from '../peers/hand-written.js';
import { assertSameTiers } from '../peers/same-tiers.js';
import { zenRows } from '../peers/zen/rows.js';

/** Customers the per-customer peers (json-rules-engine, zen-engine) evaluate: seconds, not minutes. */
const SUBSET = { full: 20_000, quick: 2_000 };

/**
 * Issue 5: seed 004's scorecard on a generated population, evaluated by the reference path, the
 * compiled path in both forms, zen-engine and a hand-written function. Every peer's tiers are
 * checked equal to compileBatch's before it is timed. All rows share one process, so peak RSS and
 * heap include the population itself (about 700 MiB for a million customers as objects and columns).
 */
export async function peersSuite(options: BenchOptions): Promise<Measurement[]> {
  const policy = await bundledPolicy('seed004-scorecard');
  const plan = planScorecard(policy)!;
  const population = seed004Population(policy, options.customers);
  const { customers, columns } = population;
  const count = customers.length;
  const subset = customers.slice(0, Math.min(count, options.quick ? SUBSET.quick : SUBSET.full));
  const levels = policy.tiers!.levels;
  const batch = compileBatch(policy);
  const compiled = compilePolicy(policy);
  const expected = Array.from(batch.run(columns).tier, (t) => levels[t]?.id ?? null);
  const ids = columns.keys;

  const reference = new ReferenceEvaluator(policy);
  const referenceTiers = (await reference.evaluate(subset)).map((r) => r.tier);
  assertSameTiers('json-rules-engine reference', ids, expected.slice(0, subset.length), referenceTiers);
  const referenceRow = perItem(
    await measure(
      'peers',
      'json-rules-engine reference (ReferenceEvaluator)',
      'customers',
      () => reference.evaluate(subset),
      {
        ...runsFor(options, { runs: 3, warmup: 0 }),
        note: 'warm-up: the check run',
      },
    ),
    subset.length,
  );

  // the full population's result objects take seconds: the subset shows the two forms agree
  const evaluated = compiled.evaluate(subset).map((r) => r.tier ?? null);
  assertSameTiers('compilePolicy().evaluate', ids, expected.slice(0, subset.length), evaluated);
  const evaluateRow = perItem(
    await measure(
      'peers',
      'tierwise compilePolicy().evaluate',
      'customers',
      () => compiled.evaluate(customers),
      {
        ...runsFor(options, { runs: 3, warmup: 1 }),
        note: 'full result objects',
      },
    ),
    count,
  );
  const batchRow = perItem(
    await measure('peers', 'tierwise compileBatch().run', 'customers', () => batch.run(columns), {
      ...runsFor(options, { runs: 7, warmup: 2 }),
      note: 'Float64Array columns → Int32Array tiers',
    }),
    count,
  );

  const zen = await zenRows({
    policy,
    plan,
    customers: subset,
    expected: expected.slice(0, subset.length),
    timing: runsFor(options, { runs: 3, warmup: 1 }),
  });

  const byId = (tier: Int32Array) => Array.from(tier, (t) => levels[t]?.id ?? null);
  assertSameTiers('hand-written (columns)', ids, expected, byId(handWrittenColumns(columns).tier));
  assertSameTiers('hand-written (objects)', ids, expected, byId(handWrittenObjects(customers).tier));
  const handWritten = [
    perItem(
      await measure('peers', 'hand-written JS over columns', 'customers', () => handWrittenColumns(columns), {
        ...runsFor(options, { runs: 7, warmup: 2 }),
        note: 'bands inlined: the ceiling for compileBatch',
      }),
      count,
    ),
    perItem(
      await measure(
        'peers',
        'hand-written JS over objects',
        'customers',
        () => handWrittenObjects(customers),
        {
          ...runsFor(options, { runs: 7, warmup: 2 }),
          note: 'the same, reading the objects evaluate() takes',
        },
      ),
      count,
    ),
  ];

  return compareWithCompiled([referenceRow, evaluateRow, batchRow, ...zen, ...handWritten], {
    evaluate: evaluateRow,
    batch: batchRow,
  });
}
