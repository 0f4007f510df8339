import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { percent } from '../../../src/format/figure.js';
import { render } from '../../../src/i18n/text.js';
import {
  renderCalibration,
  renderDiff,
  renderSimulation,
  SIMULATION_FORMATS,
} from '../../../src/report/simulation/index.js';
import { textWidth } from '../../../src/report/table.js';
import { calibration, policyDiff, simulation } from './fixtures.js';

const en = { lang: 'en' } as const;
const zh = { lang: 'zh-CN' } as const;

/** The lines of one `== title ==` block of the table format. */
function block(text: string, title: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(`== ${title} ==`);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = lines.indexOf('', start);
  return lines.slice(start + 1, end);
}

function csvRows(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text.trimEnd(), { skipEmptyLines: false });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('percent', () => {
  it('rounds to one decimal, halves away from zero, as every surface does', () => {
    expect(percent(1).text).toBe('100.0%');
    expect(percent(0.99999).text).toBe('100.0%');
    expect(percent(2 / 3).text).toBe('66.7%');
    expect(percent(0.1085).text).toBe('10.9%');
    expect(percent(0.29).text).toBe('29.0%');
    expect(percent(0.05).text).toBe('5.0%');
    expect(percent(1 / 1_000_000).text).toBe('0.0%');
    expect(percent(undefined).text).toBe('');
    expect(percent(0.749999).value).toBe(75);
  });
});

