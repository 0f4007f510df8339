import { decimal, text } from '../../format/figure.js';
import type { Language } from '../../i18n/language.js';
import { t as translate } from '../../i18n/text.js';
import { terminalText } from '../control.js';
import { csvText as csvTable } from '../csv.js';
import { jsonText } from '../simulation/index.js';
import { markdownText, type Section, tableText } from '../simulation/section.js';
import type { ReplayFormat } from './index.js';
import { t } from './text.js';
import type { TimelineEntry } from './types.js';

/** What `--timeline FILE` writes: CSV (.csv) or one JSON object a line (.ndjson, .jsonl). */
export const TIMELINE_FORMATS = ['csv', 'ndjson'] as const;
export type TimelineFormat = (typeof TIMELINE_FORMATS)[number];

const FIELDS = [
  'customer',
  'run',
  'asOf',
  'tier',
  'computed',
  'score',
  'graceTier',
  'graceUntil',
  'flags',
  'events',
] as const;

function record(e: TimelineEntry) {
  return {
    customer: e.customer,
    run: e.run,
    asOf: e.asOf,
    tier: e.tier,
    computed: e.computed,
    score: e.score,
    graceTier: e.graceTier,
    graceUntil: e.graceUntil,
    flags: e.flags.length > 0 ? e.flags.join('|') : undefined,
    events: e.events.length > 0 ? e.events.join('|') : undefined,
  };
}

/** The CSV header line of a timeline file. */
export function timelineCsvHeader(): string {
  return csvTable(FIELDS, []);
}

/** Timeline lines in a file's format, without the CSV header: written run by run as they come. */
export function timelineLines(format: TimelineFormat, entries: readonly TimelineEntry[]): string {
  if (format === 'ndjson')
    return entries
      .map(
        (e) =>
          `${JSON.stringify(Object.fromEntries(Object.entries(record(e)).filter(([, v]) => v !== undefined)))}\n`,
      )
      .join('');
  const rows = entries.map((e) => {
    const r = record(e);
    return FIELDS.map((f) => r[f]);
  });
  return csvTable(FIELDS, rows, { header: false });
}

/** The re-rating's event types (src/rerate/types.ts EventType) → their names in the rerate catalogue. */
const EVENT_KEYS: Record<string, string | undefined> = {
  rated: 'typeRated',
  upgrade: 'typeUpgrade',
  downgrade: 'typeDowngrade',
  reviewed: 'typeReviewed',
  held: 'typeHeld',
  grace: 'typeGrace',
  recovered: 'typeRecovered',
  triggered: 'typeTriggered',
  flagged: 'typeFlagged',
  cleared: 'typeCleared',
  undecided: 'typeUndecided',
};

/** An event's name in the reader's language (the rerate catalogue's). */
export function eventName(type: string, language: Language): string {
  const key = EVENT_KEYS[type];
  return key === undefined ? type : translate(language, `rerate.${key}` as Parameters<typeof translate>[1]);
}

/** One customer's timeline as `--customer ID` prints it. */
export function renderTimeline(
  format: ReplayFormat,
  customer: string,
  entries: readonly TimelineEntry[],
  language: Language,
): string {
  if (format === 'json') return jsonText(entries.map((e) => record(e)));
  if (format === 'csv')
    return csvTable(
      FIELDS,
      entries.map((e) => FIELDS.map((f) => record(e)[f])),
    );
  const l = (key: Parameters<typeof t>[0]) => t(key, language);
  const section: Section = {
    id: 'timeline',
    title: translate(language, 'replay.timelineTitle', { customer }),
    lines: [],
    columns: [
      { title: l('run') },
      { title: l('asOf') },
      { title: l('tier') },
      { title: l('computed') },
      { title: l('score'), numeric: true },
      { title: l('events') },
      { title: l('flags') },
      { title: l('graceUntil') },
    ],
    rows: entries.map((e) => [
      text(e.run),
      text(e.asOf),
      text(e.tier ?? ''),
      text(e.computed ?? ''),
      decimal(e.score),
      text(e.events.length === 0 ? l('noEvents') : e.events.map((x) => eventName(x, language)).join(', ')),
      text(e.flags.join(', ')),
      text(e.graceUntil ?? ''),
    ]),
  };
  const title = translate(language, 'replay.timelineTitle', { customer });
  return terminalText(format === 'md' ? markdownText(title, [section]) : tableText(title, [section]));
}
