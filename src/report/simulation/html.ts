import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Language } from '../../engine/explain/explain.js';
import { escapeHtml } from '../html-escape.js';
import { REPORT_STYLE } from '../html-style.js';
import type { ChartSpec } from './charts.js';
import { heading, type Section } from './section.js';
import { t } from './text.js';

/**
 * Renders each chart from the JSON island and raises `window.tierwiseReport.rendered` once every
 * chart has reported ECharts' `finished` (a test, or a PDF printer, waits for it). Charts draw
 * as SVG, so their text is text (searchable, and a test can check that no label is cut);
 * tooltips render as rich text inside the chart, so no label ever becomes markup. Category
 * labels wrap within their category's share of the chart's width.
 */
const BOOT = `(function () {
  var state = { charts: 0, finished: 0, rendered: false };
  window.tierwiseReport = state;
  var payload = JSON.parse(document.getElementById('tierwise-data').textContent);
  var specs = payload.charts;
  var instances = [];
  state.charts = specs.length;
  function settle() {
    if (state.finished < state.charts) return;
    state.rendered = true;
    document.documentElement.setAttribute('data-charts-rendered', 'true');
  }
  function tip(p) { return p && p.data && typeof p.data.tip === 'string' ? p.data.tip : ''; }
  function plain(v) { return Math.abs(v).toLocaleString('en-US'); }
  var zh = document.documentElement.lang === 'zh-CN';
  var steps = zh ? [[1e8, '亿'], [1e4, '万']] : [[1e9, 'B'], [1e6, 'M'], [1e3, 'K']];
  function short(v) {
    var n = typeof v === 'number' ? v : v && typeof v.value === 'number' ? v.value : Number(v);
    for (var i = 0; i < steps.length; i++) {
      if (Math.abs(n) >= steps[i][0]) return Number((n / steps[i][0]).toFixed(1)).toLocaleString('en-US') + steps[i][1];
    }
    return n.toLocaleString('en-US');
  }
  function fitLabels(axis, width) {
    if (!axis || axis.type !== 'category' || !axis.axisLabel || !axis.data) return;
    var each = Math.floor((width - 80) / Math.max(1, axis.data.length)) - 8;
    axis.axisLabel.width = Math.max(48, Math.min(axis.axisLabel.width || each, each));
  }
  specs.forEach(function (spec) {
    var el = document.getElementById(spec.id);
    var chart = echarts.init(el, null, { renderer: 'svg' });
    var option = spec.option;
    option.tooltip = { trigger: 'item', renderMode: 'richText', formatter: tip, confine: true };
    if (spec.absoluteValueAxis) option.xAxis.axisLabel = { formatter: plain };
    fitLabels(option.xAxis, el.clientWidth);
    if (spec.money) {
      option.yAxis.axisLabel = { formatter: short };
      option.series.forEach(function (s) { s.label.formatter = short; });
    }
    var done = false;
    chart.on('finished', function () {
      if (done) return;
      done = true;
      state.finished += 1;
      settle();
    });
    chart.setOption(option);
    instances.push(chart);
  });
  settle();
  window.addEventListener('resize', function () { instances.forEach(function (c) { c.resize(); }); });
})();`;

let echartsSource: string | undefined;

/** The ECharts build, read once from the installed package so the page works offline. */
function echartsScript(): string {
  if (echartsSource === undefined) {
    const require = createRequire(import.meta.url);
    echartsSource = readFileSync(require.resolve('echarts/dist/echarts.min.js'), 'utf8');
    // A script element ends at the first "</script"; the build has none, and must keep having none.
    if (/<\/script|<!--/i.test(echartsSource)) throw new Error('echarts.min.js holds "</script" or "<!--"');
  }
  return echartsSource;
}

/** Everything printed into the page passes through here: labels and reasons hold whatever people typed. */
export { escapeHtml };

/**
 * JSON safe inside a script element: no "<" can start "</script" or "<!--", and U+2028/2029
 * (valid in JSON, line breaks to older JavaScript parsers) are escaped as well.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function sectionHtml(s: Section): string {
  const e = escapeHtml;
  const n = (numeric: boolean | undefined) => (numeric ? ' class="n"' : '');
  const lines = s.lines.map((line) => `<p>${e(line)}</p>`).join('\n');
  const table =
    s.rows.length === 0
      ? ''
      : `<div class="table-scroll">\n<table>\n<thead><tr>${s.columns.map((c) => `<th${n(c.numeric)}>${e(heading(c))}</th>`).join('')}</tr></thead>\n<tbody>\n${s.rows
          .map(
            (row) =>
              `<tr>${row.map((c, i) => `<td${n(s.columns[i]?.numeric)}>${e(c.text)}</td>`).join('')}</tr>`,
          )
          .join('\n')}\n</tbody>\n</table>\n</div>`;
  return `<section class="card" id="${e(`table-${s.id}`)}">\n<h2>${e(s.title)}</h2>\n${lines}\n${table}\n</section>`;
}

export interface Page {
  title: string;
  /** One line under the title: policy, data, date. */
  subtitle: string;
  charts: ChartSpec[];
  sections: Section[];
  /** The report's object, embedded for whoever wants the numbers behind the charts. */
  data: unknown;
}

/** One self-contained file: inline style, the ECharts build, the data; nothing fetched. */
export function reportHtml(page: Page, language: Language): string {
  const e = escapeHtml;
  const figures = page.charts
    .map(
      (c) =>
        `<figure class="card">\n<figcaption>${e(c.title)}</figcaption>\n<div class="chart" id="${e(c.id)}" data-chart="${e(c.id)}" style="height:${Math.round(c.height)}px"></div>\n</figure>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${language === 'zh-CN' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="tierwise">
<title>${e(page.title)}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<header>
<h1>${e(page.title)}</h1>
<p>${e(page.subtitle)}</p>
</header>
<main>
<div class="charts">
${figures}
</div>
<div class="tables">
${page.sections.map(sectionHtml).join('\n')}
</div>
</main>
<footer>${e(t('generatedBy', language))}</footer>
<script type="application/json" id="tierwise-data">${scriptJson({ report: page.data, charts: page.charts })}</script>
<script>${echartsScript()}</script>
<script>${BOOT}</script>
</body>
</html>
`;
}
