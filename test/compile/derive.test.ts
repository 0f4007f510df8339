import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnPreparer } from '../../src/compile/batch-facts.js';
import { compileFacts } from '../../src/compile/derive.js';
import { defaultsApplier } from '../../src/engine/defaults.js';
import { type AsOf, isAsOf, parseAsOf } from '../../src/facts/asof.js';
import { deriveContext, factPlan, interpretFacts } from '../../src/facts/derive.js';
import type { Fact } from '../../src/policy/schema/facts.js';
import type { Policy } from '../../src/policy/schema/policy.js';
import { propertyRuns } from '../helpers/runs.js';

const RUNS = propertyRuns(200, 5_000);

/** A small catalogue of every kind an expression reads. */
const CATALOGUE: Record<string, Fact> = {
  n1: { type: 'number' },
  n2: { type: 'number', default: 0 },
  i1: { type: 'integer' },
  b1: { type: 'boolean' },
  b2: { type: 'boolean', default: false },
  s1: { type: 'string' },
  e1: { type: 'enum', values: ['gold', 'silver'] },
  d1: { type: 'date' },
  d2: { type: 'date' },
} as Record<string, Fact>;

type Kind = 'number' | 'boolean' | 'string' | 'date';
const FACTS_OF: Record<Kind, string[]> = {
  number: ['n1', 'n2', 'i1'],
  boolean: ['b1', 'b2'],
  string: ['s1', 'e1'],
  date: ['d1', 'd2'],
};

const NUMBER_LITERALS = [
  '0',
  '-0',
  '1',
  '-1',
  '2.5',
  '-2.5',
  '0.1',
  '7',
  '1e308',
  '-1e308',
  '1.005',
  '1e-320',
];

/** Well-typed expression text of a kind, nested at most `depth` deep. */
function expr(kind: Kind, depth: number): fc.Arbitrary<string> {
  const leaf = leafOf(kind);
  if (depth <= 0) return leaf;
  const n = () => expr('number', depth - 1);
  const b = () => expr('boolean', depth - 1);
  const same = () => expr(kind, depth - 1);
  const d = () => expr('date', depth - 1);
  const s = () => expr('string', depth - 1);
  const shared = [
    fc.tuple(b(), same(), same()).map(([c, x, y]) => `if(${c}, ${x}, ${y})`),
    fc.array(same(), { minLength: 2, maxLength: 3 }).map((xs) => `coalesce(${xs.join(', ')})`),
  ];
  switch (kind) {
    case 'number':
      return fc.oneof(
        { weight: 3, arbitrary: leaf },
        fc.tuple(n(), fc.constantFrom('+', '-', '*', '/', '%'), n()).map(([l, op, r]) => `(${l} ${op} ${r})`),
        n().map((x) => `-(${x})`),
        fc
          .tuple(fc.constantFrom('min', 'max'), fc.array(n(), { minLength: 1, maxLength: 3 }))
          .map(([f, xs]) => `${f}(${xs.join(', ')})`),
        fc.tuple(fc.constantFrom('abs', 'floor', 'ceil', 'round'), n()).map(([f, x]) => `${f}(${x})`),
        fc.tuple(n(), fc.integer({ min: 0, max: 10 })).map(([x, k]) => `round(${x}, ${k})`),
        fc
          .tuple(fc.constantFrom('daysSince', 'weeksSince', 'monthsSince'), d())
          .map(([f, x]) => `${f}(${x})`),
        fc
          .tuple(fc.constantFrom('daysBetween', 'weeksBetween', 'monthsBetween'), d(), d())
          .map(([f, x, y]) => `${f}(${x}, ${y})`),
        ...shared,
      );
    case 'boolean':
      return fc.oneof(
        { weight: 3, arbitrary: leaf },
        fc.tuple(b(), fc.constantFrom('&&', '||', '==', '!='), b()).map(([l, op, r]) => `(${l} ${op} ${r})`),
        b().map((x) => `!(${x})`),
        fc
          .tuple(n(), fc.constantFrom('<', '<=', '>', '>=', '==', '!='), n())
          .map(([l, op, r]) => `(${l} ${op} ${r})`),
        fc
          .tuple(d(), fc.constantFrom('<', '<=', '>', '>=', '==', '!='), d())
          .map(([l, op, r]) => `(${l} ${op} ${r})`),
        fc.tuple(s(), fc.constantFrom('==', '!='), s()).map(([l, op, r]) => `(${l} ${op} ${r})`),
        ...shared,
      );
    case 'date':
      return fc.oneof(
        { weight: 3, arbitrary: leaf },
        fc.tuple(fc.constantFrom('min', 'max'), d(), d()).map(([f, x, y]) => `${f}(${x}, ${y})`),
        ...shared,
      );
    default:
      return fc.oneof({ weight: 3, arbitrary: leaf }, ...shared);
  }
}

