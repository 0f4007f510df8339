import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compilePolicy } from '../../src/compile/policy.js';
import { type AsOf, parseAsOf } from '../../src/facts/asof.js';
import { loadCustomers } from '../../src/facts/customers.js';
import { factColumn } from '../../src/policy/columns.js';
import { loadPolicy } from '../../src/policy/load.js';
import type { Policy } from '../../src/policy/schema/policy.js';
import { aggregateSql } from '../../src/sql/aggregates.js';
import { postgres } from '../../src/sql/dialect.js';
import { compileSql, isCompiledSql } from '../../src/sql/query.js';
import { planPostgres, startPostgres, type TestPostgres } from '../helpers/postgres.js';
import { byCustomer, fromResult, fromRow } from './compare.js';
import { factTableSql } from './harness.js';
import { aggregateQuery, keyTableSql, readLog, transactionTableSql } from './transactions.js';

/**
 * The multi-node pattern of docs/sql.md: the customers and the log hash-partitioned by customer
 * across two PostgreSQL instances, the second reached with postgres_fdw, and the unchanged
 * PostgreSQL query run on the first. The answer must be the single-table answer (Citus distributes
 * the same way, by the same key).
 */
const at = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const plan = planPostgres();
const POLICY = 'policies/seed004-quota.tier.yaml';

if (plan.kind !== 'local')
  describe.skip(`postgres_fdw across two instances: skipped, ${plan.kind === 'none' ? plan.reason : 'needs local PostgreSQL binaries for a second instance'}`, () => {});
