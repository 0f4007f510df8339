import { SparkSQL, TrinoSQL } from 'dt-sql-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AsOf, parseAsOf } from '../../src/facts/asof.js';
import { loadPolicy } from '../../src/policy/load.js';
import { type Dialect, spark, trino } from '../../src/sql/dialect.js';
import { compileSql, isCompiledSql } from '../../src/sql/query.js';
import { policy as randomPolicy } from '../compile/arbitraries.js';
import { propertyRuns } from '../helpers/runs.js';

/**
 * Spark SQL and Trino are not on this machine: their texts are checked by the grammars of those
 * dialects (dt-sql-parser's ANTLR parsers). The grammars are slow to warm up, so a few bundled
 * policies that between them use every stage (classes, quota windows, matrix, thresholds,
 * warehouse-shaped dates) and some random ones.
 */
const POLICIES = ['seed004-quota', 'lifetimes-rfm'];
const GRAMMARS: { name: string; dialect: Dialect; parser: SparkSQL | TrinoSQL }[] = [
  { name: spark.name, dialect: spark, parser: new SparkSQL() },
  { name: trino.name, dialect: trino, parser: new TrinoSQL() },
];
const at = (path: string) => new URL(`../../${path}`, import.meta.url).pathname;

const problems = (parser: SparkSQL | TrinoSQL, sql: string) =>
  parser.validate(sql).map((e) => `${e.startLine}:${e.startColumn} ${e.message}`);

describe.each(GRAMMARS)('the $name query, read by that dialect’s grammar', ({ dialect, parser }) => {
  it('the grammar rejects what is not its SQL (the check can fail)', () => {
    expect(problems(parser, 'SELECT (a FROM t')).not.toEqual([]);
  });

  it.each(POLICIES)('%s parses, over a typed table and over a warehouse table', async (name) => {
    const { policy } = await loadPolicy(at(`policies/${name}.tier.yaml`));
    const asOf = parseAsOf('2026-11-01', { timezone: policy!.metadata.timezone }) as AsOf;
    for (const shape of ['typed', 'source'] as const) {
      const compiled = compileSql(policy!, {
        dialect,
        customers: { name: 'warehouse.crm.customers', shape },
        asOf,
        factsComplete: true,
      });
      if (!isCompiledSql(compiled)) throw new Error(JSON.stringify(compiled));
      expect(problems(parser, compiled.sql), `${name} ${shape}`).toEqual([]);
    }
  });

  it('random policies parse', () => {
    const asOf = parseAsOf('2024-03-01', { timezone: 'Asia/Shanghai' }) as AsOf;
    fc.assert(
      fc.property(randomPolicy, (p) => {
        const compiled = compileSql(p, {
          dialect,
          customers: { name: 'generated', shape: 'typed' },
          asOf,
          factsComplete: true,
        });
        if (isCompiledSql(compiled)) expect(problems(parser, compiled.sql)).toEqual([]);
      }),
      { numRuns: propertyRuns(1, 200), seed: 1717 },
    );
  });
});
