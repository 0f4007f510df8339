import { compileFacts } from '../../src/compile/derive.js';
import { type AsOf, parseAsOf } from '../../src/facts/asof.js';
import { deriveContext, factPlan, interpretFacts } from '../../src/facts/derive.js';
import {
  type CustomerAccumulator,
  compileAggregates,
  compileMonthlySeries,
  isAggregatePlan,
  isMonthlySeriesPlan,
} from '../../src/facts/index.js';
import type { Transaction } from '../../src/facts/transaction.js';
import { AGGREGATES, type Fact } from '../../src/policy/schema/facts.js';
import type { Policy } from '../../src/policy/schema/policy.js';
import { mulberry32 } from '../../src/util/random.js';
import { type Measurement, measure, perItem } from '../harness.js';
import { type BenchOptions, runsFor, type Timing } from '../options.js';

const CUSTOMERS = 10_000;
/** A million transactions; a tenth of that under --quick. */
const TRANSACTIONS = { full: 1_000_000, quick: 100_000 };
const AS_OF = '2024-03-01';
const TIMEZONE = 'Asia/Shanghai';
const DAY_MS = 86_400_000;
/** Three years of history before the as-of, so windows drop some rows, and a week after it. */
const HISTORY_DAYS = 3 * 365;
const AFTER_DAYS = 7;

interface Row extends Transaction {
  customerId: string;
}

/**
 * A transaction log in file order (customers interleaved, instants unsorted), as the data layer
 * hands it over: amounts spread over three orders of magnitude, 2% of rows without an amount.
 */
function transactionLog(count: number): Row[] {
  const next = mulberry32(20240301);
  const ids = Array.from({ length: CUSTOMERS }, (_, i) => `C${String(i).padStart(7, '0')}`);
  const end = Date.parse(`${AS_OF}T23:59:59.999+08:00`);
  const rows: Row[] = [];
  for (let i = 0; i < count; i++) {
    const at = end - Math.floor(next() * HISTORY_DAYS * DAY_MS) + AFTER_DAYS * DAY_MS;
    const amount = next() < 0.02 ? undefined : Math.round(100 * 10 ** (next() * 3)) / 100;
    rows.push({
      customerId: ids[Math.floor(next() * CUSTOMERS)]!,
      at,
      fields: amount === undefined ? { product: 'P1' } : { amount, product: 'P1' },
    });
  }
  return rows;
}

const aggregate = (agg: Fact['aggregate'], extra: Partial<Fact> = {}): Fact => ({
  type: 'number',
  aggregate: agg,
  ...extra,
});

/** The raw inputs of seed 004's score sheet (table 2) and its two re-rating triggers. */
const SEED_004: Record<string, Fact> = {
  spend12m: aggregate('sum', { of: 'amount', window: 'P12M' }),
  orders12m: aggregate('count', { window: 'P12M' }),
  daysSinceLastPurchase: aggregate('daysSinceLast'),
  repurchaseRate: aggregate('repurchaseRate', { window: 'P12M' }),
  spendDropMonths: aggregate('dropStreakMonths', { of: 'amount', window: 'P6M', calendar: true }),
  monthsWithoutPurchase: aggregate('monthsWithoutPurchase'),
};

/** Every aggregate over three windows: the worst case of one pass. */
const EVERY_AGGREGATE: Record<string, Fact> = Object.fromEntries(
  ['P12M', 'P90D', undefined].flatMap((window) =>
    AGGREGATES.map((agg) => [`${agg}${window ?? 'All'}`, aggregate(agg, { of: 'amount', window })]),
  ),
);

function accumulateAll(facts: Record<string, Fact>, rows: readonly Row[]): () => number {
  const plan = compileAggregates(facts, { asOf: AS_OF, timezone: TIMEZONE });
  if (!isAggregatePlan(plan)) throw new Error(JSON.stringify(plan));
  return () => {
    const customers = new Map<string, CustomerAccumulator>();
    for (const row of rows) {
      let accumulator = customers.get(row.customerId);
      if (accumulator === undefined) {
        accumulator = plan.accumulator();
        customers.set(row.customerId, accumulator);
      }
      accumulator.add(row);
    }
    let defined = 0;
    for (const accumulator of customers.values()) {
      for (const value of Object.values(accumulator.result())) if (value !== undefined) defined++;
    }
    return defined;
  };
}

/** Every customer's monthly spend series over 12 months, from the log grouped by customer. */
function seriesOfAll(rows: readonly Row[]): () => number {
  const plan = compileMonthlySeries({ of: 'amount', window: 'P12M', asOf: AS_OF, timezone: TIMEZONE });
  if (!isMonthlySeriesPlan(plan)) throw new Error(JSON.stringify(plan));
  const customers = new Map<string, Row[]>();
  for (const row of rows) {
    const transactions = customers.get(row.customerId);
    if (transactions) transactions.push(row);
    else customers.set(row.customerId, [row]);
  }
  return () => {
    let months = 0;
    for (const transactions of customers.values()) months += plan.series(transactions).months.length;
    return months;
  };
}

