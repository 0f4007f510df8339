import fc from 'fast-check';
import type { CustomerInput } from '../../src/engine/evaluate.js';
import type { Condition, Operator } from '../../src/policy/schema/condition.js';
import type { Policy } from '../../src/policy/schema/policy.js';
import type { Band, Dimension, ScoringFunction } from '../../src/policy/schema/scoring.js';
import type { Level, Tiers } from '../../src/policy/schema/tiers.js';

/**
 * Random policies and customers for the equivalence proof. Values are drawn from one small pool
 * that thresholds, band edges and condition constants also use, so customers sit on and right
 * next to every boundary — where an off-by-one between the two paths would show.
 */
export const POOL = [
  0, 0.1, 1, 2, 7, 9.5, 10, 10.5, 12.345, 33.3, 49, 50, 50.5, 66.7, 69.5, 70, 89.5, 90, 100, 250, 999.9, 1000,
];
const pick = fc.constantFrom(...POOL);
const ENUM = ['a', 'b', 'c'] as const;

const range = fc.record({ atLeast: pick, above: pick, below: pick, atMost: pick }, { requiredKeys: [] });
const band: fc.Arbitrary<Band> = fc
  .tuple(range, fc.integer({ min: 0, max: 100 }))
  .map(([r, points]) => ({ ...r, points }));

const numericFn: fc.Arbitrary<ScoringFunction> = fc.oneof(
  fc
    .tuple(pick, pick)
    .filter(([a, b]) => a !== b)
    .map(([from, to]) => ({ linear: { from, to } })),
  fc
    .tuple(pick, pick)
    .filter(([a, b]) => a < b)
    .map(([best, worst]) => ({ lowerIsBetter: { best, worst } })),
  fc.array(band, { minLength: 1, maxLength: 4 }).map((bands) => ({ bands })),
);
const categoryFn: fc.Arbitrary<ScoringFunction> = fc
  .dictionary(fc.constantFrom(...ENUM), fc.integer({ min: 0, max: 100 }), { minKeys: 1 })
  .map((categories) => ({ categories }));
const missing = fc.option(
  fc.oneof(
    fc.constant('error' as const),
    fc.constant('exclude' as const),
    fc.integer({ min: 0, max: 100 }).map((points) => ({ points })),
  ),
  { nil: undefined },
);

const metric = fc.oneof(
  fc.record({
    fact: fc.constantFrom('n1', 'n2', 'dv', 'recency'),
    weight: fc.integer({ min: 1, max: 100 }),
    score: numericFn,
    missing,
  }),
  fc.record({ fact: fc.constant('e'), weight: fc.integer({ min: 1, max: 100 }), score: categoryFn, missing }),
);
const dimensions: fc.Arbitrary<Record<string, Dimension>> = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 100 }), fc.array(metric, { minLength: 1, maxLength: 3 })), {
    minLength: 1,
    maxLength: 3,
  })
  .map((dims) =>
    Object.fromEntries(
      dims.map(([weight, metrics], i) => [
        `d${i}`,
        { weight, metrics: Object.fromEntries(metrics.map((m, j) => [`m${j}`, m])) },
      ]),
    ),
  );

/**
 * Expressions of derived facts as a policy writes them, over the numeric facts and the date fact:
 * every operator and function, with operands from the pool (zeros for division by zero, missing
 * values through the customers' missing facts).
 */
const numberExpr: fc.Arbitrary<string> = fc.letrec<{ n: string }>((tie) => ({
  n: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    fc.constantFrom('n1', 'n2', '0', '2', '0.5', '-1', '1e308'),
    fc
      .tuple(tie('n'), fc.constantFrom('+', '-', '*', '/', '%'), tie('n'))
      .map(([a, op, b]) => `(${a} ${op} ${b})`),
    tie('n').map((a) => `-${a}`),
    fc
      .tuple(fc.constantFrom('min', 'max', 'coalesce'), tie('n'), tie('n'))
      .map(([f, a, b]) => `${f}(${a}, ${b})`),
    fc.tuple(fc.constantFrom('abs', 'floor', 'ceil', 'round'), tie('n')).map(([f, a]) => `${f}(${a})`),
    tie('n').map((a) => `round(${a}, 1)`),
    fc
      .tuple(tie('n'), fc.constantFrom('<', '<=', '>', '>=', '==', '!='), tie('n'), tie('n'), tie('n'))
      .map(([a, op, b, x, y]) => `if(${a} ${op} ${b}, ${x}, ${y})`),
    fc.constantFrom(
      'daysSince(since)',
      'weeksSince(since)',
      'monthsSince(since)',
      "daysBetween(since, date('2024-01-01'))",
      "monthsBetween(date('2023-01-31'), since)",
    ),
  ),
})).n;
const booleanExpr: fc.Arbitrary<string> = fc
  .tuple(
    numberExpr,
    fc.constantFrom('<', '>=', '==', '!='),
    numberExpr,
    fc.constantFrom('&&', '||'),
    fc.constantFrom('flag', '!flag', "e == 'a'"),
  )
  .map(([a, op, b, join, c]) => `(${a} ${op} ${b}) ${join} ${c}`);

