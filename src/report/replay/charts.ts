import { count, percent, shareColumn } from '../../format/figure.js';
import type { Language } from '../../i18n/language.js';
import type { ChartSpec } from '../simulation/charts.js';
import type { ReplayReport } from './sections.js';
import { pair, placeNames, policyName, t } from './text.js';
import type { ReplayFigures as Replay } from './types.js';

interface Item {
  value: number;
  tip: string;
}

/** Run labels (2024-01) along the bottom: ECharts leaves out those that would overlap. */
function runAxis(labels: string[]) {
  return { type: 'category', data: labels, axisLabel: { interval: 'auto', hideOverlap: true } };
}

/** Room above the grid for a legend of `items` entries, which wraps on a narrow page. */
function legendTop(items: number): number {
  return 40 + 22 * Math.floor(Math.max(0, items - 1) / 4);
}

/**
 * The replay's charts: per policy the share of customers per tier at each run (stacked to 100%)
 * and the moves between tiers at each run (upgrades stacked above the line, downgrades below);
 * then the churn of every policy per run, side by side. Every item carries its tooltip.
 */
export function replayCharts(report: ReplayReport, language: Language): ChartSpec[] {
  const several = report.replays.length > 1;
  const charts: ChartSpec[] = [];
  report.replays.forEach((r, i) => {
    const suffix = several ? `-${i + 1}` : '';
    const named = (title: string) => (several ? `${title} · ${policyName(r)}` : title);
    charts.push(sharesChart(r, language, `chart-shares${suffix}`, named(t('chartShares', language))));
    charts.push(flowsChart(r, language, `chart-flows${suffix}`, named(t('chartFlows', language))));
  });
  charts.push(churnChart(report, language));
  return charts;
}

function sharesChart(r: Replay, language: Language, id: string, title: string): ChartSpec {
  const places = placeNames(r, language);
  const labels = r.runs.map((run) => run.label);
  const shares = r.runs.map(
    (run) =>
      shareColumn(
        run.tiers,
        run.tiers.reduce((a, b) => a + b, 0),
      ).rows,
  );
  // "Not rated" only when someone is: a replay from no state rates everyone at its first run.
  const shown = places
    .map((_, p) => p)
    .filter((p) => p < places.length - 1 || r.runs.some((run) => run.tiers[p]! > 0));
  const series = shown.map((p) => ({
    type: 'bar',
    stack: 'share',
    name: places[p],
    barMaxWidth: 48,
    data: r.runs.map((run, k): Item => {
      const share = shares[k]![p]!;
      return {
        value: (share.value as number | undefined) ?? 0,
        tip: `${run.label}\n${pair(language, places[p]!, `${share.text} (${count(run.tiers[p]).text} ${t('customers', language)})`)}`,
      };
    }),
  }));
  return {
    id,
    title,
    height: 360,
    option: {
      animation: false,
      grid: { left: 16, right: 24, top: legendTop(series.length), bottom: 16, containLabel: true },
      legend: { top: 0 },
      xAxis: runAxis(labels),
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series,
    },
  };
}

function flowsChart(r: Replay, language: Language, id: string, title: string): ChartSpec {
  const places = placeNames(r, language);
  const tiers = r.tiers.length;
  const series: Record<string, unknown>[] = [];
  for (let from = 0; from < tiers; from++)
    for (let to = 0; to < tiers; to++) {
      if (from === to || !r.runs.some((run) => run.moves[from]![to]! > 0)) continue;
      const name = `${places[from]} → ${places[to]}`;
      const sign = to < from ? 1 : -1;
      series.push({
        type: 'bar',
        stack: 'flows',
        name,
        barMaxWidth: 48,
        data: r.runs.map((run): Item => {
          const n = run.moves[from]![to]!;
          return {
            value: sign * n || 0,
            tip: `${run.label}\n${pair(language, name, `${count(n).text} ${t('customers', language)}`)}`,
          };
        }),
      });
    }
  return {
    id,
    title,
    height: 380,
    option: {
      animation: false,
      grid: { left: 16, right: 24, top: legendTop(series.length), bottom: 16, containLabel: true },
      legend: { top: 0 },
      xAxis: runAxis(r.runs.map((run) => run.label)),
      yAxis: { type: 'value' },
      series,
    },
  };
}

function churnChart(report: ReplayReport, language: Language): ChartSpec {
  const [first] = report.replays as [Replay];
  const series = report.replays.map((r) => ({
    type: 'line',
    name: policyName(r),
    showSymbol: true,
    data: r.runs.map((run): Item => {
      const churn = percent(run.churn);
      return {
        value: (churn.value as number | undefined) ?? 0,
        tip: `${run.label} · ${policyName(r)}\n${pair(language, t('churn', language), `${churn.text} (${count(run.changed).text} / ${count(run.customers).text})`)}`,
      };
    }),
  }));
  return {
    id: 'chart-churn',
    title: t('chartChurn', language),
    height: 320,
    option: {
      animation: false,
      grid: { left: 16, right: 24, top: legendTop(series.length), bottom: 16, containLabel: true },
      legend: { top: 0 },
      xAxis: runAxis(first.runs.map((run) => run.label)),
      yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      series,
    },
  };
}