/** One pass timed by the harness (median after warm-up), rescaled to transactions/s. */
async function perTransaction(
  name: string,
  pass: () => number,
  note: string,
  count: number,
  timing: Timing,
): Promise<Measurement> {
  const measured = await measure('facts', name, 'transactions', pass, {
    ...timing,
    note: `${note}; median ms is one pass of ${count.toLocaleString('en-US')}`,
  });
  return { ...measured, perSecond: measured.perSecond * count };
}

/**
 * src/facts over 1M transactions (100k under --quick) of 10k customers: accumulating them in file
 * order (a Map from customer id to accumulator, every customer's results read at the end), and the
 * monthly series.
 */
export async function factsSuite(options: BenchOptions): Promise<Measurement[]> {
  const count = options.quick ? TRANSACTIONS.quick : TRANSACTIONS.full;
  const rows = transactionLog(count);
  const customers = `${CUSTOMERS.toLocaleString('en-US')} customers`;
  const timing = runsFor(options, { runs: 7, warmup: 2 });
  return [
    await perTransaction(
      'seed-004 facts: accumulate',
      accumulateAll(SEED_004, rows),
      `${Object.keys(SEED_004).length} facts, ${customers}`,
      count,
      timing,
    ),
    await perTransaction(
      'every aggregate × 3 windows: accumulate',
      accumulateAll(EVERY_AGGREGATE, rows),
      `${Object.keys(EVERY_AGGREGATE).length} facts, ${customers}`,
      count,
      timing,
    ),
    await perTransaction(
      'monthly spend series P12M',
      seriesOfAll(rows),
      `compiled once, ${customers}`,
      count,
      timing,
    ),
    ...(await derivedFacts(options.quick ? 100_000 : 1_000_000, timing)),
  ];
}

/** Six derived facts over five facts read, the kinds a policy writes (ratio, dates, logic, choice). */
const DERIVED_POLICY = {
  apiVersion: 'tierwise/v1',
  kind: 'TierPolicy',
  metadata: { name: 'bench-derived', version: '1.0.0', timezone: TIMEZONE },
  facts: {
    id: { type: 'string', key: true },
    spend12m: { type: 'number', unit: 'CNY' },
    orders12m: { type: 'integer' },
    spendLastYear: { type: 'number', unit: 'CNY' },
    lastPurchase: { type: 'date' },
    firstPurchase: { type: 'date' },
    spendPerOrder: { type: 'number', unit: 'CNY', expr: 'coalesce(spend12m / orders12m, 0)' },
    growth: { type: 'number', expr: 'spend12m / spendLastYear - 1' },
    recencyDays: { type: 'integer', unit: 'days', expr: 'daysSince(lastPurchase)' },
    tenureWeeks: { type: 'number', unit: 'weeks', expr: 'weeksBetween(firstPurchase, lastPurchase)' },
    active: { type: 'boolean', expr: 'recencyDays <= 90 && orders12m >= 2' },
    band: { type: 'number', expr: 'if(active, round(min(spendPerOrder, 10000) / 100, 1), 0)' },
  },
} as unknown as Policy;

/**
 * Derived facts per customer, in process: the reference interpreter against the generated code of
 * the compiled path, over customers whose dates arrive as text as the data layer gives them.
 */
async function derivedFacts(n: number, timing: Timing): Promise<Measurement[]> {
  const next = mulberry32(7);
  const end = Date.parse(`${AS_OF}T00:00:00+08:00`);
  const iso = (at: number) => new Date(at).toISOString();
  const people = Array.from({ length: n }, () => ({
    spend12m: next() < 0.05 ? undefined : Math.round(next() * 1e6) / 100,
    orders12m: Math.floor(next() * 20),
    spendLastYear: Math.round(next() * 1e6) / 100,
    lastPurchase: iso(end - Math.floor(next() * 400) * DAY_MS),
    firstPurchase: iso(end - Math.floor(400 + next() * 2000) * DAY_MS),
  }));
  const plan = factPlan(DERIVED_POLICY);
  const asOf = parseAsOf(AS_OF, { timezone: TIMEZONE }) as AsOf;
  const context = deriveContext(plan, asOf);
  const interpreted = interpretFacts(plan, context);
  const generated = compileFacts(plan, context);
  const note = `6 derived facts over 5 read, ${n.toLocaleString('en-US')} customers`;
  const run = (prepare: (f: Record<string, unknown>) => unknown) => () => {
    for (const p of people) prepare(p);
  };
  return [
    perItem(
      await measure('facts', 'derived facts: reference interpreter', 'customers', run(interpreted), {
        ...timing,
        note,
      }),
      n,
    ),
    perItem(
      await measure('facts', 'derived facts: generated code', 'customers', run(generated), {
        ...timing,
        note,
      }),
      n,
    ),
  ];
}