describe('renderSimulation', () => {
  it('offers the five formats', () => {
    expect([...SIMULATION_FORMATS]).toEqual(['table', 'json', 'csv', 'md', 'html']);
  });

  it('table: grouped numbers, units, shares that add up to the totals row', () => {
    const text = renderSimulation('table', simulation(), en);
    const tiers = block(text, 'Tiers');
    expect(tiers[0]).toMatch(
      /^tier\s+customers\s+share\s+revenue \(CNY\)\s+revenue share\s+avg score \(points\)/,
    );
    expect(tiers[0]).toContain('entitlement cost (CNY)');
    expect(tiers).toContainEqual(
      expect.stringMatching(/^VIP \[vip\]\s+50,000\s+5\.0%\s+40,000,000\s+40\.0%\s+91\.2\s+10%\s+4,000,000$/),
    );
    // 749,999 of 1,000,000 is 74.9999%: rounded 75.0%, so that 5.0 + 20.0 + 75.0 + 0.0 is the 100.0%
    // below (cut, the rows read 99.9%).
    expect(tiers).toContainEqual(expect.stringMatching(/^silver\s+749,999\s+75\.0%\s+24,999,000\s+25\.0%/));
    expect(tiers).toContainEqual(expect.stringMatching(/^No tier\s+1\s+0\.0%\s+1,000\s+0\.0%$/));
    expect(tiers.at(-1)).toMatch(/^total\s+1,000,000\s+100\.0%\s+100,000,000\s+100\.0%\s+6,249,980$/);
    const service = block(text, 'Service load');
    expect(service[0]).toMatch(/visit \(contacts \/ quarter\)\s+call \(contacts \/ quarter\)$/);
    expect(service.at(-1)).toMatch(/^total\s+50,000\s+50,000\s+50,000\s+750,000$/);
    expect(block(text, 'KPIs (averages)')[0]).toMatch(/Average order value \(CNY\)\s+Repurchase rate/);
    expect(block(text, 'Re-rating flags').at(-1)).toMatch(/^total\s+3,120$/);
    expect(block(text, 'Classes: Industry')[2]).toMatch(
      /^Retail \[retail\]\s+880,001\s+88\.0%\s+30,000\s+150,000/,
    );
    expect(text).not.toContain('TW0601');
  });

  it('table in Chinese: headings and labels translated, columns aligned by display width', () => {
    const text = renderSimulation('table', simulation(), zh);
    expect(text).toContain('== 等级分布 ==');
    const tiers = block(text, '等级分布');
    expect(tiers[0]).toMatch(/^等级\s+客户数\s+占比\s+营收 \(CNY\)/);
    expect(tiers).toContainEqual(expect.stringMatching(/^贵宾 \[vip\]\s+50,000/));
    expect(tiers).toContainEqual(expect.stringMatching(/^未分级\s+1\s/));
    // Every row ends in a right-aligned number, so every line is as wide as the header on screen.
    const service = block(text, '服务负荷');
    const widths = new Set(service.map(textWidth));
    expect(widths.size).toBe(1);
    expect(service[0]!.length).toBeLessThan(textWidth(service[0]!));
  });

  it('tier labels fall back to the id when the language has none', () => {
    const s = simulation();
    s.tiers[0]!.label = { 'zh-CN': '贵宾' };
    expect(block(renderSimulation('table', s, en), 'Tiers')[2]).toMatch(/^vip\s+50,000/);
  });

  it('json: the object itself, keys sorted, diagnostics included', () => {
    const s = simulation();
    const text = renderSimulation('json', s, en);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(s)));
    expect(Object.keys(JSON.parse(text))).toEqual(Object.keys(JSON.parse(JSON.stringify(s))).sort());
    expect(JSON.parse(text).diagnostics[0].code).toBe('TW0601');
    // The same object built in another key order prints the same text.
    const reversed = Object.fromEntries(Object.entries(s).reverse()) as unknown as typeof s;
    expect(renderSimulation('json', reversed, en)).toBe(text);
  });

  it('csv: one header row, numbers as numbers, units in their own column', () => {
    const rows = csvRows(renderSimulation('csv', simulation(), en));
    expect(rows[0]).toEqual(['section', 'item', 'measure', 'value', 'unit']);
    expect(rows.every((r) => r.length === 5)).toBe(true);
    expect(rows).toContainEqual(['tiers', 'VIP [vip]', 'revenue', '40000000', 'CNY']);
    expect(rows).toContainEqual(['tiers', 'silver', 'share', '75', '%']);
    expect(rows).toContainEqual(['tiers', 'total', 'customers', '1000000', '']);
    expect(rows).toContainEqual(['service', 'total', 'call', '750000', 'contacts / quarter']);
  });

  it('csv: RFC 4180 quoting, and a label that would run as a formula is prefixed with a quote', () => {
    const text = renderSimulation('csv', simulation('=SUM(A1:A9), "vip"'), zh);
    expect(text).toContain(`tiers,"'=SUM(A1:A9), ""vip"" [vip]",客户数,50000,\r\n`);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = csvRows(text);
    expect(rows).toContainEqual(['tiers', `'=SUM(A1:A9), "vip" [vip]`, '客户数', '50000', '']);
    for (const lead of ['+', '-', '@']) {
      const cell = csvRows(renderSimulation('csv', simulation(`${lead}cmd`), en)).find(
        (r) => r[0] === 'tiers',
      );
      expect(cell?.[1]).toBe(`'${lead}cmd [vip]`);
    }
  });

  it('md: GitHub tables, numbers right-aligned, pipes and markup in labels escaped', () => {
    const text = renderSimulation('md', simulation('A|B <b>'), en);
    expect(text.startsWith('# Population simulation: Retail tiers retail 1.2.0\n')).toBe(true);
    expect(text).toContain(
      '| tier | customers | share | revenue (CNY) | revenue share | avg score (points) | discount quota | entitlement cost (CNY) |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    expect(text).toContain(
      '| A\\|B &lt;b> [vip] | 50,000 | 5.0% | 40,000,000 | 40.0% | 91.2 | 10% | 4,000,000 |',
    );
    expect(text).toContain('| total | 1,000,000 | 100.0% | 100,000,000 | 100.0% |  |  | 6,249,980 |');
  });
});

