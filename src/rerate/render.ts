import { formatDay } from '../facts/calendar.js';
import { formatNumber } from '../format/number.js';
import { type Language, type Localized, pick } from '../i18n/language.js';
import { type MessageId, t } from '../i18n/text.js';
import type { Policy } from '../policy/schema/policy.js';
import { csvText } from '../report/csv.js';
import { renderTable } from '../report/table.js';
import type { EventType, RerateEvent } from './types.js';

export const EVENT_FORMATS = ['table', 'csv', 'ndjson', 'json'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

const TYPE_TEXT: Record<EventType, MessageId> = {
  rated: 'rerate.typeRated',
  upgrade: 'rerate.typeUpgrade',
  downgrade: 'rerate.typeDowngrade',
  reviewed: 'rerate.typeReviewed',
  held: 'rerate.typeHeld',
  grace: 'rerate.typeGrace',
  recovered: 'rerate.typeRecovered',
  triggered: 'rerate.typeTriggered',
  flagged: 'rerate.typeFlagged',
  cleared: 'rerate.typeCleared',
  undecided: 'rerate.typeUndecided',
};

const BECAUSE: Record<RerateEvent['because'], MessageId> = {
  due: 'rerate.becauseDue',
  trigger: 'rerate.becauseTrigger',
  grace: 'rerate.becauseGrace',
  immediate: 'rerate.becauseImmediate',
  new: 'rerate.becauseNew',
};

/** Tier and trigger labels of a policy, to say events in the reader's words. */
export interface EventWords {
  tier(id: string | undefined, language: Language): string;
  trigger(id: string, language: Language): string;
}

export function eventWords(policy: Policy): EventWords {
  const tiers = new Map<string, Localized | undefined>(
    (policy.tiers?.levels ?? []).map((l) => [l.id, l.label]),
  );
  const triggers = new Map<string, Localized | undefined>(
    (policy.rerating?.triggers ?? []).map((tr) => [tr.id, tr.label]),
  );
  return {
    tier: (id, language) =>
      id === undefined ? t(language, 'rerate.noTier') : pick(tiers.get(id), language, id),
    trigger: (id, language) => pick(triggers.get(id), language, id),
  };
}

export function eventTypeText(type: EventType, language: Language): string {
  return t(language, TYPE_TEXT[type] as 'rerate.typeRated');
}

/** Why an event happened, in one sentence of the reader's language. */
export function eventReason(event: RerateEvent, words: EventWords, language: Language): string {
  const tier = (id: string | undefined) => words.tier(id, language);
  const score =
    event.score === undefined ? '' : t(language, 'rerate.scoreSuffix', { score: formatNumber(event.score) });
  const because = t(language, BECAUSE[event.because] as 'rerate.becauseDue');
  const triggers = (event.triggers ?? []).map((id) => words.trigger(id, language)).join(', ');
  switch (event.type) {
    case 'rated':
      return t(language, 'rerate.rated', { to: tier(event.to), score });
    case 'upgrade':
      return t(language, 'rerate.upgrade', { from: tier(event.from), to: tier(event.to), score, because });
    case 'downgrade':
      return t(language, 'rerate.downgrade', { from: tier(event.from), to: tier(event.to), score, because });
    case 'reviewed':
      return t(language, 'rerate.reviewed', { tier: tier(event.to), score });
    case 'held':
      return t(language, 'rerate.held', {
        tier: tier(event.from),
        score: formatNumber(event.score ?? 0),
        hold: formatNumber(event.hold ?? 0),
      });
    case 'grace':
      return t(language, 'rerate.grace', {
        from: tier(event.from),
        to: tier(event.to),
        until: event.graceUntil === undefined ? '' : formatDay(event.graceUntil),
      });
    case 'recovered':
      return t(language, 'rerate.recovered', { tier: tier(event.to) });
    case 'triggered':
      return t(language, 'rerate.triggered', { triggers });
    case 'flagged':
      return t(language, 'rerate.flagged', { flag: event.flag ?? '', triggers });
    case 'cleared':
      return t(language, 'rerate.cleared', { flag: event.flag ?? '' });
    case 'undecided':
      return t(language, 'rerate.undecided', { tier: tier(event.from) });
  }
}

const FIELDS = [
  'customer',
  'date',
  'type',
  'from',
  'to',
  'score',
  'because',
  'triggers',
  'flag',
  'hold',
  'graceUntil',
  'reason',
] as const;

/** One event as the machine-readable outputs write it; `reason` in the run's language. */
export function eventRecord(event: RerateEvent, words: EventWords, language: Language) {
  return {
    customer: event.customer,
    date: formatDay(event.at),
    type: event.type,
    from: event.from,
    to: event.to,
    score: event.score,
    because: event.because,
    triggers: event.triggers && event.triggers.length > 0 ? event.triggers.join('|') : undefined,
    flag: event.flag,
    hold: event.hold,
    graceUntil: event.graceUntil === undefined ? undefined : formatDay(event.graceUntil),
    reason: eventReason(event, words, language),
  };
}

export function renderEvents(
  format: EventFormat,
  events: readonly RerateEvent[],
  words: EventWords,
  language: Language,
): string {
  const records = events.map((e) => eventRecord(e, words, language));
  if (format === 'csv')
    return csvText(
      FIELDS,
      records.map((r) => FIELDS.map((f) => r[f])),
    );
  const clean = () =>
    records.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
  if (format === 'ndjson')
    return clean()
      .map((r) => `${JSON.stringify(r)}\n`)
      .join('');
  if (format === 'json') return `${JSON.stringify(clean(), null, 2)}\n`;
  if (events.length === 0) return `${t(language, 'rerate.noEvents')}\n`;
  const header = [
    t(language, 'rerate.colCustomer'),
    t(language, 'rerate.colDate'),
    t(language, 'rerate.colEvent'),
    t(language, 'rerate.colFrom'),
    t(language, 'rerate.colTo'),
    t(language, 'rerate.colScore'),
    t(language, 'rerate.colReason'),
  ];
  const rows = events.map((e, i) => [
    e.customer,
    records[i]!.date,
    eventTypeText(e.type, language),
    e.from === undefined ? '' : words.tier(e.from, language),
    e.to === undefined ? '' : words.tier(e.to, language),
    e.score === undefined ? '' : formatNumber(e.score),
    records[i]!.reason,
  ]);
  return `${renderTable(header, rows, [false, false, false, false, false, true, false])}\n`;
}

/** Counts of a run by event type, for the summary line and the reports. */
export function eventCounts(events: readonly RerateEvent[]): Record<EventType, number> {
  const counts = Object.fromEntries(Object.keys(TYPE_TEXT).map((k) => [k, 0])) as Record<EventType, number>;
  for (const e of events) counts[e.type]++;
  return counts;
}
