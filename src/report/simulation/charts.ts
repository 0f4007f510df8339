import type { Language } from '../../engine/explain/explain.js';
import { count, decimal, money, percent } from '../../format/figure.js';
import type { Calibration, PolicyDiff, Simulation } from '../../simulate/types.js';
import { searchName, searchShares, weightName } from './calibration.js';
import { labelsOf, sideFigures } from './diff.js';
import { shownTiers, tierShares } from './simulation.js';
import { labelOf, pair, t, tierLabel } from './text.js';

/**
 * One chart of the HTML report. The option is plain JSON (it travels inside the page), so
 * anything the page must compute — tooltips — is precomputed here as text: each data item
 * carries its `tip`, already in the report's language and with its units.
 */
export interface ChartSpec {
  /** The container's element id. */
  id: string;
  title: string;
  /** Pixels; the width follows the page. */
  height: number;
  option: Record<string, unknown>;
  /** Axis labels shown without sign: the tornado's minus side grows to the left. */
  absoluteValueAxis?: boolean;
  /**
   * Money on the value axis: axis ticks, and bar labels an item does not set, in short form
   * (1.2M, 1.2亿) so that nine-digit amounts do not overlap; tooltips keep the exact amount.
   */
  money?: boolean;
}

interface Item {
  value: number | number[];
  tip: string;
  label?: { formatter: string };
}

const GRID = { left: 16, right: 24, top: 40, bottom: 16, containLabel: true };
/**
 * Category labels (tier names, weights) wrap rather than end in "…": a business reader must see
 * the whole label. The page narrows `width` to each category's share of the chart (html.ts).
 */
const CATEGORY_LABEL = { interval: 0, width: 110, overflow: 'break', lineHeight: 14 };

function bars(categories: string[], series: { name: string; data: Item[] }[], unit?: string) {
  return {
    animation: false,
    grid: GRID,
    legend: series.length > 1 ? { top: 0 } : undefined,
    xAxis: { type: 'category', data: categories, axisLabel: CATEGORY_LABEL },
    yAxis: { type: 'value', axisLabel: unit ? { formatter: `{value}${unit}` } : undefined },
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.data,
      barMaxWidth: 48,
      label: { show: true, position: 'top' },
    })),
  };
}

const withUnit = (text: string, unit: string | undefined) => (unit ? `${text} ${unit}` : text);

export function simulationCharts(s: Simulation, language: Language): ChartSpec[] {
  const l = (key: Parameters<typeof t>[0]) => t(key, language);
  const tiers = shownTiers(s);
  const names = tiers.map((x) => tierLabel(x.tier, x.label, language));
  const shares = tierShares(s);
  const charts: ChartSpec[] = [
    {
      id: 'chart-customers',
      title: l('chartCustomers'),
      height: 340,
      option: bars(names, [
        {
          name: l('customers'),
          data: tiers.map((x, i) => {
            const shown = `${count(x.customers).text} (${shares.customers.rows[i]!.text})`;
            return { value: x.customers, tip: `${names[i]}\n${shown}`, label: { formatter: shown } };
          }),
        },
      ]),
    },
  ];
  if (s.revenueFact !== undefined)
    charts.push({
      id: 'chart-revenue',
      title: withUnit(l('chartRevenue'), s.currency && `(${s.currency})`),
      height: 340,
      money: true,
      option: bars(names, [
        {
          name: l('revenue'),
          data: tiers.map((x, i) => {
            const share = shares.revenue.rows[i]!.text;
            const amount = withUnit(money(x.revenue ?? 0).text, s.currency);
            return {
              value: money(x.revenue ?? 0).value as number,
              tip: `${names[i]}\n${amount}${share ? ` (${share})` : ''}`,
              label: { formatter: share || money(x.revenue ?? 0).text },
            };
          }),
        },
      ]),
    });
  if (s.tiers.some((x) => x.entitlementCost !== undefined))
    charts.push({
      id: 'chart-cost',
      title: withUnit(l('chartCost'), s.currency && `(${s.currency})`),
      height: 340,
      money: true,
      option: bars(
        s.tiers.map((x) => tierLabel(x.tier, x.label, language)),
        [
          {
            name: l('entitlementCost'),
            data: s.tiers.map((x) => {
              const amount = money(x.entitlementCost ?? 0).text;
              return {
                value: money(x.entitlementCost ?? 0).value as number,
                tip: `${tierLabel(x.tier, x.label, language)}\n${withUnit(amount, s.currency)}${x.discountQuota ? ` (${x.discountQuota})` : ''}`,
              };
            }),
          },
        ],
      ),
    });
  return charts;
}

