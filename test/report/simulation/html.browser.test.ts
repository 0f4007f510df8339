import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, type ConsoleMessage, chromium, type Page, type Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileData } from '../../../src/profile/index.js';
import { renderProfile } from '../../../src/report/profile/render.js';
import { renderReplay } from '../../../src/report/replay/index.js';
import { renderCalibration, renderDiff, renderSimulation } from '../../../src/report/simulation/index.js';
import { sized } from '../../helpers/runs.js';
import { CUSTOMERS, POLICY, policyFrom, scratch } from '../../profile/fixtures.js';
import { replayReport } from '../replay/fixtures.js';
import { calibration, policyDiff, simulation, wideCalibration, wideSimulation } from './fixtures.js';

/** The system Chromium only: playwright must never fetch a browser of its own. */
const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) console.warn(`html.browser.test: skipped, ${CHROMIUM} not found`);

/** What the page code below touches; the project's TypeScript has no DOM library. */
interface Box {
  width: number;
  height: number;
}
interface PageElement {
  id: string;
  querySelector(selector: string): { getBoundingClientRect(): Box } | null;
}
interface PageGlobals {
  tierwiseReport?: { rendered: boolean };
  document: { querySelectorAll(selector: string): Iterable<PageElement> };
  echarts: {
    getInstanceByDom(
      el: PageElement,
    ):
      | { getOption(): { series: { type: string; data: unknown[] }[]; tooltip: { renderMode: string }[] } }
      | undefined;
  };
}

/**
 * Runs in the page: every element of a card (a chart's figure, a table's section) stays inside
 * the card's box, except what a table's scroll container holds — that container must fit
 * itself. The page scrolls only downward. Chart texts (SVG) are whole: none ends in an
 * ellipsis, and none reaches outside its chart.
 */
const LAYOUT_CHECK = `(() => {
  const problems = [];
  const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '');
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1)
    problems.push('page is ' + root.scrollWidth + 'px wide in a ' + root.clientWidth + 'px window');
  for (const card of document.querySelectorAll('.card')) {
    const box = card.getBoundingClientRect();
    for (const el of card.querySelectorAll('*')) {
      const scroller = el.closest('.table-scroll');
      if (scroller && scroller !== el) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.right > box.right + 1 || r.left < box.left - 1)
        problems.push(name(el) + ' (' + Math.round(r.left) + '–' + Math.round(r.right) + ') runs off ' + name(card) + ' (' + Math.round(box.left) + '–' + Math.round(box.right) + '): ' + (el.textContent || '').slice(0, 40));
    }
  }
  const texts = [];
  for (const svg of document.querySelectorAll('.chart svg')) {
    const box = svg.getBoundingClientRect();
    for (const t of svg.querySelectorAll('text')) {
      const content = t.textContent || '';
      if (content.trim() === '') continue;
      texts.push(content);
      if (/(\\.\\.\\.|…)$/.test(content)) problems.push('chart text cut: ' + content);
      const r = t.getBoundingClientRect();
      if (r.right > box.right + 1 || r.left < box.left - 1 || r.bottom > box.bottom + 1 || r.top < box.top - 1)
        problems.push('chart text outside its chart: ' + content);
    }
  }
  return { problems, texts };
})()`;

interface Rendered {
  layout: { problems: string[]; texts: string[] };
  errors: string[];
  requests: string[];
  charts: { id: string; width: number; height: number; series: { type: string; values: unknown[] }[] }[];
  tooltipMode: string[];
}

/** Playwright's waits are hang guards: a loaded machine may take many seconds to draw a page. */
const HANG_GUARD = 120_000;

