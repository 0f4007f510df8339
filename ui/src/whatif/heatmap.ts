import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { count } from '../format.js';
import { getLocale } from '../i18n.js';
import { shared } from '../styles.js';
import { type DiffAnswer, occupied } from './model.js';

/**
 * The migration matrix: a heatmap (ECharts, loaded on first use) for the eye and the same
 * counts as a table for everyone else; the chart is hidden from assistive technology, the table
 * is its text alternative.
 */
export class TwMigrationHeatmap extends LitElement {
  static override properties = { matrix: { attribute: false }, labels: { attribute: false } };
  static override styles = [
    shared,
    css`
      .chart { width: 100%; max-width: 36rem; height: 18rem; }
      td.stay { font-weight: 600; }
    `,
  ];
  declare matrix: DiffAnswer['matrix'] | undefined;
  declare labels: (tier: string) => string;
  private chart: import('./echarts.js').ECharts | undefined;
  /** The language the chart's axes were drawn in: a switch redraws them, as it re-renders the table. */
  private drawnIn: string | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.labels = (tier) => tier;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.chart?.dispose();
    this.chart = undefined;
  }

  override async updated(changed: PropertyValues<this>) {
    if (!changed.has('matrix') && !changed.has('labels') && this.drawnIn === getLocale()) return;
    const host = this.renderRoot.querySelector<HTMLDivElement>('.chart');
    if (!host || !this.matrix) return;
    const { init } = await import('./echarts.js');
    this.chart ??= init(host, undefined, { renderer: 'svg' });
    this.drawnIn = getLocale();
    const { rows, columns } = occupied(this.matrix);
    const counts = this.matrix.counts;
    const data = rows.flatMap((from, y) => columns.map((to, x) => [x, y, counts[from]?.[to] ?? 0]));
    const max = Math.max(1, ...data.map((d) => d[2]!));
    this.chart.setOption({
      animation: false,
      tooltip: { position: 'top' },
      grid: { left: 90, right: 20, top: 10, bottom: 60 },
      xAxis: { type: 'category', data: columns.map(this.labels), name: msg('Draft', { id: 'whatif.draft' }) },
      yAxis: { type: 'category', data: rows.map(this.labels), inverse: true },
      visualMap: { min: 0, max, show: false, inRange: { color: ['#eff6ff', '#1d4ed8'] } },
      series: [
        {
          type: 'heatmap',
          data,
          label: { show: true, formatter: (p: { value: number[] }) => count(p.value[2]).text },
        },
      ],
    });
  }

  override render() {
    if (!this.matrix) return nothing;
    const { rows, columns } = occupied(this.matrix);
    const counts = this.matrix.counts;
    return html`<div class="chart" aria-hidden="true"></div>
      <table>
        <caption>${msg('Customers by published tier (rows) and draft tier (columns)', { id: 'whatif.matrixCaption' })}</caption>
        <thead><tr>
          <th scope="col">${msg('Published ↓ / Draft →', { id: 'whatif.matrixCorner' })}</th>
          ${columns.map((to) => html`<th scope="col" class="num">${this.labels(to)}</th>`)}
        </tr></thead>
        <tbody>${rows.map(
          (from) =>
            html`<tr><th scope="row">${this.labels(from)}</th>${columns.map(
              (to) =>
                html`<td class="num ${from === to ? 'stay' : ''}">${count(counts[from]?.[to] ?? 0).text}</td>`,
            )}</tr>`,
        )}</tbody>
      </table>`;
  }
}

customElements.define('tw-migration-heatmap', TwMigrationHeatmap);
