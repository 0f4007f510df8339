import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AsOf, parseAsOf } from '../../src/facts/asof.js';
import { loadCustomers } from '../../src/facts/customers.js';
import { aggregateSql } from '../../src/sql/aggregates.js';
import { postgres } from '../../src/sql/dialect.js';
import { planPostgres, startPostgres, type TestPostgres } from '../helpers/postgres.js';
import { propertyRuns } from '../helpers/runs.js';
import { expected, policyOf, CUSTOMERS as RANDOM_CUSTOMERS, scenario } from './aggregate-scenarios.js';
import { bundled, CUSTOMERS, differences, merged, TRANSACTIONS } from './bundled-aggregates.js';
import {
  aggregateQuery,
  jsValue,
  keyTableSql,
  readLog,
  sqlValue,
  transactionTableSql,
} from './transactions.js';

const plan = planPostgres();

if (plan.kind === 'none') describe.skip(`aggregates on PostgreSQL: skipped, ${plan.reason}`, () => {});
else
  describe('aggregates on a real PostgreSQL', () => {
    let server: TestPostgres;
    let client: pg.Client;
    beforeAll(async () => {
      server = await startPostgres(plan);
      client = new pg.Client({ connectionString: await server.database() });
      await client.connect();
    });
    afterAll(async () => {
      await client?.end();
      await server?.stop();
    });
    const run = async (statements: readonly string[]) => {
      for (const s of statements) await client.query(s);
    };

    it('every bundled policy’s aggregate facts of every customer are the JavaScript path’s', async () => {
      const policy = merged(await bundled());
      const asOf = parseAsOf('2026-11-01', { timezone: policy.metadata.timezone }) as AsOf;
      const { customers } = await loadCustomers(policy, {
        customers: CUSTOMERS,
        transactions: TRANSACTIONS,
        asOf: '2026-11-01',
      });
      const keys = customers.map((c) => c.id);
      await run(transactionTableSql(postgres, policy, await readLog(policy, TRANSACTIONS, keys), 'tw_log'));
      await run(keyTableSql(postgres, keys, 'tw_keys'));
      const compiled = aggregateSql(policy, asOf, postgres, 'tw_log', { row: 'tw_row' });
      if (Array.isArray(compiled)) throw new Error(JSON.stringify(compiled));
      const result = await client.query(aggregateQuery(postgres, compiled, 'tw_keys'));
      const got = new Map(result.rows.map((r) => [String(r.customer), r as Record<string, unknown>]));
      expect(got.size).toBe(customers.length);
      expect(
        differences(
          customers,
          got,
          compiled.facts.map((f) => f.id),
        ),
      ).toEqual([]);
    });

    it('random logs × every aggregate kind: the JavaScript path’s values, sums added as Neumaier does', async () => {
      await run(keyTableSql(postgres, [...RANDOM_CUSTOMERS, 'nobody'], 'tw_random_keys'));
      await fc.assert(
        fc.asyncProperty(scenario, async ({ zone, asOf, facts, transactions }) => {
          const policy = policyOf(zone, facts);
          await run(transactionTableSql(postgres, policy, transactions, 'tw_random_log'));
          const compiled = aggregateSql(policy, asOf, postgres, 'tw_random_log', { row: 'tw_row' });
          if (Array.isArray(compiled)) throw new Error(JSON.stringify(compiled));
          const result = await client.query(aggregateQuery(postgres, compiled, 'tw_random_keys'));
          const got = new Map(result.rows.map((r) => [String(r.customer), r as Record<string, unknown>]));
          const want = expected(facts, asOf, transactions);
          want.set('nobody', expected(facts, asOf, []).get('a')!);
          for (const [customer, values] of want)
            for (const id of Object.keys(facts))
              expect(sqlValue(got.get(customer)![id]), `${customer} ${id} ${JSON.stringify(facts[id])}`).toBe(
                jsValue(values[id]),
              );
        }),
        { seed: 20261101, numRuns: propertyRuns(40, 300) },
      );
    });
  });
