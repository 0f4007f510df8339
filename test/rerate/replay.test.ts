import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseEvaluator } from '../../src/compile/evaluate.js';
import { runEvaluation } from '../../src/engine/run.js';
import { loadPolicy } from '../../src/policy/load.js';
import type { Policy } from '../../src/policy/schema/policy.js';
import {
  isRunDates,
  type RunDate,
  replayHistory,
  runDates,
  type TimelineEntry,
} from '../../src/rerate/history.js';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-replay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** Tiers on the last three months' spend; reviews every quarter; no purchase for 2 months flags. */
const POLICY = `apiVersion: tierwise/v1
kind: TierPolicy
metadata:
  name: replay-test
  version: 1.0.0
  labels: { zh-CN: 回放测试, en: Replay test }
facts:
  customerId: { type: string, key: true, column: id }
  spend3m: { type: number, unit: CNY, min: 0, from: transactions, aggregate: sum, of: amount, window: P3M }
  idleMonths: { type: integer, from: transactions, aggregate: monthsWithoutPurchase }
tiers:
  method: criteria
  levels:
    - { id: gold, label: { zh-CN: 金牌, en: Gold }, when: { fact: spend3m, operator: greaterThanInclusive, value: 1000 } }
    - { id: silver, label: { zh-CN: 银牌, en: Silver }, when: { fact: spend3m, operator: greaterThanInclusive, value: 100 } }
    - { id: bronze, label: { zh-CN: 铜牌, en: Bronze }, otherwise: true }
sources:
  transactions:
    customer: id
    date: date
    fields: { amount: { column: amount, type: number } }
rerating:
  every: { default: P3M }
  triggers:
    - id: idle
      label: { zh-CN: 两个月无消费, en: No purchase for two months }
      when: { fact: idleMonths, operator: greaterThanInclusive, value: 2 }
      then: { flag: churn-warning }
`;

async function policyOf(path: string): Promise<Policy> {
  const { policy, diagnostics } = await loadPolicy(path);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return policy!;
}

function runs(from: string, to: string, every?: string): RunDate[] {
  const dates = runDates(from, to, every);
  if (!isRunDates(dates)) throw new Error(JSON.stringify(dates));
  return dates;
}

/** Each run's computed tiers must be exactly `tierwise eval --as-of <that day>`'s. */
async function expectEvalTiers(policy: Policy, customers: string, transactions: string, dates: RunDate[]) {
  const timeline: TimelineEntry[] = [];
  const replay = await replayHistory(policy, {
    customers,
    transactions,
    runs: dates,
    onTimeline: (entries) => {
      for (const e of entries) timeline.push(e);
    },
  });
  expect(replay.failed).toBe(false);
  const { evaluate } = chooseEvaluator(policy);
  for (const [k, run] of dates.entries()) {
    const evaluated = await runEvaluation(policy, { customers, transactions, asOf: run.asOf, evaluate });
    const expected = Object.fromEntries(evaluated.results.map((r) => [r.customer, [r.tier, r.score]]));
    const replayed = Object.fromEntries(
      timeline.filter((e) => e.run === run.label).map((e) => [e.customer, [e.computed, e.score]]),
    );
    expect(replayed, run.label).toEqual(expected);
    // The distribution of computed tiers is eval's, untiered last.
    const counts = evaluated.distribution.tiers.map((x) => x.customers);
    expect(replay.runs[k]!.computed.slice(0, counts.length), run.label).toEqual(counts);
  }
  return { replay, timeline };
}

