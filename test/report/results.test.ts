import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Distribution } from '../../src/engine/distribution.js';
import { type EvaluationRun, runEvaluation } from '../../src/engine/run.js';
import { loadPolicy } from '../../src/policy/load.js';
import type { Policy } from '../../src/policy/schema/policy.js';
import { renderDistribution } from '../../src/report/distribution.js';
import { type ResultsInput, renderResults } from '../../src/report/results.js';
import { untranslated } from '../helpers/untranslated.js';

/** Four customers of the bundled data, with their transactions: names are companies, contacts people. */
const dir = mkdtempSync(join(tmpdir(), 'tierwise-results-'));
const IDS = ['C2012001', 'C2012002', 'C2012003', 'C2012004'];

function subset(file: string, out: string): string {
  const lines = readFileSync(join('examples/data', file), 'utf8').split(/\r?\n/);
  const kept = [lines[0]!, ...lines.slice(1).filter((l) => IDS.some((id) => l.startsWith(`${id},`)))];
  writeFileSync(join(dir, out), `${kept.join('\n')}\n`);
  return join(dir, out);
}

let policy: Policy;
let run: EvaluationRun;

beforeAll(async () => {
  policy = (await loadPolicy('policies/seed004-scorecard.tier.yaml')).policy!;
  run = await runEvaluation(policy, {
    customers: subset('customers.csv', 'c.csv'),
    transactions: subset('transactions.csv', 't.csv'),
    asOf: '2026-11-01',
  });
  expect(run.results).toHaveLength(4);
});

const input = (language: 'en' | 'zh-CN'): ResultsInput => ({
  policy,
  results: run.results,
  facts: run.facts,
  distribution: run.distribution,
  diagnostics: [],
  language,
});

describe('eval results name the customer', () => {
  it('shows the company name (not personal data) in the table, the CSV and the JSON; contacts stay out', () => {
    const table = renderResults('table', input('en'));
    expect(table.split('\n')[0]).toMatch(/^customer\s+name\s+tier\s+score\s+classes\s+flags$/);
    expect(table).toMatch(/^C2012001\s+无锡瑞丰新能源科技有限公司\s+/m);
    const csv = Papa.parse<Record<string, string>>(renderResults('csv', input('en')).trim(), {
      header: true,
    });
    expect(csv.data[0]).toMatchObject({ customer: 'C2012001', name: '无锡瑞丰新能源科技有限公司' });
    const json = JSON.parse(renderResults('json', input('en')));
    expect(json.customers[1]).toMatchObject({ customer: 'C2012002', name: '深圳立新汽车配件有限公司' });
    for (const format of ['table', 'csv', 'json', 'ndjson'] as const) {
      const text = renderResults(format, input('en'));
      expect(text).not.toContain('梁志强');
      expect(text).not.toContain('138-0000-7571');
    }
  });

  it('reads in Chinese: headings, tier labels and the distribution', () => {
    const table = renderResults('table', input('zh-CN'));
    expect(table.split('\n')[0]).toMatch(/^客户\s+名称\s+等级\s+得分\s+分类\s+标记$/);
    const ids = [...IDS, ...(policy.tiers?.levels.map((l) => l.id) ?? [])];
    expect(untranslated(table, ids)).toEqual([]);
  });

  it('explains in Chinese in the table, the CSV explanation column and the JSON', async () => {
    const explained = await runEvaluation(policy, {
      customers: join(dir, 'c.csv'),
      transactions: join(dir, 't.csv'),
      asOf: '2026-11-01',
      explain: true,
    });
    const zh: ResultsInput = { ...input('zh-CN'), results: explained.results, explain: true };
    const ids = [...IDS, ...(policy.tiers?.levels.map((l) => l.id) ?? [])];
    const table = renderResults('table', zh);
    expect(table).toContain('定级依据：得分 85 ≥ 70（重点客户）');
    expect(untranslated(table, ids)).toEqual([]);
    const csv = Papa.parse<Record<string, string>>(renderResults('csv', zh).trim(), { header: true });
    expect(csv.data[0]!.explanation).toMatch(
      /^C2012001 → 重点客户 \[key\]（得分 85，未取整 84\.54）\n客户价值/,
    );
    expect(untranslated(csv.data.map((row) => row.explanation).join('\n'), ids)).toEqual([]);
    const json = JSON.parse(renderResults('json', zh)) as { customers: { explanation: string[] }[] };
    expect(untranslated(json.customers.flatMap((c) => c.explanation).join('\n'), ids)).toEqual([]);
    // English keeps its words
    const en = renderResults('table', { ...zh, language: 'en' });
    expect(en).toContain('  decided by: score 85 is ≥ 70 (tier Key)');
  });
});