const NUMERIC_OPS: Operator[] = [
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'equal',
  'notEqual',
];
const leaf: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({
    fact: fc.constantFrom('n1', 'n2', 'score'),
    operator: fc.constantFrom(...NUMERIC_OPS),
    value: pick,
  }),
  fc.record({
    fact: fc.constant('e'),
    operator: fc.constantFrom<Operator>('equal', 'notEqual'),
    value: fc.constantFrom(...ENUM),
  }),
  fc.record({
    fact: fc.constant('e'),
    operator: fc.constantFrom<Operator>('in', 'notIn'),
    value: fc.subarray([...ENUM]),
  }),
  fc.record({
    fact: fc.constant('flag'),
    operator: fc.constantFrom<Operator>('equal', 'notEqual'),
    value: fc.boolean(),
  }),
  fc.record({
    fact: fc.constant('n1'),
    operator: fc.constantFrom<Operator>('greaterThan', 'equal'),
    value: fc.constant({ fact: 'n2' }),
  }),
  fc.record({
    fact: fc.constantFrom('dv', 'recency'),
    operator: fc.constantFrom(...NUMERIC_OPS),
    value: pick,
  }),
  fc.record({
    fact: fc.constant('db'),
    operator: fc.constantFrom<Operator>('equal', 'notEqual'),
    value: fc.boolean(),
  }),
  fc.record({
    fact: fc.constant('since'),
    operator: fc.constantFrom<Operator>('before', 'onOrBefore', 'after', 'onOrAfter'),
    value: fc.constantFrom<unknown>(
      { ago: 'P30D' },
      { ago: 'P1M' },
      '2024-01-01',
      '2024-02-29T12:00:00+08:00',
    ),
  }),
);
/** Conditions; `withReferences` lets them use the named condition (never inside it: cycles are lint errors). */
const conditionTree = (withReferences: boolean): fc.Arbitrary<Condition> =>
  fc.letrec<{ node: Condition }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true, maxDepth: 3 },
      leaf,
      fc.array(tie('node'), { maxLength: 3 }).map((all) => ({ all })),
      fc.array(tie('node'), { maxLength: 3 }).map((any) => ({ any })),
      tie('node').map((not) => ({ not })),
      ...(withReferences ? [fc.constant({ condition: 'named' })] : []),
    ),
  })).node;
export const condition = conditionTree(true);
const namedCondition = conditionTree(false);

const level = (i: number): fc.Arbitrary<Level> =>
  fc.record(
    {
      id: fc.constant(`t${i}`),
      minScore: pick,
      share: fc.constantFrom('10%', '20%', '25%', '50%'),
      when: condition,
      entitlements: fc.record({ discountQuota: fc.constantFrom('10%', '5%', '0%') }),
    },
    { requiredKeys: ['id'] },
  );