function leafOf(kind: Kind): fc.Arbitrary<string> {
  const facts = fc.constantFrom(...FACTS_OF[kind]);
  switch (kind) {
    case 'number':
      return fc.oneof(facts, fc.constantFrom(...NUMBER_LITERALS), fc.constantFrom('x1', 'x2'));
    case 'boolean':
      return fc.oneof(facts, fc.constantFrom('true', 'false'));
    case 'string':
      return fc.oneof(facts, fc.constantFrom("'gold'", "'silver'", "''", "'bronze'"));
    case 'date':
      return fc.oneof(
        facts,
        fc.constantFrom("date('2024-02-29')", "date('2024-03-10T03:30:00-04:00')", "date('2023-12-31')"),
      );
  }
}

/**
 * A policy's facts: the catalogue plus derived facts of each kind. x1 and x2 are numbers read by
 * the later ones, so derived facts also read derived facts.
 */
const derivedFacts = fc
  .record({
    x1: expr('number', 3),
    x2: expr('number', 2),
    xb: expr('boolean', 3),
    xs: expr('string', 2),
    xe: expr('string', 2),
    xd: expr('date', 2),
    xi: expr('number', 2),
    defaults: fc.record({
      x1: fc.constantFrom(undefined, 0, -1),
      xb: fc.constantFrom(undefined, false),
      xe: fc.constantFrom(undefined, 'silver'),
      xd: fc.constantFrom(undefined, '2020-01-01', '2024-03-10T02:30:00-05:00'),
    }),
  })
  .map(({ defaults, ...e }) => {
    // x1 reads nothing derived; x2 may read x1; the rest may read both.
    const noX = (t: string) => t.replaceAll(/\bx[12]\b/g, 'n1');
    const noX2 = (t: string) => t.replaceAll(/\bx2\b/g, 'x1');
    return {
      ...CATALOGUE,
      xi: { type: 'integer', expr: `floor(${e.xi})` },
      x2: { type: 'number', expr: noX2(e.x2) },
      x1: { type: 'number', expr: noX(e.x1), default: defaults.x1 },
      xb: { type: 'boolean', expr: e.xb, default: defaults.xb },
      xs: { type: 'string', expr: e.xs },
      xe: { type: 'enum', values: ['gold', 'silver'], expr: e.xe, default: defaults.xe },
      xd: { type: 'date', expr: e.xd, default: defaults.xd },
    } as Record<string, Fact>;
  });

const anyValue = fc.constantFrom<unknown>(
  undefined,
  null,
  0,
  -0,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  1e308,
  -1e308,
  5e-324,
  true,
  'gold',
  '2024-02-29',
);
const numberValue = fc.oneof(
  anyValue,
  fc.double(),
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(0.1, 2.5, -2.5, 1.005, 1e15 + 0.5),
);
const dateValue = fc.oneof(
  anyValue,
  fc.constantFrom(
    '2024-03-01',
    '2024-03-01T23:30:00+08:00',
    '2024-03-10T02:30',
    '2023-02-29',
    'yesterday',
    '2024-01-31',
    '1999-12-31T16:00:00Z',
    '2024-03-01T09:30+25:00',
  ),
  fc.integer({ min: 1_600_000_000_000, max: 1_800_000_000_000 }),
);
const customer = fc.record(
  {
    n1: numberValue,
    n2: numberValue,
    i1: numberValue,
    b1: fc.oneof(anyValue, fc.boolean()),
    b2: fc.oneof(anyValue, fc.boolean()),
    s1: fc.oneof(anyValue, fc.constantFrom('gold', 'silver', '', 'bronze')),
    e1: fc.oneof(anyValue, fc.constantFrom('gold', 'silver', 'bronze')),
    d1: dateValue,
    d2: dateValue,
    // A derived fact's id given in the data is replaced by its computed value.
    x1: anyValue,
  },
  { requiredKeys: [] },
);

const ZONES = ['Asia/Shanghai', 'UTC', 'America/New_York'];
const setting = fc.record({
  timezone: fc.constantFrom(...ZONES),
  asOf: fc.constantFrom('2024-03-01', '2024-03-10', '2024-02-29T12:00:00+08:00', undefined),
});