/**
 * 217 + 217 + 1,565 customers and 1 without a tier: 10.85%, 10.85%, 78.25%, 0.05% — rounded alone
 * they add up to 100.2%. The larger remainder (a tie here) goes to the larger tier, then the first.
 */
const DISTRIBUTION: Distribution = {
  customers: 2000,
  untiered: 1,
  untieredCauses: [],
  revenueFact: 'spend12m',
  currency: 'CNY',
  revenue: 1_069_356.5,
  tiers: [
    {
      tier: 'vip',
      label: { 'zh-CN': '贵宾', en: 'VIP' },
      customers: 217,
      share: 217 / 2000,
      revenue: 500_000.25,
      revenueShare: 500_000.25 / 1_069_356.5,
      averageScore: 91,
    },
    {
      tier: 'key',
      label: { 'zh-CN': '重点客户', en: 'Key' },
      customers: 217,
      share: 217 / 2000,
      revenue: 300_000.25,
      revenueShare: 300_000.25 / 1_069_356.5,
      averageScore: 75.25,
    },
    {
      tier: 'watch',
      label: { 'zh-CN': '观察', en: 'Watch' },
      customers: 1565,
      share: 1565 / 2000,
      revenue: 269_356,
      revenueShare: 269_356 / 1_069_356.5,
      averageScore: 40,
    },
  ],
};

describe('renderDistribution (eval --summary)', () => {
  it('table: shares that add up to the total row, money in whole units, scores to one decimal', () => {
    const lines = renderDistribution('table', DISTRIBUTION).trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^tier\s+customers\s+share\s+revenue \(CNY\)\s+revenue share\s+avg score \(points\)$/,
    );
    expect(lines[2]).toMatch(/^VIP \[vip\]\s+217\s+10\.9%\s+500,000\s+46\.8%\s+91\.0$/);
    // 28.06% alone would read 28.1%; the tenth lost in rounding goes to VIP (46.76%) and watch (25.19%).
    expect(lines[3]).toMatch(/^Key \[key\]\s+217\s+10\.8%\s+300,000\s+28\.0%\s+75\.3$/);
    expect(lines[5]).toMatch(/^No tier\s+1\s+0\.0%\s+0\s+0\.0%$/);
    expect(lines[6]).toMatch(/^total\s+2,000\s+100\.0%\s+1,069,357\s+100\.0%$/);
    const shares = lines.slice(2, 6).map((l) => Number(/([\d.]+)%/.exec(l)![1]) * 10);
    expect(shares.reduce((n, s) => n + s, 0)).toBe(1000);
  });

  it('json, csv and ndjson carry the same figures for programs', () => {
    expect(JSON.parse(renderDistribution('json', DISTRIBUTION))).toEqual(DISTRIBUTION);
    const csv = renderDistribution('csv', DISTRIBUTION);
    expect(csv.split('\r\n')[0]).toBe(
      'tier,tier_zh,tier_en,customers,share_percent,revenue,revenue_share_percent,average_score',
    );
    expect(csv).toContain('\r\nvip,贵宾,VIP,217,10.9,500000.25,46.8,91\r\n');
    expect(csv).toContain('\r\n,,,1,0,0,0,\r\n');
    const rows = renderDistribution('ndjson', DISTRIBUTION)
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows).toHaveLength(4);
    expect(rows[1]).toEqual({
      tier: 'key',
      label: { 'zh-CN': '重点客户', en: 'Key' },
      customers: 217,
      sharePercent: 10.8,
      revenue: 300000.25,
      revenueSharePercent: 28,
      averageScore: 75.3,
    });
    expect(rows[3]).toMatchObject({ tier: null, customers: 1 });
  });

  it('in Chinese', () => {
    const text = renderDistribution('table', DISTRIBUTION, { language: 'zh-CN' });
    expect(text).toMatch(/^等级\s+客户数\s+占比\s+营收 \(CNY\)\s+营收占比\s+平均分 \(分\)$/m);
    expect(text).toMatch(/^未分级\s+1/m);
    expect(untranslated(text, ['vip', 'key', 'watch'])).toEqual([]);
  });
});
