import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDuck } from '../../src/duckdb/duck.js';
import { duckdb } from '../../src/sql/dialect.js';

/**
 * A policy of facts from transactions only — 12-month spend, distinct purchase days, recency and
 * the monthly drop streak — and a generated population for it: `customers` ids and `transactions`
 * rows over the two years before the as-of date, written by DuckDB as CSV (what the JavaScript
 * readers read) and Parquet (what a warehouse exports). Fixed seeds: the same files every run.
 */
export const FACTS_AS_OF = '2026-11-01';

const POLICY = `apiVersion: tierwise/v1
kind: TierPolicy
metadata: { name: bench-facts, version: 1.0.0, labels: { zh-CN: 交易事实, en: Transaction facts } }
facts:
  customerId: { type: string, key: true, column: 客户编号 }
  spend12m: { type: number, unit: CNY, revenue: true, from: transactions, aggregate: sum, of: amount, window: P12M }
  activeDays12m: { type: integer, unit: days, from: transactions, aggregate: distinctDays, window: P12M }
  daysSinceLast: { type: integer, unit: days, from: transactions, aggregate: daysSinceLast }
  dropStreak: { type: integer, unit: months, from: transactions, aggregate: dropStreakMonths, of: amount, window: P12M }
sources:
  transactions:
    customer: 客户编号
    date: 交易日期
    fields: { amount: { column: 交易金额, type: number } }
dimensions:
  value:
    weight: 60
    label: { zh-CN: 价值, en: Value }
    metrics:
      spend12m: { weight: 70, score: { linear: { from: 0, to: 200000 } }, missing: { points: 0 } }
      activeDays12m: { weight: 30, score: { linear: { from: 0, to: 40 } }, missing: { points: 0 } }
  activity:
    weight: 40
    label: { zh-CN: 活跃, en: Activity }
    metrics:
      daysSinceLast: { weight: 60, score: { lowerIsBetter: { best: 7, worst: 365 } }, missing: { points: 0 } }
      dropStreak: { weight: 40, score: { lowerIsBetter: { best: 0, worst: 6 } }, missing: { points: 0 } }
tiers:
  method: thresholds
  levels:
    - { id: vip, label: { zh-CN: VIP, en: VIP }, minScore: 70 }
    - { id: key, label: { zh-CN: 重点, en: Key }, minScore: 45 }
    - { id: base, label: { zh-CN: 普通, en: Base } }
`;

export interface FactsFiles {
  policy: string;
  customers: { csv: string; parquet: string };
  transactions: { csv: string; parquet: string };
}

export async function writeFactsFiles(
  dir: string,
  customers: number,
  transactions: number,
): Promise<FactsFiles> {
  const files: FactsFiles = {
    policy: join(dir, 'facts.tier.yaml'),
    customers: { csv: join(dir, 'facts-customers.csv'), parquet: join(dir, 'facts-customers.parquet') },
    transactions: {
      csv: join(dir, 'facts-transactions.csv'),
      parquet: join(dir, 'facts-transactions.parquet'),
    },
  };
  writeFileSync(files.policy, POLICY);
  const duck = await openDuck({ threads: 2 });
  const t = duckdb.text;
  try {
    const run = (sql: string) => duck.connection.run(sql);
    await run(`SELECT setseed(0.2026)`);
    await run(
      `CREATE TABLE c AS SELECT 'C' || lpad(CAST(i AS VARCHAR), 8, '0') AS "客户编号" FROM range(${customers}) t(i)`,
    );
    // Skewed: a few customers buy often, most rarely; days over two years before the as-of date.
    await run(
      `CREATE TABLE x AS SELECT 'C' || lpad(CAST(CAST(floor(pow(random(), 1.6) * ${customers}) AS BIGINT) AS VARCHAR), 8, '0') AS "客户编号", CAST(DATE '${FACTS_AS_OF}' - CAST(floor(random() * 730) AS INTEGER) AS DATE) AS "交易日期", round(random() * 20000, 2) AS "交易金额" FROM range(${transactions}) t(i)`,
    );
    await run(`COPY c TO ${t(files.customers.csv)} (HEADER, DELIMITER ',')`);
    await run(`COPY c TO ${t(files.customers.parquet)} (FORMAT parquet, COMPRESSION zstd)`);
    await run(`COPY x TO ${t(files.transactions.csv)} (HEADER, DELIMITER ',')`);
    await run(`COPY x TO ${t(files.transactions.parquet)} (FORMAT parquet, COMPRESSION zstd)`);
  } finally {
    duck.close();
  }
  return files;
}
