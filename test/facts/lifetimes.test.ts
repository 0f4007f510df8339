import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCustomers } from '../../src/facts/customers.js';
import { deriveContext, factPlan, interpretFacts, presentFacts } from '../../src/facts/derive.js';
import { loadPolicy } from '../../src/policy/load.js';
import type { Policy } from '../../src/policy/schema/policy.js';
import { propertyRuns } from '../helpers/runs.js';

/**
 * policies/lifetimes-rfm.tier.yaml held to lifetimes' summary_data_from_transaction_data, computed
 * here by a straightforward reading of its public definition (luxon and plain maps, nothing of
 * src/facts): drop transactions after the observation end; reduce each to its period (the zone's
 * calendar day; for freq='W' the Monday-to-Sunday week, pandas' W-SUN); sum a customer's amounts
 * per period; frequency = periods − 1; T = start of the observation end's period − start of the
 * first period, recency = start of the last period − start of the first, both in periods;
 * monetary value = the mean of the period totals after the first, 0 without any.
 */
interface Summary {
  frequency: number;
  recency: number;
  T: number;
  monetary: number;
}

interface Purchase {
  customer: string;
  at: number;
  amount: number;
}

type Freq = 'D' | 'W';

function periodStart(at: number, zone: string, freq: Freq): string {
  const local = DateTime.fromMillis(at, { zone });
  // luxon's weeks are ISO weeks, Monday first, whatever the locale
  return local.startOf(freq === 'D' ? 'day' : 'week').toISODate()!;
}

function daysBetween(from: string, to: string): number {
  const utc = (date: string) =>
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8)));
  return (utc(to) - utc(from)) / 86_400_000;
}

function lifetimesSummary(
  purchases: Purchase[],
  asOf: string,
  zone: string,
  freq: Freq,
): Map<string, Summary> {
  const end = DateTime.fromISO(asOf, { zone }).endOf('day').toMillis();
  const perCustomer = new Map<string, Map<string, number>>();
  for (const p of purchases) {
    if (p.at > end) continue;
    const periods = perCustomer.get(p.customer) ?? new Map<string, number>();
    const period = periodStart(p.at, zone, freq);
    periods.set(period, (periods.get(period) ?? 0) + p.amount);
    perCustomer.set(p.customer, periods);
  }
  const unit = freq === 'D' ? 1 : 7;
  const observed = periodStart(end, zone, freq);
  const summaries = new Map<string, Summary>();
  for (const [customer, periods] of perCustomer) {
    const sorted = [...periods.keys()].sort();
    const first = sorted[0]!;
    const repeat = sorted.slice(1).map((period) => periods.get(period)!);
    summaries.set(customer, {
      frequency: sorted.length - 1,
      recency: daysBetween(first, sorted.at(-1)!) / unit,
      T: daysBetween(first, observed) / unit,
      monetary: repeat.length === 0 ? 0 : repeat.reduce((a, b) => a + b, 0) / repeat.length,
    });
  }
  return summaries;
}

/** The policy's facts for lifetimes' columns (docs/facts.md, "lifetimes' summary as facts"). */
const COLUMNS: Record<Freq, Record<keyof Summary | 'derived', string>> = {
  D: {
    frequency: 'repeatDays',
    recency: 'spanDays',
    T: 'ageDays',
    monetary: 'repeatDailySpend',
    derived: 'monetaryDaily',
  },
  W: {
    frequency: 'repeatWeeks',
    recency: 'spanWeeks',
    T: 'ageWeeks',
    monetary: 'repeatWeeklySpend',
    derived: 'monetaryWeekly',
  },
};

const AS_OF = '2024-03-01';
const CUSTOMERS = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6'];

/** Purchases within ~14 months before the as-of and a few days after it, often several a day. */
const purchase = (zone: string) =>
  fc
    .record({
      customer: fc.constantFrom(...CUSTOMERS),
      daysBack: fc.integer({ min: -5, max: 420 }),
      minute: fc.integer({ min: 0, max: 1439 }),
      cents: fc.integer({ min: 1, max: 5_000_000 }),
    })
    .map(({ customer, daysBack, minute, cents }) => {
      const day = DateTime.fromISO(AS_OF, { zone }).minus({ days: daysBack });
      const at = day.plus({ minutes: minute }).toMillis();
      return { customer, at, amount: cents / 100 };
    });

const scenario = fc
  .constantFrom('Asia/Shanghai', 'UTC', 'America/New_York')
  .chain((zone) =>
    fc.record({ zone: fc.constant(zone), purchases: fc.array(purchase(zone), { maxLength: 60 }) }),
  );

