import { formatDay } from '../facts/calendar.js';
import { type Language, pick } from '../i18n/language.js';
import { t } from '../i18n/text.js';
import { csvText } from '../report/csv.js';
import { renderTable } from '../report/table.js';
import type { Plan, PlanItem } from './types.js';

export type PlanFormat = 'table' | 'csv' | 'json';

/** The CSV's columns: ids, as a planner's import reads them; labels are in the output's language. */
export const PLAN_FIELDS = [
  'date',
  'customer',
  'manager',
  'tier',
  'tierLabel',
  'kind',
  'action',
  'label',
  'channel',
  'every',
  'followUpWithin',
  'due',
  'graceTier',
  'timezone',
] as const;

export function renderPlan(format: PlanFormat, plan: Plan, language: Language): string {
  if (format === 'json') return `${JSON.stringify(planJson(plan), null, 2)}\n`;
  if (format === 'csv')
    return csvText(
      PLAN_FIELDS,
      plan.items.map((item) => {
        const row = csvRecord(item, plan.timezone, language);
        return PLAN_FIELDS.map((f) => row[f]);
      }),
    );
  return planTable(plan, language);
}

function csvRecord(
  item: PlanItem,
  timezone: string,
  language: Language,
): Record<(typeof PLAN_FIELDS)[number], string | undefined> {
  return {
    date: formatDay(item.day),
    customer: item.customer,
    manager: item.manager,
    tier: item.tier,
    tierLabel: pick(item.tierLabel, language, item.tier),
    kind: item.kind,
    action: item.action,
    label: pick(item.label, language, item.action),
    channel: item.channel,
    every: item.every,
    followUpWithin: item.followUpWithin,
    due: formatDay(item.due),
    graceTier: item.graceTier,
    timezone,
  };
}

/** The JSON plan: dates as ISO 8601 days of `timezone`, labels in both languages. */
export function planJson(plan: Plan) {
  return {
    policy: plan.policy,
    timezone: plan.timezone,
    from: formatDay(plan.from),
    to: formatDay(plan.until - 1),
    horizon: plan.horizon,
    calendars: plan.calendars,
    items: plan.items.map((item) => ({
      date: formatDay(item.day),
      due: formatDay(item.due),
      customer: item.customer,
      manager: item.manager,
      tier: { id: item.tier, label: item.tierLabel },
      kind: item.kind,
      action: { id: item.action, label: item.label },
      ...(item.channel === undefined ? {} : { channel: item.channel }),
      ...(item.every === undefined ? {} : { every: item.every }),
      ...(item.followUpWithin === undefined ? {} : { followUpWithin: item.followUpWithin }),
      ...(item.graceTier === undefined ? {} : { graceTier: item.graceTier }),
      uid: item.uid,
    })),
  };
}

function planTable(plan: Plan, language: Language): string {
  const heading = t(language, 'plan.heading', {
    policy: plan.policy,
    from: formatDay(plan.from),
    to: formatDay(plan.until - 1),
    zone: plan.timezone,
    calendars: plan.calendars.map((c) => `${c.id} ${c.version}`).join(', '),
  });
  if (plan.items.length === 0) return `${heading}\n${t(language, 'plan.empty')}\n`;
  const header = [
    t(language, 'plan.colDate'),
    t(language, 'plan.colManager'),
    t(language, 'plan.colCustomer'),
    t(language, 'plan.colTier'),
    t(language, 'plan.colAction'),
    t(language, 'plan.colChannel'),
    t(language, 'plan.colNote'),
  ];
  const rows = plan.items.map((item) => [
    formatDay(item.day),
    item.manager,
    item.customer,
    pick(item.tierLabel, language, item.tier),
    pick(item.label, language, item.action),
    item.channel ?? '',
    note(item, language),
  ]);
  const summary = t(language, 'plan.summary', {
    items: plan.items.length,
    customers: new Set(plan.items.map((i) => i.customer)).size,
    managers: new Set(plan.items.map((i) => i.manager)).size,
  });
  return `${heading}\n\n${renderTable(header, rows)}\n\n${summary}\n`;
}

function note(item: PlanItem, language: Language): string {
  if (item.kind === 'grace-end' && item.graceTier !== undefined)
    return t(language, 'plan.noteGrace', { tier: item.graceTier });
  if (item.day === item.due) return '';
  if (item.kind === 'review') return t(language, 'plan.noteOverdue', { due: formatDay(item.due) });
  return t(language, 'plan.noteMoved', { due: formatDay(item.due) });
}
