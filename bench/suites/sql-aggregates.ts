import { DuckDBInstance } from '@duckdb/node-api';
import { type AsOf, parseAsOf } from '../../src/facts/asof.js';
import { zoneCalendar } from '../../src/facts/zone.js';
import type { Fact } from '../../src/policy/schema/facts.js';
import type { Policy } from '../../src/policy/schema/policy.js';
import { aggregateSql, type Summation } from '../../src/sql/aggregates.js';
import { duckdb } from '../../src/sql/dialect.js';
import { mulberry32 } from '../../src/util/random.js';
import { type Measurement, measure, perItem } from '../harness.js';
import { type BenchOptions, runsFor } from '../options.js';

const CUSTOMERS = 10_000;
/** A million transactions, as the facts suite; a tenth under --quick. */
const TRANSACTIONS = { full: 1_000_000, quick: 100_000 };
const AS_OF = '2024-03-01';
const TIMEZONE = 'Asia/Shanghai';
const DAY_MS = 86_400_000;

const SUM_ONLY: Record<string, Fact> = {
  spend12m: { type: 'number', aggregate: 'sum', of: 'amount', window: 'P12M' },
};

/** Seed 004's scorecard aggregates: two sums, an average, a drop streak, a recency in months. */
const SEED004: Record<string, Fact> = {
  ...SUM_ONLY,
  spendAll: { type: 'number', aggregate: 'sum', of: 'amount' },
  avgOrder12m: { type: 'number', aggregate: 'avg', of: 'amount', window: 'P12M' },
  dropStreak: { type: 'integer', aggregate: 'dropStreakMonths', of: 'amount', window: 'P12M' },
  monthsWithout: { type: 'integer', aggregate: 'monthsWithoutPurchase' },
};

/** lifetimes' daily and weekly summaries: per-period sums with the first period left out. */
const LIFETIMES: Record<string, Fact> = {
  repeatDays: { type: 'integer', aggregate: 'count', per: 'day', excludeFirst: true },
  repeatDailySpend: { type: 'number', aggregate: 'avg', of: 'amount', per: 'day', excludeFirst: true },
  repeatWeeklySpend: { type: 'number', aggregate: 'avg', of: 'amount', per: 'week', excludeFirst: true },
  ageDays: { type: 'integer', aggregate: 'age' },
  spanWeeks: { type: 'integer', aggregate: 'span', per: 'week' },
};

function policyOf(facts: Record<string, Fact>): Policy {
  return {
    metadata: { timezone: TIMEZONE },
    facts: { customerId: { type: 'string', key: true }, ...facts },
    sources: {
      transactions: {
        customer: 'customer',
        date: 'date',
        fields: { amount: { column: 'amount', type: 'number' } },
      },
    },
  } as unknown as Policy;
}

/**
 * The staged log in DuckDB, in file order (customers interleaved, instants unsorted): amounts over
 * three orders of magnitude in cents, 2% without one, three years of history and a week after.
 */
async function stagedLog(count: number) {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  await connection.run(
    'CREATE TABLE tw_log (customer VARCHAR, at_ms BIGINT, local_ms BIGINT, tw_row BIGINT, amount DOUBLE)',
  );
  const zone = zoneCalendar(TIMEZONE);
  const next = mulberry32(20240301);
  const end = Date.parse(`${AS_OF}T23:59:59.999+08:00`);
  const appender = await connection.createAppender('tw_log');
  for (let row = 0; row < count; row++) {
    const at = end - Math.floor(next() * 3 * 365 * DAY_MS) + 7 * DAY_MS;
    appender.appendVarchar(`C${Math.floor(next() * CUSTOMERS)}`);
    appender.appendBigInt(BigInt(at));
    appender.appendBigInt(BigInt(at + zone.offsetAt(at)));
    appender.appendBigInt(BigInt(row));
    if (next() < 0.02) appender.appendNull();
    else appender.appendDouble(Math.round(100 * 10 ** (next() * 3)) / 100);
    appender.endRow();
  }
  appender.closeSync();
  return { instance, connection };
}

/**
 * The aggregates compiled to SQL on DuckDB over a million staged transactions: Neumaier's sum in
 * row order (`exact`, the default, the JavaScript path's doubles) against the engine's SUM (`fast`).
 */
export async function sqlAggregatesSuite(options: BenchOptions): Promise<Measurement[]> {
  const count = options.quick ? TRANSACTIONS.quick : TRANSACTIONS.full;
  const { instance, connection } = await stagedLog(count);
  const asOf = parseAsOf(AS_OF, { timezone: TIMEZONE }) as AsOf;
  const timing = runsFor(options, { runs: 5, warmup: 1 });
  const results: Measurement[] = [];
  try {
    for (const [name, facts] of Object.entries({
      'sum only': SUM_ONLY,
      seed004: SEED004,
      lifetimes: LIFETIMES,
    }))
      for (const summation of ['exact', 'fast'] as Summation[]) {
        const compiled = aggregateSql(policyOf(facts), asOf, duckdb, 'tw_log', { row: 'tw_row', summation });
        if (Array.isArray(compiled)) throw new Error(JSON.stringify(compiled));
        // Every fact is read, or the engine would prune the columns (and the sums) away.
        const read = compiled.facts.map((f) => `count(${duckdb.ident(f.id)})`).join(', ');
        const sql = `WITH ${compiled.ctes.map(([n, b]) => duckdb.cte(n, b)).join(', ')} SELECT ${read} FROM (${compiled.select})`;
        results.push(
          perItem(
            await measure(
              'sql-aggregates',
              `${name}, ${summation}`,
              'transactions',
              () => connection.run(sql),
              {
                ...timing,
                note: `${Object.keys(facts).length} facts`,
              },
            ),
            count,
          ),
        );
      }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return results;
}
