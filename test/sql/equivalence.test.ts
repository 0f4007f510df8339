import type { DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compilePolicy } from '../../src/compile/policy.js';
import { type AsOf, parseAsOf } from '../../src/facts/asof.js';
import { duckdb } from '../../src/sql/dialect.js';
import { compileSql, isCompiledSql } from '../../src/sql/query.js';
import { customers, policy } from '../compile/arbitraries.js';
import { propertyRuns } from '../helpers/runs.js';
import { fromResult, fromRow } from './compare.js';
import { insertFacts, memoryDuck, rows } from './harness.js';

const RUNS = propertyRuns(150, 2_000);
const SEED = Number(process.env.TIERWISE_EQUIVALENCE_SEED ?? 171717);
const asOf = fc
  .constantFrom('2024-03-01', '2024-02-29T12:00:00+08:00', '2024-03-31')
  .map((text) => parseAsOf(text, { timezone: 'Asia/Shanghai' }) as AsOf);

let connection: DuckDBConnection;
beforeAll(async () => {
  connection = await memoryDuck();
});
afterAll(() => connection?.closeSync());

describe('the SQL path on DuckDB against the compiled path', () => {
  it('gives every random customer of every random policy the same tier, score, classes and triggers', async () => {
    await fc.assert(
      fc.asyncProperty(policy, customers, asOf, async (p, people, at) => {
        const compiled = compileSql(p, {
          dialect: duckdb,
          customers: { name: 'tw_customers', shape: 'typed' },
          asOf: at,
          factsComplete: true,
        });
        if (!isCompiledSql(compiled)) {
          // Only what the dialect cannot reproduce may refuse, and then with TW0730.
          expect(compiled.map((d) => d.code)).toEqual(compiled.map(() => 'TW0730'));
          return;
        }
        await insertFacts(connection, p, people);
        const got = (await rows(connection, compiled.sql)).map((r) => fromRow(r, compiled.classifiers));
        const want = compilePolicy(p).evaluate(people, { asOf: at }).map(fromResult);
        const order = (xs: { customer: unknown }[]) =>
          [...xs].sort((a, b) => String(a.customer).localeCompare(String(b.customer)));
        expect(order(got)).toEqual(order(want));
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