export function diffCharts(d: PolicyDiff, language: Language): ChartSpec[] {
  const l = (key: Parameters<typeof t>[0]) => t(key, language);
  const label = labelsOf(d);
  const tiers = d.matrix.tiers;
  const names = tiers.map((tier) => tierLabel(tier, label(tier), language));
  const cells: Item[] = [];
  let most = 0;
  tiers.forEach((from, y) => {
    tiers.forEach((to, x) => {
      const n = d.matrix.counts[from]?.[to] ?? 0;
      most = Math.max(most, n);
      const revenue = d.matrix.revenue?.[from]?.[to];
      const revenueText =
        revenue === undefined
          ? ''
          : `\n${pair(language, l('revenue'), withUnit(money(revenue).text, d.currency))}`;
      cells.push({
        value: [x, y, n],
        tip: `${names[y]} → ${names[x]}\n${pair(language, l('customers'), count(n).text)}${revenueText}`,
        label: { formatter: count(n).text },
      });
    });
  });
  const charts: ChartSpec[] = [
    {
      id: 'chart-matrix',
      title: l('chartMatrix'),
      height: 120 + 48 * tiers.length,
      option: {
        animation: false,
        grid: { ...GRID, bottom: 64 },
        xAxis: {
          type: 'category',
          data: names,
          position: 'top',
          axisLabel: CATEGORY_LABEL,
          splitArea: { show: true },
        },
        yAxis: {
          type: 'category',
          data: names,
          inverse: true,
          axisLabel: CATEGORY_LABEL,
          splitArea: { show: true },
        },
        // The colour scale says what its ends are: 0 and the largest cell, in customers.
        visualMap: {
          min: 0,
          max: Math.max(1, most),
          calculable: true,
          text: [`${count(Math.max(1, most)).text} ${l('customers')}`, '0'],
          textGap: 8,
          itemHeight: 160,
          orient: 'horizontal',
          left: 'center',
          bottom: 0,
          inRange: { color: ['#f4f8fd', '#2f6db5'] },
        },
        series: [{ type: 'heatmap', name: l('chartMatrix'), data: cells, label: { show: true } }],
      },
    },
  ];
  const before = sideFigures(d, 'from');
  const after = sideFigures(d, 'to');
  const beforeAfter = (
    measure: (side: typeof before, tier: string, i: number) => number,
    shown: (n: number) => string,
    labelled: boolean,
  ) =>
    [
      { name: pair(language, l('before'), `${d.from.name} ${d.from.version}`), side: before },
      { name: pair(language, l('after'), `${d.to.name} ${d.to.version}`), side: after },
    ].map(({ name, side }) => ({
      name,
      data: tiers.map((tier, i) => {
        const n = measure(side, tier, i);
        const item: Item = { value: n, tip: `${name}\n${pair(language, names[i]!, shown(n))}` };
        return labelled ? { ...item, label: { formatter: shown(n) } } : item;
      }),
    }));
  charts.push({
    id: 'chart-customers',
    title: `${l('chartCustomers')} · ${l('before')} / ${l('after')}`,
    height: 360,
    option: bars(
      names,
      beforeAfter(
        (side, tier, i) => side(tier, i)?.customers ?? 0,
        (n) => count(n).text,
        true,
      ),
    ),
  });
  if (d.matrix.revenue !== undefined || d.deltas.revenueInTiers !== undefined)
    charts.push({
      id: 'chart-revenue',
      title: withUnit(
        `${l('chartRevenue')} · ${l('before')} / ${l('after')}`,
        d.currency && `(${d.currency})`,
      ),
      height: 360,
      money: true,
      option: bars(
        names,
        beforeAfter(
          (side, tier, i) => money(side(tier, i)?.revenue ?? 0).value as number,
          (n) => withUnit(money(n).text, d.currency),
          false,
        ),
      ),
    });
  return charts;
}

