import { count, type Figure, percent, text } from '../../format/figure.js';
import type { Language } from '../../i18n/language.js';
import { t as translate } from '../../i18n/text.js';
import { dataName } from '../data-name.js';
import type { Column, Section } from '../simulation/section.js';
import { placeNames, policyName, t } from './text.js';
import type { ReplayFigures as Replay, ReplayRun } from './types.js';

/** What a replay report shows: one or more policies replayed over the same runs and data. */
export interface ReplayReport {
  replays: Replay[];
  /** --every as given, for the overview. */
  every: string;
}

const churnOf = (value: number) => percent(value);

export function replaySections(report: ReplayReport, language: Language): Section[] {
  const l = (key: Parameters<typeof t>[0]) => t(key, language);
  const [first] = report.replays;
  if (!first) return [];
  const several = report.replays.length > 1;
  const suffix = (i: number) => (several ? `-${i + 1}` : '');
  const titled = (title: string, r: Replay) => (several ? `${title} · ${policyName(r)}` : title);
  const runs = first.runs;
  const sections: Section[] = [
    {
      id: 'overview',
      title: l('overview'),
      lines: [translate(language, 'replay.asOfRule', { zone: first.timezone })],
      columns: [{ title: l('item') }, { title: l('value') }],
      rows: [
        ...report.replays.map((r) => [text(l('policy')), text(policyName(r))]),
        [text(l('data')), text(dataName(first.data))],
        ...(first.data.transactions ? [[text(l('transactions')), text(first.data.transactions)]] : []),
        [
          text(l('runs')),
          text(
            translate(language, 'replay.runsValue', {
              from: runs[0]?.label ?? '',
              to: runs.at(-1)?.label ?? '',
              every: report.every,
              runs: runs.length,
            }),
          ),
        ],
        [
          text(l('start')),
          text(
            first.data.state === undefined
              ? l('startEmpty')
              : translate(language, 'replay.startState', { customers: first.data.state }),
          ),
        ],
        [text(l('customers')), count(first.customers)],
        [text(l('customerMonths')), count(first.customerMonths)],
      ],
    },
  ];
  report.replays.forEach((r, i) => {
    sections.push(runsSection(r, language, `runs${suffix(i)}`, titled(l('runsTitle'), r)));
    sections.push(movesSection(r, language, `moves${suffix(i)}`, titled(l('movesTitle'), r)));
  });
  sections.push(stabilitySection(report, language));
  if (several) sections.push(compareSection(report, language));
  return sections;
}

function runsSection(r: Replay, language: Language, id: string, title: string): Section {
  const l = (key: Parameters<typeof t>[0]) => t(key, language);
  const places = placeNames(r, language);
  const columns: Column[] = [
    { title: l('run') },
    { title: l('asOf') },
    ...places.map((p) => ({ title: p, numeric: true })),
    { title: l('upgrades'), numeric: true },
    { title: l('downgrades'), numeric: true },
    { title: l('inGrace'), numeric: true },
    { title: l('held'), numeric: true },
    { title: l('flagged'), numeric: true },
    { title: l('warned'), numeric: true },
    { title: l('triggered'), numeric: true },
    { title: l('undecided'), numeric: true },
    { title: l('churn'), unit: '%', numeric: true },
  ];
  const row = (run: ReplayRun): Figure[] => [
    text(run.label),
    text(run.asOf),
    ...run.tiers.map(count),
    count(run.upgrades),
    count(run.downgrades),
    count(run.inGrace),
    count(run.held),
    count(run.flagged),
    count(run.warned),
    count(run.triggered),
    count(run.undecided),
    churnOf(run.churn),
  ];
  return { id, title, lines: [l('churnNote')], columns, rows: r.runs.map(row) };
}

function movesSection(r: Replay, language: Language, id: string, title: string): Section {
  const places = placeNames(r, language, true);
  const total = places.map((_, from) =>
    places.map((__, to) => r.runs.reduce((n, run) => n + run.moves[from]![to]!, 0)),
  );
  return {
    id,
    title,
    lines: [],
    columns: [{ title: '' }, ...places.map((p) => ({ title: p, numeric: true }))],
    rows: places.map((p, from) => [text(p), ...total[from]!.map(count)]),
  };
}

function stabilitySection(report: ReplayReport, language: Language): Section {
  const l = (key: Parameters<typeof t>[0]) => t(key, language);
  const sum = (r: Replay, key: 'upgrades' | 'downgrades' | 'flagged') =>
    r.runs.reduce((n, run) => n + run[key], 0);
  return {
    id: 'stability',
    title: l('stabilityTitle'),
    lines: steadierLines(report, language),
    columns: [
      { title: l('policy') },
      { title: l('averageChurn'), unit: '%', numeric: true },
      { title: l('maxChurn'), unit: '%', numeric: true },
      { title: l('worstRun') },
      { title: l('changes'), numeric: true },
      { title: l('upgrades'), numeric: true },
      { title: l('downgrades'), numeric: true },
      { title: l('flagged'), numeric: true },
    ],
    rows: report.replays.map((r) => [
      text(policyName(r)),
      churnOf(r.stability.averageChurn),
      churnOf(r.stability.maxChurn),
      text(r.stability.worstRun ?? ''),
      count(r.stability.changes),
      count(sum(r, 'upgrades')),
      count(sum(r, 'downgrades')),
      count(sum(r, 'flagged')),
    ]),
  };
}

/** Which policy is the steadier, by average churn as the table shows it (rounded). */
export function steadierLines(report: ReplayReport, language: Language): string[] {
  if (report.replays.length < 2) return [];
  const ranked = [...report.replays].sort((a, b) => a.stability.averageChurn - b.stability.averageChurn);
  const [best, next] = ranked as [Replay, Replay];
  const shown = (r: Replay) => churnOf(r.stability.averageChurn).text;
  if (shown(best) === shown(next)) return [translate(language, 'replay.asSteady', { churn: shown(best) })];
  return [
    translate(language, 'replay.steadier', {
      policy: policyName(best),
      churn: shown(best),
      other: policyName(next),
      otherChurn: shown(next),
    }),
  ];
}

function compareSection(report: ReplayReport, language: Language): Section {
  const l = (key: Parameters<typeof t>[0]) => t(key, language);
  const [first] = report.replays as [Replay];
  return {
    id: 'compare',
    title: l('compareTitle'),
    lines: [],
    columns: [
      { title: l('run') },
      ...report.replays.map((r) => ({ title: `${policyName(r)} · ${l('churn')}`, unit: '%', numeric: true })),
      ...report.replays.map((r) => ({ title: `${policyName(r)} · ${l('changed')}`, numeric: true })),
    ],
    rows: first.runs.map((run, k) => [
      text(run.label),
      ...report.replays.map((r) => churnOf(r.runs[k]?.churn ?? 0)),
      ...report.replays.map((r) => count(r.runs[k]?.changed)),
    ]),
  };
}
