import { decimal, toCsv } from './csv.js';
import { type Day, dayOf, isoOf } from './dates.js';
import { AS_OF } from './window.js';

/**
 * The seeds' worked examples as data files, so that the bundled policies can be tested on exactly
 * the numbers the handbooks print (test/examples/seeds.test.ts).
 */

/** Seed 004's score sheet (表2) is dated 2024-03-01. */
export const RFM_AS_OF = '2024-03-01';

interface Company {
  id: string;
  name: string;
  industry: string;
  industryGrowthPercent: number;
  repurchasePercent: number;
  /** Days from the last order to the sheet's date, orders in the year, and the year's spend. */
  recencyDays: number;
  orders: number;
  spend: number;
}

// seed 004, 表2: A 30 days / 12 a year / 800,000 / high (+15%) / 85% → 92 VIP; B 60 / 6 / 300,000 /
// medium (+8%) / 60% → 75 key; C 120 / 2 / 80,000 / low, shrinking (the sheet gives no figure:
// −3%) / 30% → 45 watch.
const SHEET: readonly Company[] = [
  {
    id: 'C2024001',
    name: 'A公司',
    industry: '新能源',
    industryGrowthPercent: 15,
    repurchasePercent: 85,
    recencyDays: 30,
    orders: 12,
    spend: 800_000,
  },
  {
    id: 'C2024002',
    name: 'B公司',
    industry: '汽车零部件',
    industryGrowthPercent: 8,
    repurchasePercent: 60,
    recencyDays: 60,
    orders: 6,
    spend: 300_000,
  },
  {
    id: 'C2024003',
    name: 'C公司',
    industry: '印刷包装',
    industryGrowthPercent: -3,
    repurchasePercent: 30,
    recencyDays: 120,
    orders: 2,
    spend: 80_000,
  },
];

/**
 * Orders at regular intervals, the last `recencyDays` before the sheet's date and the interval
 * equal to it (docs/facts.md, "Seed 004's three companies"): A's oldest, 360 days back, is still
 * inside the 12 months. Whole yuan, so that the year's spend adds up exactly.
 */
function rfmTransactions(): string[][] {
  const asOf = dayOf(RFM_AS_OF);
  return SHEET.flatMap((c) =>
    split(c.spend, c.orders).map((yuan, i) => [c.id, isoOf(asOf - c.recencyDays * (i + 1)), String(yuan)]),
  ).sort((a, b) => (a[1]! < b[1]! ? -1 : a[1]! > b[1]! ? 1 : 0));
}

/** `total` in `count` whole amounts as equal as they can be; they sum to `total` exactly. */
function split(total: number, count: number): number[] {
  const base = Math.floor(total / count);
  return Array.from({ length: count }, (_, i) => base + (i < total - base * count ? 1 : 0));
}

// seed 001, 二(2): "以一位VIP客户为例" 90, 85, 80, 95, 75 → 85.25, published as 85. The second
// customer is this file's, to show a customer in another tier.
const FIVE_FACTOR = [
  ['C2026801', '示例VIP客户（制度原文）', '90', '85', '80', '95', '75'],
  ['C2026802', '示例金卡客户', '70', '60', '65', '80', '55'],
];

interface LevelCase {
  id: string;
  spend: number;
  perMonth: number;
  note: string;
}

// seed 001, 二(1): customers on and around the five levels' boundaries. The literal policy leaves
// some of them without a level (TW0702); the corrected one places everyone.
const LEVEL_CASES: readonly LevelCase[] = [
  { id: 'C2026901', spend: 30_000, perMonth: 2, note: '3万元、每月2次：原文无对应等级，修订版为普通' },
  { id: 'C2026902', spend: 30_000, perMonth: 3, note: '3万元、每月3次：原文无对应等级，修订版为普通' },
  { id: 'C2026903', spend: 600_000, perMonth: 0.5, note: '60万元、两月1次：原文无对应等级，修订版为白金' },
  { id: 'C2026904', spend: 520_000, perMonth: 1, note: '52万元、每月1次：VIP' },
  { id: 'C2026905', spend: 500_000, perMonth: 2, note: '恰好50万元（未超过50万）、每月2次：白金' },
  { id: 'C2026906', spend: 500_000, perMonth: 1, note: '恰好50万元、每月1次：原文无对应等级，修订版为金卡' },
  { id: 'C2026907', spend: 200_000, perMonth: 2, note: '恰好20万元、每月2次：白金' },
  {
    id: 'C2026908',
    spend: 200_000,
    perMonth: 3,
    note: '恰好20万元、每月3次：白金与金卡重叠，先列者白金胜出',
  },
  { id: 'C2026909', spend: 150_000, perMonth: 2, note: '15万元、每月2次：原文无对应等级，修订版为银卡' },
  { id: 'C2026910', spend: 100_000, perMonth: 3, note: '恰好10万元、每月3次：金卡' },
  { id: 'C2026911', spend: 80_000, perMonth: 4, note: '8万元、每月4次：银卡' },
  { id: 'C2026912', spend: 50_000, perMonth: 4, note: '恰好5万元、每月4次：银卡' },
  { id: 'C2026913', spend: 45_000, perMonth: 5, note: '4.5万元、每月5次：普通' },
  { id: 'C2026914', spend: 45_000, perMonth: 4, note: '4.5万元、每月4次：原文无对应等级，修订版为普通' },
];

/** Evenly spaced over the 12 months up to the examples' as-of date, the last on that day. */
function levelTransactions(): string[][] {
  const asOf: Day = dayOf(AS_OF);
  return LEVEL_CASES.flatMap((c) => {
    const count = c.perMonth * 12;
    return split(c.spend, count).map((yuan, i) => [
      c.id,
      isoOf(asOf - Math.floor((i * 365) / count)),
      String(yuan),
    ]);
  }).sort(
    (a, b) => (a[1]! < b[1]! ? -1 : a[1]! > b[1]! ? 1 : 0) || (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0),
  );
}

/** Paths under examples/seeds/ → contents. */
export function seedFiles(): Record<string, string> {
  return {
    'seed004-rfm-customers.csv': toCsv(
      ['客户编号', '客户名称', '所属行业', '行业增速', '复购率'],
      SHEET.map((c) => [
        c.id,
        c.name,
        c.industry,
        String(c.industryGrowthPercent),
        String(c.repurchasePercent),
      ]),
    ),
    'seed004-rfm-transactions.csv': toCsv(['客户编号', '交易日期', '交易金额'], rfmTransactions()),
    'seed001-five-factor.csv': toCsv(
      [
        '客户编号',
        '客户名称',
        '购买行为得分',
        '消费金额得分',
        '购买频率得分',
        '客户满意度得分',
        '客户推荐意愿得分',
      ],
      FIVE_FACTOR,
    ),
    'seed001-levels.csv': toCsv(
      ['客户编号', '月均购买次数', '说明'],
      LEVEL_CASES.map((c) => [c.id, decimal(c.perMonth, 2), c.note]),
    ),
    'seed001-levels-transactions.csv': toCsv(['客户编号', '交易日期', '交易金额'], levelTransactions()),
  };
}
