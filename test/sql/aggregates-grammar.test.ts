import { SparkSQL, TrinoSQL } from 'dt-sql-parser';
import { describe, expect, it } from 'vitest';
import { type AsOf, parseAsOf } from '../../src/facts/asof.js';
import { aggregateSql } from '../../src/sql/aggregates.js';
import { type Dialect, spark, trino } from '../../src/sql/dialect.js';
import { bundled, merged } from './bundled-aggregates.js';
import { aggregateQuery } from './transactions.js';

/**
 * Spark SQL and Trino are not on this machine: the aggregates' SQL in those dialects is checked by
 * their grammars (dt-sql-parser), as test/sql/grammar.test.ts checks the rest of the query. The
 * grammars take seconds a text, so two policies whose aggregates between them use every part of the
 * SQL (periods, spans, dates, drop streaks, month arithmetic, sums, averages), summed exactly in
 * row order: `fast` and the time order change only the sums' arguments.
 */
const POLICIES = ['lifetimes-rfm.tier.yaml', 'seed004-scorecard.tier.yaml'];
const GRAMMARS: { name: string; dialect: Dialect; parser: SparkSQL | TrinoSQL }[] = [
  { name: spark.name, dialect: spark, parser: new SparkSQL() },
  { name: trino.name, dialect: trino, parser: new TrinoSQL() },
];

const problems = (parser: SparkSQL | TrinoSQL, sql: string) =>
  parser.validate(sql).map((e) => `${e.startLine}:${e.startColumn} ${e.message}`);

/** The bundled policies, loaded once for both grammars. */
let loaded: ReturnType<typeof bundled> | undefined;

describe.each(GRAMMARS)('the $name aggregates, read by that dialect’s grammar', ({ dialect, parser }) => {
  it('the aggregates of lifetimes-rfm and seed004-scorecard parse', async () => {
    loaded ??= bundled();
    const policy = merged((await loaded).filter((b) => POLICIES.includes(b.file)));
    const asOf = parseAsOf('2026-11-01', { timezone: policy.metadata.timezone }) as AsOf;
    const compiled = aggregateSql(policy, asOf, dialect, 'tw_transactions_in', { row: 'tw_row' });
    if (Array.isArray(compiled)) throw new Error(JSON.stringify(compiled));
    expect(problems(parser, aggregateQuery(dialect, compiled, 'tw_keys'))).toEqual([]);
  });
});
