import type { Language } from '../../i18n/language.js';
import { t as translate } from '../../i18n/text.js';
import { terminalText } from '../control.js';
import { dataName } from '../data-name.js';
import { SIMULATION_FORMATS, type SimulationFormat } from '../formats.js';
import { reportHtml } from '../simulation/html.js';
import { jsonText } from '../simulation/index.js';
import { csvText, markdownText, tableText } from '../simulation/section.js';
import { replayCharts } from './charts.js';
import { type ReplayReport, replaySections } from './sections.js';
import { policyName, t } from './text.js';

export { type ReplayReport, steadierLines } from './sections.js';
export {
  renderTimeline,
  TIMELINE_FORMATS,
  type TimelineFormat,
  timelineCsvHeader,
  timelineLines,
} from './timeline.js';
export type { ReplayFigures, ReplayRun, TimelineEntry } from './types.js';

/** The replay report's formats: those of the simulation report. */
export const REPLAY_FORMATS = SIMULATION_FORMATS;
export type ReplayFormat = SimulationFormat;

/**
 * Per run the tier distribution, moves, grace, flags and churn of each policy replayed; the
 * moves over all runs; which policy is the steadier. JSON holds every figure (the per-run moves
 * matrices, the computed tiers); the states are in --out, the timelines in --timeline.
 */
export function renderReplay(format: ReplayFormat, report: ReplayReport, opts: { lang: Language }): string {
  const lang = opts.lang;
  if (format === 'json') return jsonText(jsonOf(report));
  const sections = replaySections(report, lang);
  const title = titleOf(report, lang);
  switch (format) {
    case 'csv':
      return csvText(sections, lang);
    case 'md':
      return terminalText(markdownText(title, sections));
    case 'html': {
      const [first] = report.replays;
      const runs = first?.runs ?? [];
      return reportHtml(
        {
          title,
          subtitle: `${first ? dataName(first.data) : ''} · ${runs[0]?.label ?? ''} … ${runs.at(-1)?.label ?? ''} (${first?.timezone ?? ''})`,
          sections,
          charts: replayCharts(report, lang),
          data: jsonOf(report),
        },
        lang,
      );
    }
    default:
      return terminalText(tableText(title, sections));
  }
}

function titleOf(report: ReplayReport, language: Language): string {
  return translate(language, 'simulation.pair', {
    label: t('title', language),
    value: report.replays.map(policyName).join(' · '),
  });
}

/** The report's object: each replay without its diagnostics (stderr) and states (--out). */
function jsonOf(report: ReplayReport) {
  return {
    every: report.every,
    replays: report.replays.map((r) => {
      const {
        diagnostics: _d,
        states: _s,
        ...rest
      } = r as typeof r & { diagnostics?: unknown; states?: unknown };
      return rest;
    }),
  };
}
