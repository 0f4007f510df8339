import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  renderReplay,
  renderTimeline,
  timelineCsvHeader,
  timelineLines,
} from '../../../src/report/replay/index.js';
import { untranslated } from '../../helpers/untranslated.js';
import { replayReport } from './fixtures.js';

describe('the replay report', () => {
  it('table: per run the tiers, moves and churn; moves over all runs; the steadier policy', () => {
    const text = renderReplay('table', replayReport(), { lang: 'en' });
    expect(text).toContain('Re-rating replay: steady 1.0.0 · jumpy 1.0.0');
    expect(text).toContain('2025-01 … 2025-03, every P1M (3 runs)');
    expect(text).toContain("each run is as of the end of its month's last day (Asia/Shanghai)");
    expect(text).toContain('== Runs · steady 1.0.0 ==');
    // steady: 30 of 1,000 changed at 2025-02 (20 up, 10 up), 10 at 2025-03 (5 down, 5 down).
    expect(text).toMatch(/2025-02 +2025-02-28 +110 +300 +590 +0 +30 +0 .* 3\.0%/);
    expect(text).toMatch(/2025-03 +2025-03-31 +105 +300 +595 +0 +0 +10 .* 1\.0%/);
    expect(text).toContain('steady 1.0.0 is the steadier: average churn 2.0% against 10.0% for jumpy 1.0.0');
    expect(text).toContain('== Churn per run, side by side ==');
  });

  it('json: every figure, no diagnostics or states', () => {
    const json = JSON.parse(renderReplay('json', replayReport(), { lang: 'en' }));
    expect(json.every).toBe('P1M');
    expect(json.replays).toHaveLength(2);
    expect(Object.keys(json.replays[0])).not.toContain('diagnostics');
    expect(Object.keys(json.replays[0])).not.toContain('states');
    expect(json.replays[1].runs[1].moves[1][0]).toBe(60);
    expect(json.replays[0].stability.averageChurn).toBe(0.02);
  });

  it('csv: one row a value, numbers as numbers; md: the same sections', () => {
    const rows = Papa.parse<string[]>(renderReplay('csv', replayReport(), { lang: 'en' }).trim()).data;
    expect(rows[0]).toEqual(['section', 'item', 'measure', 'value', 'unit']);
    expect(rows).toContainEqual(['runs-2', '2025-02', 'churn', '12', '%']);
    expect(rows).toContainEqual(['stability', 'steady 1.0.0', 'average churn', '2', '%']);
    expect(rows).toContainEqual(['moves-1', 'Gold [gold]', 'Gold [gold]', '205', '']);
    const md = renderReplay('md', replayReport('a|b'), { lang: 'en' });
    expect(md).toContain(
      '## Moves between tiers, all runs (rows: before a run, columns: after it) · steady 1.0.0',
    );
    expect(md).toContain('a\\|b [gold]');
  });

  it('html: one offline page with the share, flow and churn charts, labels escaped', () => {
    const html = renderReplay('html', replayReport('<img src=x onerror=alert(1)>'), { lang: 'en' });
    for (const id of ['chart-shares-1', 'chart-flows-1', 'chart-shares-2', 'chart-flows-2', 'chart-churn'])
      expect(html).toContain(`id="${id}"`);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toMatch(/<script[^>]+src=/);
    const data = JSON.parse(
      /<script type="application\/json" id="tierwise-data">(.*?)<\/script>/s.exec(html)![1]!,
    );
    const [shares, flows] = data.charts;
    // Shares per run add up to 100%; not rated is left out when nobody is.
    expect(shares.option.series.map((s: { data: { value: number }[] }) => s.data[0]!.value)).toEqual([
      10, 30, 60,
    ]);
    expect(shares.option.series[0].data[0].tip).toBe(
      '2025-01\n<img src=x onerror=alert(1)>: 10.0% (100 customers)',
    );
    // Upgrades above the line, downgrades below: silver → gold +20, bronze → silver +10, then −5 and −5.
    const flow = Object.fromEntries(
      flows.option.series.map((s: { name: string; data: { value: number }[] }) => [
        s.name,
        s.data.map((d) => d.value),
      ]),
    );
    expect(flow['Silver → <img src=x onerror=alert(1)>']).toEqual([0, 20, 0]);
    expect(flow['Bronze → Silver']).toEqual([0, 10, 0]);
    expect(flow['Silver → Bronze']).toEqual([0, 0, -5]);
  });

  it('reads in Chinese with no English left but ids', () => {
    for (const format of ['table', 'md'] as const) {
      const text = renderReplay(format, replayReport(), { lang: 'zh-CN' });
      const left = untranslated(text, [
        'steady',
        'jumpy',
        'gold',
        'silver',
        'bronze',
        'customers.csv',
        'transactions.csv',
        'Asia',
        'Shanghai',
        'section',
        'item',
        'measure',
        'value',
        'unit',
      ]);
      expect(left, format).toEqual([]);
    }
    expect(renderReplay('table', replayReport(), { lang: 'zh-CN' })).toContain(
      'steady 1.0.0 更稳定：平均变动率 2.0%，jumpy 1.0.0 为 10.0%',
    );
  });
});

describe('a timeline', () => {
  const entries = [
    {
      customer: 'C1',
      run: '2025-01',
      asOf: '2025-01-31',
      tier: 'silver',
      computed: 'silver',
      score: 72.5,
      flags: [],
      events: ['rated' as const],
    },
    {
      customer: 'C1',
      run: '2025-02',
      asOf: '2025-02-28',
      tier: 'gold',
      computed: 'gold',
      score: 91,
      flags: ['churn-warning'],
      events: ['flagged' as const, 'upgrade' as const],
    },
  ];

  it('goes to a file as CSV or NDJSON, run by run', () => {
    expect(timelineCsvHeader()).toBe(
      'customer,run,asOf,tier,computed,score,graceTier,graceUntil,flags,events\r\n',
    );
    expect(timelineLines('csv', entries.slice(1))).toBe(
      'C1,2025-02,2025-02-28,gold,gold,91,,,churn-warning,flagged|upgrade\r\n',
    );
    expect(JSON.parse(timelineLines('ndjson', entries.slice(0, 1)))).toEqual({
      customer: 'C1',
      run: '2025-01',
      asOf: '2025-01-31',
      tier: 'silver',
      computed: 'silver',
      score: 72.5,
      events: 'rated',
    });
  });

  it('prints for one customer with the events in words', () => {
    const table = renderTimeline('table', 'C1', entries, 'en');
    expect(table).toContain('Timeline of customer C1');
    expect(table).toMatch(/2025-02 +2025-02-28 +gold +gold +91 +flag raised, upgrade +churn-warning/);
    expect(renderTimeline('table', 'C1', entries, 'zh-CN')).toContain('首次评级');
  });
});
