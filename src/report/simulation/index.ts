import type { Language } from '../../engine/explain/explain.js';
import { render as renderText } from '../../i18n/text.js';
import type { Calibration, PolicyDiff, Simulation } from '../../simulate/types.js';
import { escapeJsonControls, terminalText } from '../control.js';
import { dataName } from '../data-name.js';
import { SIMULATION_FORMATS, type SimulationFormat } from '../formats.js';
import { calibrationSections, calibrationTitle } from './calibration.js';
import { type ChartSpec, calibrationCharts, diffCharts, simulationCharts } from './charts.js';
import { diffSections, diffTitle } from './diff.js';
import { reportHtml } from './html.js';
import { csvText, markdownText, type Section, tableText } from './section.js';
import { simulationSections, simulationTitle } from './simulation.js';

export { SIMULATION_FORMATS, type SimulationFormat };

export interface SimulationRenderOptions {
  lang: Language;
}

interface Report {
  title: string;
  subtitle: string;
  sections: Section[];
  charts: () => ChartSpec[];
  data: unknown;
}

/** Per tier: customers, revenue, entitlement cost, service load, KPIs, flags and classes. */
export function renderSimulation(
  format: SimulationFormat,
  s: Simulation,
  opts: SimulationRenderOptions,
): string {
  const lang = opts.lang;
  if (format === 'json') return jsonText(s);
  return render(format, lang, {
    title: simulationTitle(s, lang),
    subtitle: subtitle(dataName(s.data), s.asOf),
    sections: simulationSections(s, lang),
    charts: () => simulationCharts(s, lang),
    data: withoutDiagnostics(s),
  });
}

/** The migration matrix, both sides' tiers, the cost and service deltas, and the movers. */
export function renderDiff(format: SimulationFormat, d: PolicyDiff, opts: SimulationRenderOptions): string {
  const lang = opts.lang;
  if (format === 'json') return jsonText(diffJson(d, lang));
  return render(format, lang, {
    title: diffTitle(d, lang),
    subtitle: subtitle(dataName(d.data), d.asOf),
    sections: diffSections(d, lang),
    charts: () => diffCharts(d, lang),
    data: withoutDiagnostics({
      ...d,
      simulations: {
        from: withoutDiagnostics(d.simulations.from),
        to: withoutDiagnostics(d.simulations.to),
      },
    }),
  });
}

/** Threshold searches, the weight-sensitivity tornado and band stability. */
export function renderCalibration(
  format: SimulationFormat,
  c: Calibration,
  opts: SimulationRenderOptions,
): string {
  const lang = opts.lang;
  if (format === 'json') return jsonText(c);
  return render(format, lang, {
    title: calibrationTitle(c, lang),
    subtitle: subtitle(dataName(c.data), c.asOf),
    sections: calibrationSections(c, lang),
    charts: () => calibrationCharts(c, lang),
    data: withoutDiagnostics(c),
  });
}

function render(format: Exclude<SimulationFormat, 'json'>, lang: Language, report: Report): string {
  switch (format) {
    case 'csv':
      return csvText(report.sections, lang);
    case 'md':
      return terminalText(markdownText(report.title, report.sections));
    case 'html':
      return reportHtml({ ...report, charts: report.charts() }, lang);
    default:
      return terminalText(tableText(report.title, report.sections));
  }
}

/**
 * A mover's reason in the report's language, as diagnostics carry their message: the words
 * under `reason`, the catalogue text under `i18n.reason` to render in another language.
 */
function diffJson(d: PolicyDiff, lang: Language) {
  return {
    ...d,
    movers: d.movers.map((m) => ({ ...m, reason: renderText(lang, m.reason), i18n: { reason: m.reason } })),
  };
}

function subtitle(customers: string, asOf: { date: string; timezone: string } | undefined): string {
  return asOf ? `${customers} · ${asOf.date} (${asOf.timezone})` : customers;
}

/** The CLI prints diagnostics to stderr; the page holds the figures only. */
function withoutDiagnostics<T extends { diagnostics: unknown }>(value: T): Omit<T, 'diagnostics'> {
  const { diagnostics: _, ...rest } = value;
  return rest;
}

/**
 * The object itself, keys sorted at every level so that two runs — or two versions of the code
 * that builds it — print the same figures in the same order; arrays keep their order.
 */
export function jsonText(value: unknown): string {
  return escapeJsonControls(
    `${JSON.stringify(value, (_key, v: unknown) => (isPlainObject(v) ? sortKeys(v) : v), 2)}\n`,
  );
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function sortKeys(v: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v).sort()) out[key] = v[key];
  return out;
}