describe('renderSimulation html', () => {
  const hostile = simulation('<script>alert(1)</script>');
  hostile.kpiFacts[1]!.label = { en: 'rate</script><!-- \u2028 \u2029' };
  const html = renderSimulation('html', hostile, en);

  function island(page: string): { report: unknown; charts: { id: string }[] } {
    const match = /<script type="application\/json" id="tierwise-data">([\s\S]*?)<\/script>/.exec(page);
    expect(match).not.toBeNull();
    return JSON.parse(match![1]!);
  }

  it('is self-contained: ECharts inline, no external URL in any src or href', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).toContain('echarts');
    expect(html.length).toBeGreaterThan(1_000_000);
  });

  it('escapes labels in the page and in the data island', () => {
    // Three script elements: the data, ECharts and the boot script; the label adds none.
    expect(html.match(/<script/gi)).toHaveLength(3);
    expect(html).toContain('<td>&lt;script&gt;alert(1)&lt;/script&gt; [vip]</td>');
    const data = html.slice(html.indexOf('id="tierwise-data">'), html.indexOf('</script>'));
    expect(data).not.toMatch(/<\/script|<!--|\u2028|\u2029/i);
    const parsed = island(html) as { report: typeof hostile };
    expect(parsed.report.kpiFacts[1]!.label!.en).toBe('rate</script><!-- \u2028 \u2029');
    expect(parsed.report.tiers[0]!.label!['zh-CN']).toBe('<script>alert(1)</script>');
    expect(parsed.report).not.toHaveProperty('diagnostics');
  });

  it('names a container for each chart, and the tables follow', () => {
    const { charts } = island(html);
    expect(charts.map((c) => c.id)).toEqual(['chart-customers', 'chart-revenue', 'chart-cost']);
    for (const c of charts) expect(html).toContain(`<div class="chart" id="${c.id}"`);
    expect(html).toContain('<h2>Service load</h2>');
  });

  it('in Chinese: lang attribute, headings and chart titles', () => {
    const page = renderSimulation('html', simulation(), zh);
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('<h1>客群模拟：零售分级 retail 1.2.0</h1>');
    expect(page).toContain('<figcaption>各等级客户数</figcaption>');
    expect(page).toContain('<h2>服务负荷</h2>');
  });
});