else
  describe('the PostgreSQL query over tables split across two instances (postgres_fdw)', () => {
    let coordinator: TestPostgres;
    let shard: TestPostgres;
    let a: pg.Client;
    let b: pg.Client;
    let policy: Policy;
    let asOf: AsOf;
    const run = async (client: pg.Client, statements: readonly string[]) => {
      for (const s of statements) await client.query(s);
    };

    /** `table` on the coordinator, split by hash of `key`: remainder 0 here, remainder 1 on the shard. */
    async function distribute(create: string, table: string, key: string): Promise<void> {
      const columns = create.slice(create.indexOf('('));
      const q = postgres.ident;
      await b.query(`CREATE TABLE ${q(`${table}_1`)} ${columns}`);
      await a.query(`CREATE TABLE ${q(table)} ${columns} PARTITION BY HASH (${q(key)})`);
      await a.query(
        `CREATE TABLE ${q(`${table}_0`)} PARTITION OF ${q(table)} FOR VALUES WITH (MODULUS 2, REMAINDER 0)`,
      );
      await a.query(
        `CREATE FOREIGN TABLE ${q(`${table}_1`)} PARTITION OF ${q(table)} FOR VALUES WITH (MODULUS 2, REMAINDER 1) SERVER shard OPTIONS (table_name ${postgres.text(`${table}_1`)})`,
      );
    }

    async function counts(table: string): Promise<[number, number]> {
      const here = await a.query(`SELECT count(*) AS n FROM ${postgres.ident(`${table}_0`)}`);
      const there = await b.query(`SELECT count(*) AS n FROM ${postgres.ident(`${table}_1`)}`);
      return [Number(here.rows[0].n), Number(there.rows[0].n)];
    }

    beforeAll(async () => {
      coordinator = await startPostgres(plan);
      shard = await startPostgres(plan);
      const shardUrl = new URL(await shard.database());
      a = new pg.Client({ connectionString: await coordinator.database() });
      b = new pg.Client({ connectionString: shardUrl.toString() });
      await a.connect();
      await b.connect();
      await run(a, [
        'CREATE EXTENSION postgres_fdw',
        `CREATE SERVER shard FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '127.0.0.1', port '${shardUrl.port}', dbname '${shardUrl.pathname.slice(1)}')`,
        `CREATE USER MAPPING FOR CURRENT_USER SERVER shard OPTIONS (user 'postgres')`,
      ]);
      policy = (await loadPolicy(at(POLICY))).policy!;
      asOf = parseAsOf('2026-11-01', { timezone: policy.metadata.timezone }) as AsOf;
    });
    afterAll(async () => {
      await a?.end();
      await b?.end();
      await coordinator?.stop();
      await shard?.stop();
    });

    it('gives every customer the compiled path’s tier and score, quotas ranked across both shards', async () => {
      const { customers } = await loadCustomers(policy, {
        customers: at('examples/data/customers.csv'),
        transactions: at('examples/data/transactions.csv'),
        asOf: '2026-11-01',
      });
      const some = customers.filter((_, i) => i % 3 === 0);
      const [keyId, keyFact] = Object.entries(policy.facts ?? {}).find(([, f]) => f.key)!;
      const statements = factTableSql(postgres, policy, some, 'customers', 'source');
      await distribute(statements[1]!, 'customers', factColumn(policy, keyId, keyFact));
      await run(a, statements.slice(2));
      const [here, there] = await counts('customers');
      expect(here + there).toBe(some.length);
      expect(Math.min(here, there)).toBeGreaterThan(some.length / 4);

      const compiled = compileSql(policy, {
        dialect: postgres,
        customers: { name: 'customers', shape: 'source' },
        asOf,
        factsComplete: true,
      });
      if (!isCompiledSql(compiled)) throw new Error(JSON.stringify(compiled));
      const rows = (await a.query(compiled.sql)).rows as Record<string, unknown>[];
      const got = byCustomer(
        rows.map((r) =>
          fromRow({ ...r, level: r.level === null ? null : Number(r.level) }, compiled.classifiers),
        ),
      );
      const want = compilePolicy(policy).evaluate(some, { asOf }).map(fromResult);
      expect(got.size).toBe(want.length);
      for (const w of want) expect(got.get(w.customer), String(w.customer)).toEqual(w);
    });

    it('gives the single table’s aggregates from a log split across both instances', async () => {
      const { customers } = await loadCustomers(policy, {
        customers: at('examples/data/customers.csv'),
        asOf: '2026-11-01',
        essential: false,
      });
      const keys = customers.map((c) => c.id);
      const log = await readLog(policy, at('examples/data/transactions.csv'), keys);
      const single = transactionTableSql(postgres, policy, log, 'tw_log_single');
      await run(a, single);
      const split = transactionTableSql(postgres, policy, log, 'tw_log');
      await distribute(split[1]!, 'tw_log', 'customer');
      await run(a, split.slice(2));
      const [here, there] = await counts('tw_log');
      expect(here + there).toBe(log.length);
      expect(Math.min(here, there)).toBeGreaterThan(log.length / 4);
      await run(a, keyTableSql(postgres, keys, 'tw_keys'));

      const answer = async (table: string) => {
        const compiled = aggregateSql(policy, asOf, postgres, table, { row: 'tw_row' });
        if (Array.isArray(compiled)) throw new Error(JSON.stringify(compiled));
        const rows = (await a.query(`${aggregateQuery(postgres, compiled, 'tw_keys')} ORDER BY 1`)).rows;
        return rows as Record<string, unknown>[];
      };
      const federated = await answer('tw_log');
      expect(federated).toHaveLength(keys.length);
      expect(federated).toEqual(await answer('tw_log_single'));

      // What runs on the shard. PostgreSQL ships a per-customer GROUP BY over the split log to each
      // shard (partitionwise aggregation); the compiled query reads the log once into a CTE that
      // several aggregates share, so PostgreSQL ships its as-of filter and groups on the
      // coordinator (docs/sql.md, "Several PostgreSQL instances").
      await a.query('SET enable_partitionwise_aggregate = on');
      const remote = async (sql: string) =>
        (await a.query(`EXPLAIN (VERBOSE) ${sql}`)).rows
          .map((r) => String(r['QUERY PLAN']).trim())
          .filter((line) => line.startsWith('Remote SQL:'));
      expect(
        await remote('SELECT customer, sum(amount), count(*), max(at_ms) FROM tw_log GROUP BY customer'),
      ).toEqual([
        'Remote SQL: SELECT customer, sum(amount), count(*), max(at_ms) FROM public.tw_log_1 GROUP BY 1',
      ]);
      const compiled = aggregateSql(policy, asOf, postgres, 'tw_log', { row: 'tw_row' });
      if (Array.isArray(compiled)) throw new Error(JSON.stringify(compiled));
      const shipped = await remote(aggregateQuery(postgres, compiled, 'tw_keys'));
      expect(shipped).toHaveLength(1);
      expect(shipped[0]).toMatch(/FROM public\.tw_log_1 WHERE \(\(at_ms <= \d+::bigint\)\)$/);

      // With plain sums (`--summation fast`) the row stages are inlined and every per-customer
      // grouping is sent to the shard; the answer is the single table's, sums to rounding.
      const fast = aggregateSql(policy, asOf, postgres, 'tw_log', { row: 'tw_row', summation: 'fast' });
      if (Array.isArray(fast)) throw new Error(JSON.stringify(fast));
      const grouped = (await remote(aggregateQuery(postgres, fast, 'tw_keys'))).filter((sql) =>
        /GROUP BY/.test(sql),
      );
      // The 12-month totals, the month totals the drop streak reads, the recency stream's totals.
      expect(grouped.length).toBeGreaterThanOrEqual(3);
      for (const sql of grouped) expect(sql).toMatch(/FROM public\.tw_log_1 .*GROUP BY/);
      const fastAnswer = async (table: string) => {
        const sql = aggregateSql(policy, asOf, postgres, table, { row: 'tw_row', summation: 'fast' });
        if (Array.isArray(sql)) throw new Error(JSON.stringify(sql));
        return (await a.query(`${aggregateQuery(postgres, sql, 'tw_keys')} ORDER BY 1`)).rows as Record<
          string,
          unknown
        >[];
      };
      const [shardsFast, wholeFast] = [await fastAnswer('tw_log'), await fastAnswer('tw_log_single')];
      expect(shardsFast).toHaveLength(wholeFast.length);
      shardsFast.forEach((row, i) => {
        for (const [column, value] of Object.entries(wholeFast[i]!)) {
          if (typeof value === 'number') expect(row[column] as number).toBeCloseTo(value, 6);
          else expect(row[column], column).toEqual(value);
        }
      });
    });
  });