describe("policies/lifetimes-rfm.tier.yaml gives lifetimes' summary", () => {
  let policy: Policy;
  let dir: string;
  let run = 0;

  beforeAll(async () => {
    const loaded = await loadPolicy(
      new URL('../../policies/lifetimes-rfm.tier.yaml', import.meta.url).pathname,
    );
    if (!loaded.policy) throw new Error('policies/lifetimes-rfm.tier.yaml does not load');
    policy = loaded.policy;
    dir = mkdtempSync(join(tmpdir(), 'tierwise-lifetimes-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Every customer's facts through the normal loader, from CSV files as a user would give them. */
  async function factsOf(zone: string, purchases: Purchase[]): Promise<Map<string, Record<string, unknown>>> {
    run++;
    const customers = join(dir, `customers-${run}.csv`);
    const transactions = join(dir, `transactions-${run}.csv`);
    writeFileSync(customers, ['客户编号', ...CUSTOMERS].join('\n'));
    const rows = purchases.map(
      (p) => `${p.customer},${DateTime.fromMillis(p.at, { zone }).toISO()},${p.amount}`,
    );
    writeFileSync(transactions, ['客户编号,交易日期,交易金额', ...rows].join('\n'));
    const zoned = { ...policy, metadata: { ...policy.metadata, timezone: zone } };
    const loaded = await loadCustomers(zoned, { customers, transactions, asOf: AS_OF });
    expect(loaded.diagnostics).toEqual([]);
    // Derived facts (monetaryDaily = coalesce(repeatDailySpend, 0)) as evaluation computes them.
    const plan = factPlan(zoned);
    const derive = interpretFacts(plan, deriveContext(plan, loaded.asOf));
    return new Map(loaded.customers.map((c) => [c.id, presentFacts(plan, derive(c.facts))]));
  }

  it('for every customer, daily and weekly, in several zones', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ zone, purchases }) => {
        const facts = await factsOf(zone, purchases);
        for (const freq of ['D', 'W'] as const) {
          const expected = lifetimesSummary(purchases, AS_OF, zone, freq);
          const names = COLUMNS[freq];
          for (const customer of CUSTOMERS) {
            const f = facts.get(customer)!;
            const summary = expected.get(customer);
            const label = `${zone} ${freq} ${customer}`;
            if (summary === undefined) {
              // lifetimes leaves a customer without purchases out; the facts say "none"
              expect([label, f[names.frequency], f[names.recency], f[names.T]]).toEqual([
                label,
                0,
                undefined,
                undefined,
              ]);
              continue;
            }
            expect([label, f[names.frequency], f[names.recency], f[names.T]]).toEqual([
              label,
              summary.frequency,
              summary.recency,
              summary.T,
            ]);
            // lifetimes' 0 for no repeat period is a missing value of the aggregate (docs/facts.md),
            // and 0 again in the derived fact that writes lifetimes' definition
            const monetary = f[names.monetary];
            if (summary.frequency === 0) expect([label, monetary]).toEqual([label, undefined]);
            else expect(monetary as number, label).toBeCloseTo(summary.monetary, 6);
            expect(f[names.derived] as number, label).toBeCloseTo(summary.monetary, 6);
          }
        }
      }),
      { seed: 20240301, numRuns: propertyRuns(25, 300) },
    );
  });

  it('on a worked example: orders of 2023-06-01 (two), 09-10 and 2024-01-15, one after the as-of', async () => {
    const zone = 'Asia/Shanghai';
    const at = (iso: string) => DateTime.fromISO(iso, { zone }).toMillis();
    const purchases = [
      { customer: 'C1', at: at('2023-06-01T10:00'), amount: 100 },
      { customer: 'C1', at: at('2023-06-01T16:00'), amount: 300 },
      { customer: 'C1', at: at('2023-09-10T10:00'), amount: 200 },
      { customer: 'C1', at: at('2024-01-15T10:00'), amount: 400 },
      { customer: 'C1', at: at('2024-03-05T10:00'), amount: 900 },
      { customer: 'C2', at: at('2024-02-26T10:00'), amount: 50 },
      { customer: 'C2', at: at('2024-03-01T23:59'), amount: 70 },
    ];
    const f = await factsOf(zone, purchases);
    expect(f.get('C1')).toMatchObject({
      repeatDays: 2,
      spanDays: 228,
      ageDays: 274,
      repeatDailySpend: 300,
      repeatWeeks: 2,
      spanWeeks: 33,
      ageWeeks: 39,
      repeatWeeklySpend: 300,
      firstPurchase: '2023-06-01T10:00:00+08:00',
      lastPurchase: '2024-01-15T10:00:00+08:00',
    });
    // Monday and Friday of one week: a repeat day, not a repeat week.
    expect(f.get('C2')).toMatchObject({
      repeatDays: 1,
      repeatWeeks: 0,
      ageWeeks: 0,
      repeatWeeklySpend: undefined,
    });
    expect(lifetimesSummary(purchases, AS_OF, zone, 'W').get('C1')).toEqual({
      frequency: 2,
      recency: 33,
      T: 39,
      monetary: 300,
    });
  });
});