describe('renderDiff', () => {
  it('table: the migration matrix with row totals, before/after, deltas and movers', () => {
    const text = renderDiff('table', policyDiff(), en);
    const matrix = block(text, 'Migration matrix: customers');
    expect(matrix[0]).toMatch(/^from \\ to\s+VIP \[vip\]\s+Gold \[gold\]\s+silver\s+No tier\s+total$/);
    expect(matrix[3]).toMatch(/^Gold \[gold\]\s+1\s+1\s+0\s+1\s+3$/);
    expect(block(text, 'Migration matrix: revenue (CNY)')[3]).toMatch(
      /^Gold \[gold\]\s+2,000,000\s+1,000,000\s+0\s+10\s+3,000,010$/,
    );
    const overview = block(text, 'Overview');
    expect(overview).toContainEqual(expect.stringMatching(/^upgrades\s+2$/));
    expect(overview).toContainEqual(expect.stringMatching(/^downgrades\s+1$/));
    const distribution = block(text, 'Tiers before and after');
    expect(distribution).toContainEqual(
      expect.stringMatching(
        /^Gold \[gold\]\s+3\s+2\s+-1\s+30\.0%\s+20\.0%\s+3,000,010\s+1,300,000\s+-1,700,010$/,
      ),
    );
    const deltas = block(text, 'Cost and service, before and after');
    expect(deltas).toContainEqual(
      expect.stringMatching(/^entitlement cost \(CNY\)\s+666,001\s+775,000\s+\+109,000$/),
    );
    expect(deltas).toContainEqual(
      expect.stringMatching(/^call \(contacts \/ quarter\)\s+750,000\s+750,000\s+-3$/),
    );
    const movers = block(text, 'Customers who move');
    expect(movers[0]).toBe('movers listed: 2 / 3');
    expect(movers).toContainEqual(
      expect.stringMatching(/^C002\s+3\s+Gold \[gold\]\s+VIP \[vip\]\s+82\s+86\s+up\s+score/),
    );
  });

  it('csv: a mover key that looks like a formula is defused; negative changes stay numbers', () => {
    const rows = csvRows(renderDiff('csv', policyDiff(), en));
    expect(rows).toContainEqual(['movers', `'=HYPERLINK("x")`, 'direction', 'down', '']);
    expect(rows).toContainEqual(['distribution', 'Gold [gold]', 'revenue · change', '-1700010', 'CNY']);
    expect(rows).toContainEqual(['matrix', 'silver', 'Gold [gold]', '1', '']);
  });

  it('json keeps the diff whole, both simulations included; a reason in words and as data', () => {
    const d = policyDiff();
    const movers = d.movers.map((m) => ({
      ...m,
      reason: render('en', m.reason),
      i18n: { reason: m.reason },
    }));
    expect(JSON.parse(renderDiff('json', d, en))).toEqual(JSON.parse(JSON.stringify({ ...d, movers })));
    const zhReason = (JSON.parse(renderDiff('json', d, zh)) as { movers: { reason: string }[] }).movers[0]!
      .reason;
    expect(zhReason).toBe('得分 82 → 86（spend +4 分）');
  });

  it('html: heatmap and before/after charts; "</script" in a reason cannot close the data', () => {
    const html = renderDiff('html', policyDiff(), zh);
    expect(html.match(/<script/gi)).toHaveLength(3);
    expect(html).toContain('原为 rule &quot;&lt;/script&gt;&lt;!--&quot;（满足其条件）');
    for (const id of ['chart-matrix', 'chart-customers', 'chart-revenue'])
      expect(html).toContain(`id="${id}"`);
    expect(html).toContain('<h2>迁移矩阵：客户数</h2>');
  });
});

describe('renderCalibration', () => {
  it('table: searches, their distributions, sensitivity and stability', () => {
    const text = renderCalibration('table', calibration(), en);
    const searches = block(text, 'Threshold search');
    expect(searches[2]).toMatch(/^VIP \[vip\] ≥ 10\.0% of customers\s+90\s+85\s+104\s+10\.4%\s+45\.0%$/);
    expect(searches[3]).toMatch(/^vip ≥ 99\.0% of revenue\s+90\s+not reached$/);
    expect(block(text, 'Distribution at the found threshold: VIP [vip] ≥ 10.0% of customers')[3]).toMatch(
      /^Gold \[gold\]\s+896\s+89\.6%\s+550,000\s+55\.0%$/,
    );
    expect(block(text, 'Weight sensitivity (± 5 points)')[2]).toMatch(
      /^Value \[value\]\s+60\s+55\s+40\s+0\s+40\s+65\s+25\s+25\s+0$/,
    );
    expect(block(text, 'Band stability (ε = 2 points)')[2]).toMatch(/^VIP \[vip\]\s+90\s+12\s+9\s+17\.6%$/);
  });

  it('md and csv in Chinese', () => {
    const md = renderCalibration('md', calibration(), zh);
    expect(md).toContain('## 权重敏感度 (± 5 分)');
    expect(md).toContain('| 价值 [value] | 60 | 55 | 40 | 0 | 40 | 65 | 25 | 25 | 0 |');
    const rows = csvRows(renderCalibration('csv', calibration(), zh));
    expect(rows).toContainEqual(['stability', 'vip', '等级中的临界占比', '17.6', '%']);
  });

  it('html: the tornado, one chart per search with a distribution, and stability', () => {
    const html = renderCalibration('html', calibration(), en);
    for (const id of ['chart-tornado', 'chart-threshold-1', 'chart-stability'])
      expect(html).toContain(`id="${id}"`);
    expect(html).not.toContain('id="chart-threshold-2"');
  });
});