function policyOf(facts: Record<string, Fact>, timezone: string): Policy {
  return { metadata: { timezone }, facts } as unknown as Policy;
}
function asOfOf(text: string | undefined, timezone: string): AsOf | undefined {
  if (text === undefined) return undefined;
  const parsed = parseAsOf(text, { timezone });
  if (!isAsOf(parsed)) throw new Error(text);
  return parsed;
}
/** Per value, with Object.is (−0 and 0, NaN and undefined differ). */
function same(a: Record<string, unknown>, b: Record<string, unknown>): void {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  for (const k of keys) {
    if (!Object.is(a[k], b[k])) throw new Error(`fact ${k}: ${String(a[k])} ≠ ${String(b[k])}`);
  }
}

const NOW = Date.parse('2024-03-05T12:00:00Z');

describe('derived facts: generated code against the reference interpreter', () => {
  it('gives the same value for every fact of random expressions and customers', () => {
    fc.assert(
      fc.property(
        derivedFacts,
        setting,
        fc.array(customer, { minLength: 1, maxLength: 5 }),
        (facts, s, people) => {
          const plan = factPlan(policyOf(facts, s.timezone));
          expect(plan.derived).toHaveLength(7);
          const context = deriveContext(plan, asOfOf(s.asOf, s.timezone), NOW);
          const reference = interpretFacts(plan, context);
          const compiled = compileFacts(plan, context);
          for (const c of people) same(compiled(c), reference(c));
        },
      ),
      { numRuns: RUNS, seed: 4242 },
    );
  });

  it('a −0 or an infinite value never comes out of either', () => {
    fc.assert(
      fc.property(derivedFacts, fc.array(customer, { minLength: 1, maxLength: 5 }), (facts, people) => {
        const plan = factPlan(policyOf(facts, 'Asia/Shanghai'));
        const prepare = compileFacts(plan, deriveContext(plan, asOfOf('2024-03-01', 'Asia/Shanghai')));
        for (const c of people) {
          const out = prepare(c);
          for (const id of ['x1', 'x2', 'xi', 'xd']) {
            const v = out[id];
            if (v === undefined) continue;
            expect(typeof v).toBe('number');
            expect(Number.isFinite(v) && !Object.is(v, -0), `${id} = ${String(v)}`).toBe(true);
          }
          if (out.xi !== undefined) expect(Number.isInteger(out.xi)).toBe(true);
          if (out.xe !== undefined) expect(['gold', 'silver']).toContain(out.xe);
        }
      }),
      { numRuns: propertyRuns(80, 1_000), seed: 99 },
    );
  });
});

describe('derived facts over columns (the batch path)', () => {
  const numeric = new Set(['n1', 'n2', 'i1', 'x1', 'x2', 'xi', 'xd', 'd1', 'd2']);
  const columnsOf = (people: Record<string, unknown>[]) => {
    const ids = Object.keys(CATALOGUE);
    return {
      length: people.length,
      keys: people.map((_, i) => `c${i}`),
      facts: Object.fromEntries(ids.map((id) => [id, people.map((c) => c[id])])),
    };
  };

  it('gives each customer what compileFacts gives after defaults', () => {
    fc.assert(
      fc.property(
        derivedFacts,
        setting,
        fc.array(customer, { minLength: 1, maxLength: 8 }),
        (facts, s, people) => {
          const policy = policyOf(facts, s.timezone);
          const asOf = asOfOf(s.asOf ?? '2024-03-01', s.timezone);
          const prepare = columnPreparer(policy, asOf)!;
          const plan = factPlan(policy);
          const one = compileFacts(plan, deriveContext(plan, asOf));
          const withDefaults = defaultsApplier(policy);
          const out = prepare(columnsOf(people));
          people.forEach((person, i) => {
            const c: Record<string, unknown> = person;
            // A column holds no NaN for a value: NaN is how a numeric column says "missing".
            const row = Object.fromEntries(
              Object.keys(CATALOGUE).map((id) => [id, Number.isNaN(c[id]) ? undefined : c[id]]),
            );
            const expected = one(withDefaults(row));
            for (const id of [...plan.dates, ...plan.derived.map((d) => d.id)]) {
              let got = out.facts[id]![i];
              if (numeric.has(id) && Number.isNaN(got)) got = undefined;
              if (!Object.is(got, expected[id]))
                throw new Error(`customer ${i} fact ${id}: ${String(got)} ≠ ${String(expected[id])}`);
            }
          });
        },
      ),
      { numRuns: propertyRuns(100, 2_000), seed: 7 },
    );
  });
});