const tiers: fc.Arbitrary<Tiers> = fc.integer({ min: 1, max: 4 }).chain((n) =>
  fc
    .tuple(
      fc.constantFrom<Tiers['method']>('thresholds', 'quota', 'criteria', 'matrix'),
      fc.tuple(...Array.from({ length: n }, (_, i) => level(i))),
      fc.boolean(),
      fc.constantFrom<'split' | 'together'>('split', 'together'),
      fc.constantFrom<'nearest' | 'floor' | 'ceil'>('nearest', 'floor', 'ceil'),
      fc.array(
        fc.tuple(fc.constantFrom('low', 'high'), range).map(([id, r]) => ({ id, ...r })),
        { minLength: 1, maxLength: 3 },
      ),
      fc.constantFrom('n1', 'n2', 'score'),
    )
    .map(([method, levels, lastOtherwise, ties, rounding, bands, axisSource]) => {
      const out: Tiers = { method, levels: levels.map((l) => ({ ...l })) };
      if (method === 'criteria' && lastOtherwise)
        out.levels[out.levels.length - 1] = { id: `t${n - 1}`, otherwise: true };
      if (method === 'quota') out.quota = { ties, rounding, tieBreak: [{ fact: 'n2', order: 'desc' }] };
      if (method === 'matrix') {
        const axisOf = (source: string) =>
          source === 'score' ? { score: true, bands } : { fact: source, bands };
        out.matrix = {
          rows: axisOf(axisSource),
          columns: { fact: 'n1', bands: [{ id: 'low', below: 50 }, { id: 'high' }] },
          cells: { low: { low: 't0', high: `t${n - 1}` }, high: { high: 't0' } },
        };
      }
      return out;
    }),
);

export const policy: fc.Arbitrary<Policy> = fc
  .record({
    dv: numberExpr,
    db: booleanExpr,
    dimensions: fc.option(dimensions, { nil: undefined }),
    tiers,
    named: namedCondition,
    classifier: fc.array(fc.tuple(fc.constantFrom('x', 'y', 'z'), condition), { minLength: 1, maxLength: 3 }),
    pickAll: fc.boolean(),
    trigger: condition,
    round: fc.constantFrom<'half-up' | 'half-even' | 'floor' | 'ceil' | 'none'>(
      'half-up',
      'half-even',
      'floor',
      'ceil',
      'none',
    ),
    digits: fc.integer({ min: 0, max: 1 }),
  })
  .map(({ dv, db, dimensions, tiers, named, classifier, pickAll, trigger, round, digits }) => {
    const scored = tiers.method === 'thresholds' || tiers.method === 'quota';
    return {
      apiVersion: 'tierwise/v1',
      kind: 'TierPolicy',
      metadata: { name: 'generated', version: '1.0.0' },
      facts: {
        id: { type: 'string', key: true },
        n1: { type: 'number' },
        n2: { type: 'integer', default: 2 },
        e: { type: 'enum', values: [...ENUM] },
        flag: { type: 'boolean' },
        since: { type: 'date' },
        dv: { type: 'number', expr: dv },
        db: { type: 'boolean', expr: db, default: false },
        recency: { type: 'integer', unit: 'days', expr: 'daysSince(since)' },
      },
      conditions: { named },
      dimensions:
        dimensions ??
        (scored
          ? {
              d0: {
                weight: 100,
                metrics: { m0: { fact: 'n1', weight: 100, score: { linear: { from: 0, to: 100 } } } },
              },
            }
          : undefined),
      score: { round, digits },
      tiers,
      classifiers: {
        tags: {
          pick: pickAll ? 'all' : 'first',
          rules: classifier.map(([id, when]) => ({ id, when })),
          otherwise: { id: 'none' },
        },
      },
      rerating: {
        triggers: [
          {
            id: 'trigger',
            when: trigger,
            // biome-ignore lint/suspicious/noThenProperty: the policy language's `when … then …`; data, never a thenable.
            then: { flag: 'churn-warning', rerate: true, notify: ['account-manager'] },
          },
        ],
      },
    } as Policy;
  });

const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 4 });
export const customers: fc.Arbitrary<CustomerInput[]> = fc
  .array(
    fc.record({
      n1: maybe(pick),
      n2: maybe(fc.constantFrom(0, 1, 2, 10, 50, 90, 100)),
      e: maybe(fc.constantFrom(...ENUM, 'd')),
      flag: maybe(fc.boolean()),
      since: maybe(
        fc.constantFrom(
          '2024-01-01',
          '2023-12-31',
          '2024-02-01T00:00:00+08:00',
          '2024-01-31T16:00:00Z',
          '2024-02-29 12:00:00',
          '2024-03-01T23:59:59+08:00',
          'not a date',
        ),
      ),
    }),
    {
      minLength: 1,
      maxLength: 12,
    },
  )
  .map((rows) => rows.map((facts, i) => ({ id: `C${String(i).padStart(3, '0')}`, facts, row: i + 2 })));