describe('replay over a small history', () => {
  const customers = file('customers.csv', 'id\nA\nB\nC\n');
  // A's rows out of order: the log is sorted per customer before it is fed.
  const transactions = file(
    'transactions.csv',
    'id,date,amount\nA,2024-03-10,500\nC,2024-02-10,150\nA,2024-01-15,600\nX,2024-01-01,5\n',
  );

  it('steps each customer month by month: upgrades at once, downgrades at the review, flags', async () => {
    const policy = await policyOf(file('p.tier.yaml', POLICY));
    const { replay, timeline } = await expectEvalTiers(
      policy,
      customers,
      transactions,
      runs('2024-01', '2024-06'),
    );
    const of = (id: string) =>
      timeline.filter((e) => e.customer === id).map((e) => [e.run, e.tier, e.computed, e.events.join(' ')]);
    expect(of('A')).toEqual([
      ['2024-01', 'silver', 'silver', 'rated'],
      ['2024-02', 'silver', 'silver', ''],
      ['2024-03', 'gold', 'gold', 'upgrade'],
      // Below gold from April, kept until the quarterly review falls due on June 30th.
      ['2024-04', 'gold', 'silver', ''],
      ['2024-05', 'gold', 'silver', 'flagged'],
      ['2024-06', 'bronze', 'bronze', 'downgrade'],
    ]);
    expect(of('C').map((e) => e[1])).toEqual(['bronze', 'silver', 'silver', 'silver', 'bronze', 'bronze']);
    expect(replay.runs.map((r) => [r.label, r.asOf, r.upgrades, r.downgrades, r.changed])).toEqual([
      ['2024-01', '2024-01-31', 0, 0, 0],
      ['2024-02', '2024-02-29', 1, 0, 1],
      ['2024-03', '2024-03-31', 1, 0, 1],
      ['2024-04', '2024-04-30', 0, 0, 0],
      ['2024-05', '2024-05-31', 0, 1, 1],
      ['2024-06', '2024-06-30', 0, 1, 1],
    ]);
    const june = replay.runs[5]!;
    expect(june.tiers).toEqual([0, 0, 3, 0]);
    // gold → bronze (A); bronze stays bronze (B, C).
    expect(june.moves[0]![2]).toBe(1);
    expect(june.moves[2]![2]).toBe(2);
    expect(june.churn).toBeCloseTo(1 / 3, 12);
    expect(replay.runs[0]!.moves[3]).toEqual([0, 1, 2, 0]);
    expect(replay.stability.changes).toBe(4);
    expect(replay.stability.averageChurn).toBeCloseTo(4 / 15, 12);
    expect(replay.stability.worstRun).toBe('2024-02');
    expect(replay.customerMonths).toBe(18);
    expect(replay.transactions).toBe(3);
    // X is not a customer: said once, as eval says it.
    expect(replay.diagnostics.map((d) => d.code)).toEqual(['TW0609']);
  });

  it('gives the same runs, timeline and states a chunk of customers at a time', async () => {
    const policy = await policyOf(file('p.tier.yaml', POLICY));
    const replayed = async (chunkSize?: number) => {
      const timeline: TimelineEntry[] = [];
      const state = new Map([['GONE', { customer: 'GONE', tier: 'gold', flags: [] }]]);
      const r = await replayHistory(policy, {
        customers,
        transactions,
        runs: runs('2024-01', '2024-06'),
        state,
        chunkSize,
        onTimeline: (entries) => void timeline.push(...entries),
      });
      return { runs: r.runs, states: r.states, timeline, codes: r.diagnostics.map((d) => d.code) };
    };
    const whole = await replayed();
    expect(whole.codes).toEqual(['TW0609', 'TW1422']);
    // The customer the data lacks keeps its tier, counted in every run's distribution.
    expect(whole.runs[0]!.tiers[0]).toBe(1);
    expect(whole.states.at(-1)).toEqual({ customer: 'GONE', tier: 'gold', flags: [] });
    expect(await replayed(2)).toEqual(whole);
    expect(await replayed(1)).toEqual(whole);
  });

  it('starts from a given state, refusing one rated after the first run', async () => {
    const policy = await policyOf(file('p.tier.yaml', POLICY));
    const state = new Map([
      ['A', { customer: 'A', tier: 'gold', ratedAt: runs('2024-01', '2024-01')[0]!.day, flags: [] }],
    ]);
    const replay = await replayHistory(policy, {
      customers,
      transactions,
      runs: runs('2024-02', '2024-02'),
      state,
    });
    // Held gold with a silver score: the review falls due only in April.
    expect(replay.runs[0]!.tiers).toEqual([1, 1, 1, 0]);
    expect(replay.runs[0]!.rated).toBe(2);
    const late = await replayHistory(policy, {
      customers,
      transactions,
      runs: runs('2023-12', '2023-12'),
      state,
    });
    expect(late.failed).toBe(true);
    expect(late.diagnostics.map((d) => d.code)).toEqual(['TW0609', 'TW1423']);
  });
});

describe('replay over the bundled data (seed 004 scorecard)', () => {
  it('computes at each run exactly the tiers eval computes as of that day', async () => {
    const root = new URL('../../', import.meta.url).pathname;
    const policy = await policyOf(join(root, 'policies/seed004-scorecard.tier.yaml'));
    await expectEvalTiers(
      policy,
      join(root, 'examples/data/customers.csv'),
      join(root, 'examples/data/transactions.csv'),
      runs('2025-05', '2026-02', 'P9M'),
    );
  });
});