export function calibrationCharts(c: Calibration, language: Language): ChartSpec[] {
  const l = (key: Parameters<typeof t>[0]) => t(key, language);
  const charts: ChartSpec[] = [];
  const rows = c.sensitivity.rows;
  if (rows.length > 0) {
    // The axis has room for the label; the tooltip names the weight in full.
    const names = rows.map((r) => labelOf(r.label, r.weight, language));
    const side = (key: 'minus' | 'plus', sign: number) => ({
      type: 'bar',
      stack: 'tornado',
      name: `${l(key === 'minus' ? 'minusSide' : 'plusSide')} (${c.sensitivity.step} ${l('points')})`,
      barMaxWidth: 28,
      label: { show: true, position: sign < 0 ? 'left' : 'right' },
      data: rows.map((r) => {
        const x = r[key];
        return {
          value: sign * x.changed,
          tip: `${pair(language, weightName(r, language), `${decimal(r.current, 2).text} → ${decimal(x.weight, 2).text} ${l('points')}`)}\n${pair(language, l('changed'), `${count(x.changed).text} (${l('up')} ${count(x.up).text}, ${l('down')} ${count(x.down).text})`)}`,
          label: { formatter: count(x.changed).text },
        };
      }),
    });
    charts.push({
      id: 'chart-tornado',
      title: l('chartTornado'),
      height: 100 + 36 * rows.length,
      absoluteValueAxis: true,
      option: {
        animation: false,
        grid: { ...GRID, left: 24, right: 40 },
        legend: { top: 0 },
        // Room on both sides for the end labels, which would otherwise cover the weight names.
        xAxis: { type: 'value', boundaryGap: ['15%', '15%'] },
        // Most sensitive first, at the top: the tornado's shape.
        yAxis: {
          type: 'category',
          data: names,
          inverse: true,
          axisTick: { show: false },
          axisLine: { onZero: false },
          axisLabel: { width: 160, overflow: 'break', lineHeight: 14 },
        },
        series: [side('minus', -1), side('plus', 1)],
      },
    });
  }
  c.thresholds.forEach((search, k) => {
    if (search.distribution.length === 0) return;
    const names = search.distribution.map((r) => tierLabel(r.tier, r.label, language));
    const withRevenue = search.distribution.some((r) => r.revenueShare !== undefined);
    const shares = searchShares(search);
    const series = (name: string, shown: readonly { text: string; value?: number | string }[]) => ({
      name,
      data: search.distribution.map((_, i) => ({
        value: (shown[i]!.value as number | undefined) ?? 0,
        tip: `${names[i]}\n${pair(language, name, shown[i]!.text)}`,
        label: { formatter: shown[i]!.text },
      })),
    });
    charts.push({
      id: `chart-threshold-${k + 1}`,
      title: `${searchName(search, language)}${search.value === undefined ? '' : ` → ${search.value}`}`,
      height: 320,
      option: bars(
        names,
        [
          series(l('share'), shares.customers),
          ...(withRevenue ? [series(l('revenueShare'), shares.revenue)] : []),
        ],
        '%',
      ),
    });
  });
  if (c.stability.rows.length > 0) {
    const names = c.stability.rows.map((r) => `${tierLabel(r.tier, r.label, language)} (${r.threshold})`);
    const series = (key: 'justBelow' | 'justAbove') => ({
      name: l(key),
      data: c.stability.rows.map((r, i) => ({
        value: r[key],
        tip: `${names[i]} ± ${c.stability.epsilon}\n${pair(language, l(key), count(r[key]).text)}${key === 'justAbove' ? ` (${percent(r.fragileShare).text})` : ''}`,
        label: { formatter: count(r[key]).text },
      })),
    });
    charts.push({
      id: 'chart-stability',
      title: `${l('chartStability')} (ε = ${c.stability.epsilon} ${l('points')})`,
      height: 340,
      option: bars(names, [series('justBelow'), series('justAbove')]),
    });
  }
  return charts;
}
