import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Language } from '../../engine/explain/explain.js';
import { escapeHtml } from '../html-escape.js';
import type { ChartSpec } from './charts.js';
import { heading, type Section } from './section.js';
import { t } from './text.js';

const STYLE = `:root{color-scheme:light}
body{font-family:system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:2rem auto;max-width:1280px;padding:0 1.5rem;color:#1f2328;background:#fff}
h1{font-size:1.5rem;margin-bottom:.25rem}h2{font-size:1.1rem;margin:2rem 0 .5rem;border-bottom:1px solid #d0d7de;padding-bottom:.25rem}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(460px,1fr));gap:1.25rem}
figure{margin:0;border:1px solid #d0d7de;border-radius:6px;padding:.75rem}figcaption{font-weight:600;margin-bottom:.5rem}
.chart{width:100%}
.tables{overflow-x:auto}
table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}th,td{border:1px solid #d0d7de;padding:.25rem .6rem;text-align:left;vertical-align:top}
th{background:#f6f8fa;font-weight:600}td:first-child{white-space:nowrap}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tbody tr:last-child td{border-bottom-width:1px}p{margin:.3rem 0}footer{margin-top:2rem;color:#656d76;font-size:.8rem}
@media print{.charts{display:block}figure{break-inside:avoid;margin-bottom:1rem}}`;

/**
 * Renders each chart from the JSON island and raises `window.tierwiseReport.rendered` once every
 * chart has reported ECharts' `finished` (a test, or a PDF printer, waits for it). Tooltips
 * render as rich text on the canvas, so no label ever becomes markup.
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
  specs.forEach(function (spec) {
    var el = document.getElementById(spec.id);
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    var option = spec.option;
    option.tooltip = { trigger: 'item', renderMode: 'richText', formatter: tip, confine: true };
    if (spec.absoluteValueAxis) option.xAxis.axisLabel = { formatter: plain };
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
      : `<table>\n<thead><tr>${s.columns.map((c) => `<th${n(c.numeric)}>${e(heading(c))}</th>`).join('')}</tr></thead>\n<tbody>\n${s.rows
          .map(
            (row) =>
              `<tr>${row.map((c, i) => `<td${n(s.columns[i]?.numeric)}>${e(c.text)}</td>`).join('')}</tr>`,
          )
          .join('\n')}\n</tbody>\n</table>`;
  return `<section id="${e(`table-${s.id}`)}">\n<h2>${e(s.title)}</h2>\n${lines}\n${table}\n</section>`;
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
        `<figure>\n<figcaption>${e(c.title)}</figcaption>\n<div class="chart" id="${e(c.id)}" data-chart="${e(c.id)}" style="height:${Math.round(c.height)}px"></div>\n</figure>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${language === 'zh-CN' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="tierwise">
<title>${e(page.title)}</title>
<style>${STYLE}</style>
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