describe.skipIf(!available)(`simulation reports in headless Chromium (${CHROMIUM})`, () => {
  let browser: Browser;
  let page: Page;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tw-report-'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      timeout: HANG_GUARD,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    // One page opens every report in turn, from an empty document each time. A new page per report
    // cost a renderer process and ECharts (a megabyte inlined in each report) compiled anew: two
    // seconds a report on a loaded machine, where the same renderer reuses the compiled script.
    page = await browser.newPage();
    page.setDefaultTimeout(HANG_GUARD);
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Opens the page from disk, waits for every chart's `finished`, and reads what ECharts drew. */
  async function open(name: string, html: string, width = 1280): Promise<Rendered> {
    const file = join(dir, `${name}.html`);
    writeFileSync(file, html);
    await page.setViewportSize({ width, height: 900 });
    const errors: string[] = [];
    const requests: string[] = [];
    const onConsole = (m: ConsoleMessage) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    };
    const onPageError = (e: Error) => errors.push(`page: ${e.message}`);
    const onRequest = (r: Request) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    };
    page.on('console', onConsole);
    page.on('pageerror', onPageError);
    page.on('request', onRequest);
    try {
      await page.goto(pathToFileURL(file).href);
      // The profile page has no charts to wait for.
      const charted = html.includes('id="tierwise-data"');
      await page
        .waitForFunction(
          (wait: boolean) =>
            !wait || (globalThis as unknown as PageGlobals).tierwiseReport?.rendered === true,
          charted,
        )
        .catch((e: Error) => {
          // The page's own error says more than the timeout it caused.
          throw new Error([e.message, ...errors].join('\n'));
        });
      // Screenshots are for a person to look at, and cost seconds each on a loaded machine.
      const shots = process.env.TIERWISE_SCREENSHOTS;
      if (shots) {
        mkdirSync(shots, { recursive: true });
        await page.screenshot({ path: join(shots, `report-${name}.png`), fullPage: true });
      }
      const layout = (await page.evaluate(LAYOUT_CHECK)) as Rendered['layout'];
      const drawn = await page.evaluate(() => {
        const { echarts, document } = globalThis as unknown as PageGlobals;
        return [...document.querySelectorAll('[data-chart]')].map((el) => {
          const surface = el.querySelector('canvas, svg');
          const box = surface?.getBoundingClientRect();
          const option = echarts.getInstanceByDom(el)?.getOption();
          return {
            id: el.id,
            width: box?.width ?? 0,
            height: box?.height ?? 0,
            series: (option?.series ?? []).map((s) => ({
              type: s.type,
              values: s.data.map((d) => (d !== null && typeof d === 'object' && 'value' in d ? d.value : d)),
            })),
            tooltipMode: option?.tooltip[0]?.renderMode ?? '',
          };
        });
      });
      return {
        layout,
        errors,
        requests,
        charts: drawn.map(({ tooltipMode: _, ...chart }) => chart),
        tooltipMode: drawn.map((c) => c.tooltipMode),
      };
    } finally {
      // What the report does as it goes is not heard, as when its own page was closed.
      page.off('console', onConsole);
      page.off('pageerror', onPageError);
      page.off('request', onRequest);
      await page.goto('about:blank');
    }
  }

  function expectDrawn(r: Rendered, ids: string[]): void {
    expect(r.errors).toEqual([]);
    expect(r.requests).toEqual([]);
    expect(r.charts.map((c) => c.id)).toEqual(ids);
    for (const chart of r.charts) {
      expect(chart.width, chart.id).toBeGreaterThan(100);
      expect(chart.height, chart.id).toBeGreaterThan(100);
    }
    // Tooltips drawn as rich text inside the chart: a label can never become markup.
    expect(new Set(r.tooltipMode)).toEqual(new Set(['richText']));
  }

  it('simulation: customers, revenue and entitlement cost by tier, with a hostile label', async () => {
    const r = await open(
      'simulation',
      renderSimulation('html', simulation('<img src=x onerror=alert(1)>'), { lang: 'zh-CN' }),
    );
    expectDrawn(r, ['chart-customers', 'chart-revenue', 'chart-cost']);
    const [customers, revenue, cost] = r.charts;
    expect(customers!.series).toEqual([{ type: 'bar', values: [50_000, 200_000, 749_999, 1] }]);
    expect(revenue!.series[0]!.values).toEqual([40_000_000, 35_000_000, 24_999_000, 1_000]);
    expect(cost!.series[0]!.values).toEqual([4_000_000, 1_750_000, 499_980]);
  });

  it('diff: the migration heatmap (from rows × to columns) and before/after distributions', async () => {
    const r = await open('diff', renderDiff('html', policyDiff(), { lang: 'en' }));
    expectDrawn(r, ['chart-matrix', 'chart-customers', 'chart-revenue']);
    const [matrix, customers] = r.charts;
    expect(matrix!.series[0]!.type).toBe('heatmap');
    // [to column, from row, customers]: gold → vip, gold → no tier, silver → silver.
    expect(matrix!.series[0]!.values).toContainEqual([0, 1, 1]);
    expect(matrix!.series[0]!.values).toContainEqual([3, 1, 1]);
    expect(matrix!.series[0]!.values).toContainEqual([2, 2, 5]);
    expect(matrix!.series[0]!.values).toHaveLength(16);
    expect(customers!.series.map((s) => s.values)).toEqual([
      [1, 3, 6, 0],
      [2, 2, 5, 1],
    ]);
  });

  it('calibration: the tornado (minus left, plus right), a search distribution and stability', async () => {
    const r = await open('calibration', renderCalibration('html', calibration(), { lang: 'en' }));
    expectDrawn(r, ['chart-tornado', 'chart-threshold-1', 'chart-stability']);
    const [tornado, search, stability] = r.charts;
    expect(tornado!.series.map((s) => s.values)).toEqual([
      [-40, -7],
      [25, 12],
    ]);
    expect(search!.series.map((s) => s.values)).toEqual([
      [10.4, 89.6],
      [45, 55],
    ]);
    expect(stability!.series.map((s) => s.values)).toEqual([
      [12, 30],
      [9, 28],
    ]);
  });

  describe('layout: nothing runs off its card, no chart label is cut', () => {
    async function profileHtml(language: 'en' | 'zh-CN'): Promise<string> {
      const file = scratch();
      const policy = await policyFrom(file('p.tier.yaml', POLICY));
      const run = await profileData(policy, { customers: file('c.csv', CUSTOMERS), asOf: '2024-03-01' });
      return renderProfile('html', run.profile!, language);
    }

    const reports: [string, (language: 'en' | 'zh-CN') => Promise<string> | string][] = [
      ['simulate', (lang) => renderSimulation('html', wideSimulation(), { lang })],
      ['diff', (lang) => renderDiff('html', policyDiff(), { lang })],
      ['calibrate', (lang) => renderCalibration('html', wideCalibration(), { lang })],
      ['profile', profileHtml],
    ];
    // By default each report in each language once, the narrow width in Chinese (where text runs
    // widest) and the wide one in English; every combination under TIERWISE_LONG_TESTS=1.
    const layouts: ['en' | 'zh-CN', number][] = sized(
      [
        ['en', 1280],
        ['zh-CN', 720],
      ],
      [
        ['en', 1280],
        ['en', 720],
        ['zh-CN', 1280],
        ['zh-CN', 720],
      ],
    );
    for (const [report, html] of reports)
      for (const [language, width] of layouts)
        it(`${report} in ${language} at ${width}px`, async () => {
          const r = await open(`${report}-${language}-${width}`, await html(language), width);
          expect(r.errors).toEqual([]);
          expect(r.layout.problems).toEqual([]);
          if (report !== 'profile') expect(r.layout.texts.length).toBeGreaterThan(0);
        });

    // One case for the replay report (tierwise replay): the narrow Chinese page, where text runs widest.
    it('replay in zh-CN at 720px: shares, flows and churn drawn, nothing cut or off its card', async () => {
      const r = await open('replay-zh-CN-720', renderReplay('html', replayReport(), { lang: 'zh-CN' }), 720);
      expectDrawn(r, ['chart-shares-1', 'chart-flows-1', 'chart-shares-2', 'chart-flows-2', 'chart-churn']);
      expect(r.layout.problems).toEqual([]);
      expect(r.charts[0]!.series.map((s) => s.type)).toEqual(['bar', 'bar', 'bar']);
      expect(r.charts[4]!.series.map((s) => s.values)).toEqual([
        [0, 3, 1],
        [0, 12, 8],
      ]);
    });

    it('the heatmap legend says what its colours count', async () => {
      const r = await open('diff-legend', renderDiff('html', policyDiff(), { lang: 'zh-CN' }));
      // The largest cell holds 5 customers; the scale's ends read 0 and "5 客户数".
      expect(r.layout.texts).toContain('5 客户数');
      expect(r.layout.texts).toContain('0');
    });

    // ECharts breaks an axis label at its width; a label cut to "…" hides which weight it is.
    it('a long weight label wraps instead of ending in "…"', async () => {
      const r = await open('calibrate-labels', renderCalibration('html', wideCalibration(), { lang: 'en' }));
      // Where the label breaks depends on the font's metrics: read its lines back as one text.
      const label = r.layout.texts.join(' ').replace(/\s+/g, ' ');
      expect(r.layout.problems).toEqual([]);
      expect(label).toContain('Complaint rate');
      expect(label).toContain('12 months)');
    });
  });
});
