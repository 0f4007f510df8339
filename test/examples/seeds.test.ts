import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, RFM_AS_OF } from '../../examples/generator/index.js';
import { ROOT } from '../e2e/cli.js';
import { customerOf, evalJson, type JsonReport, MAIN_DATA } from './report.js';

/** The seeds' worked examples (examples/seeds), evaluated with the bundled policies by the real CLI. */
const SEEDS = 'examples/seeds';

describe('seed 004, 表2: the RFM sheet from raw transactions as of 2024-03-01', () => {
  let report: JsonReport;
  beforeAll(async () => {
    report = (
      await evalJson('policies/seed004-rfm.tier.yaml', [
        '--data',
        `${SEEDS}/seed004-rfm-customers.csv`,
        '--transactions',
        `${SEEDS}/seed004-rfm-transactions.csv`,
        '--as-of',
        RFM_AS_OF,
      ])
    ).report;
  });

  it.each([
    ['C2024001', 'A公司', 30, 12, 800_000, 15, 85, 92, 'vip'],
    ['C2024002', 'B公司', 60, 6, 300_000, 8, 60, 75, 'key'],
    ['C2024003', 'C公司', 120, 2, 80_000, -3, 30, 45, 'watch'],
  ] as const)(
    '%s %s: %i days, %i orders, %i CNY, %i%% industry, %i%% repurchase → %i %s',
    (id, name, recency, orders, spend, industry, repurchase, score, tier) => {
      const customer = customerOf(report, id);
      expect(customer.facts).toMatchObject({
        customerName: name,
        daysSinceLastPurchase: recency,
        orders12m: orders,
        spend12m: spend,
        industryGrowth: industry,
        repurchaseRate: repurchase,
      });
      // the sheet's totals come out without rounding
      expect(customer.rawScore).toBe(score);
      expect(customer.score).toBe(score);
      expect(customer.tier).toBe(tier);
    },
  );

  it('reads the files without a single finding', () => {
    expect(report.diagnostics).toEqual([]);
  });

  it('gives the same on the reference engine (json-rules-engine)', async () => {
    const { report: reference } = await evalJson('policies/seed004-rfm.tier.yaml', [
      '--data',
      `${SEEDS}/seed004-rfm-customers.csv`,
      '--transactions',
      `${SEEDS}/seed004-rfm-transactions.csv`,
      '--as-of',
      RFM_AS_OF,
      '--engine',
      'reference',
    ]);
    expect(reference.customers.map((c) => [c.customer, c.rawScore, c.tier])).toEqual([
      ['C2024001', 92, 'vip'],
      ['C2024002', 75, 'key'],
      ['C2024003', 45, 'watch'],
    ]);
  });
});

describe('seed 001, 二(2): the five-factor score', () => {
  it('scores 90, 85, 80, 95, 75 as 85.25, published as 85: VIP', async () => {
    const { report } = await evalJson('policies/seed001-five-factor.tier.yaml', [
      '--data',
      `${SEEDS}/seed001-five-factor.csv`,
    ]);
    const customer = customerOf(report, 'C2026801');
    expect(customer.rawScore).toBe(85.25);
    expect(customer.score).toBe(85);
    expect(customer.tier).toBe('vip');
    // annual spend is shown beside the tiers only; without a transaction log it is missing, a warning
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('seed 001, 二(1): the five levels, literal and corrected', () => {
  const levels = async (policy: string) =>
    (
      await evalJson(`policies/${policy}.tier.yaml`, [
        '--data',
        `${SEEDS}/seed001-levels.csv`,
        '--transactions',
        `${SEEDS}/seed001-levels-transactions.csv`,
        '--as-of',
        AS_OF,
      ])
    ).report;

  // customer → [as written, corrected]; undefined: no level (the literal rules' gaps)
  const EXPECTED: Record<string, [string | undefined, string]> = {
    C2026901: [undefined, 'regular'], // 30,000 CNY, 2 a month
    C2026902: [undefined, 'regular'], // 30,000 CNY, 3 a month
    C2026903: [undefined, 'platinum'], // 600,000 CNY, every other month
    C2026904: ['vip', 'vip'],
    C2026905: ['platinum', 'platinum'], // exactly 500,000 is not "超过50万"
    C2026906: [undefined, 'gold'], // exactly 500,000, once a month
    C2026907: ['platinum', 'platinum'],
    C2026908: ['platinum', 'platinum'], // 200,000 at 3 a month is also gold: the first listed wins
    C2026909: [undefined, 'silver'],
    C2026910: ['gold', 'gold'],
    C2026911: ['silver', 'silver'],
    C2026912: ['silver', 'silver'],
    C2026913: ['regular', 'regular'],
    C2026914: [undefined, 'regular'],
  };

  it('leaves 30,000 CNY at 2 purchases a month without a tier when read literally (TW0702)', async () => {
    const report = await levels('seed001-five-levels-literal');
    const gap = customerOf(report, 'C2026901');
    expect(gap.facts).toMatchObject({ annualSpend: 30_000, ordersPerMonth: 2 });
    expect(gap.tier).toBeUndefined();
    expect(gap.diagnostics?.map((d) => d.code)).toEqual(['TW0702']);
    for (const [id, [literal]] of Object.entries(EXPECTED))
      expect([id, customerOf(report, id).tier]).toEqual([id, literal]);
  });

  it('places every customer when corrected', async () => {
    const report = await levels('seed001-five-levels');
    expect(customerOf(report, 'C2026901').tier).toBe('regular');
    for (const [id, [, corrected]] of Object.entries(EXPECTED))
      expect([id, customerOf(report, id).tier]).toEqual([id, corrected]);
    expect(report.diagnostics).toEqual([]);
  });
});

describe('seed 004 scorecard explanations', () => {
  it('tells a customer below VIP what it would take to move up', async () => {
    const first = readFileSync(join(ROOT, 'examples/data/customers.csv'), 'utf8')
      .split('\n')
      .slice(1, 11)
      .map((line) => line.split(',')[0]!);
    const { report } = await evalJson('policies/seed004-scorecard.tier.yaml', [
      ...MAIN_DATA,
      '--as-of',
      AS_OF,
      '--customer',
      ...first,
    ]);
    const below = report.customers.find((c) => c.tier === 'key');
    expect(below, 'one of the first ten customers is a key customer').toBeDefined();
    expect(below!.moveUp).toBeDefined();
    expect(below!.explanation!.some((line) => /^ {2}to move up: \+[\d.]+ points for VIP\b/.test(line))).toBe(
      true,
    );
  });
});
