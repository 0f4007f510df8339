import { createHash } from 'node:crypto';
import { createEvents, type EventAttributes } from 'ics';
import { civilDate, formatDay } from '../facts/calendar.js';
import { LANGUAGES, type Language, type Localized, pick } from '../i18n/language.js';
import { t } from '../i18n/text.js';
import type { Plan, PlanItem } from './types.js';

export interface IcsFile {
  manager: string;
  /** A plain file name (no directory part), from the manager id. */
  file: string;
  text: string;
}

/**
 * One iCalendar file per account manager, written by the `ics` package. Every item is an all-day
 * event on its day (DTSTART;VALUE=DATE, DTEND the day after): `ics` writes no VTIMEZONE or TZID,
 * so a timed event could only be UTC or floating, while a day is what the plan decides. The day
 * is a calendar day of the plan's zone, which the calendar's name and each description state.
 * The UID is the plan item's: importing a later plan updates an event instead of adding one.
 * Nothing personal goes in: the customer id, never a contact's name or phone.
 */
export function icsFiles(plan: Plan, language: Language, stamp: number): IcsFile[] | Error {
  const byManager = new Map<string, PlanItem[]>();
  for (const item of plan.items) {
    const list = byManager.get(item.manager);
    if (list) list.push(item);
    else byManager.set(item.manager, [item]);
  }
  const names = fileNames([...byManager.keys()]);
  const files: IcsFile[] = [];
  for (const [manager, items] of byManager) {
    const events = items.map((item) => event(item, plan, language, stamp));
    const calName = t(language, 'plan.icsCalendar', { manager, policy: plan.policy, zone: plan.timezone });
    const { error, value } = createEvents(events, { productId: 'tierwise', calName });
    if (error || value === null) return error ?? new Error(`ics: no calendar for ${manager}`);
    files.push({ manager, file: names.get(manager)!, text: value });
  }
  return files;
}

function event(item: PlanItem, plan: Plan, language: Language, stamp: number): EventAttributes {
  const day = civilDate(item.day);
  const next = civilDate(item.day + 1);
  const lines = [
    t(language, 'plan.icsCustomer', { customer: item.customer }),
    t(language, 'plan.icsTier', { tier: pick(item.tierLabel, language, item.tier), id: item.tier }),
    item.channel === undefined ? undefined : t(language, 'plan.icsChannel', { channel: item.channel }),
    item.every === undefined ? undefined : t(language, 'plan.icsEvery', { every: item.every }),
    item.followUpWithin === undefined
      ? undefined
      : t(language, 'plan.icsFollowUp', { within: item.followUpWithin }),
    item.due === item.day ? undefined : t(language, 'plan.icsDue', { due: formatDay(item.due) }),
    item.graceTier === undefined ? undefined : t(language, 'plan.noteGrace', { tier: item.graceTier }),
    t(language, 'plan.icsZone', { zone: plan.timezone }),
  ];
  // `ics` types leave out DTSTAMP's attribute; without it every run would stamp the wall clock.
  return {
    uid: item.uid,
    start: [day.year, day.month, day.day],
    end: [next.year, next.month, next.day],
    title: `${bilingual(item.label, language, item.action)} · ${item.customer}`,
    description: lines.filter((l) => l !== undefined).join('\n'),
    categories: [item.tier],
    transp: 'TRANSPARENT',
    timestamp: stamp,
  } as EventAttributes;
}

/** The label in `language`, the other language after it in brackets when the policy has both. */
function bilingual(label: Localized, language: Language, fallback: string): string {
  const first = pick(label, language, fallback);
  const other = LANGUAGES.find((l) => l !== language);
  const second = other === undefined ? undefined : label[other];
  return second === undefined || second === first ? first : `${first} (${second})`;
}

const UNSAFE = /[^\p{L}\p{N}._-]+/gu;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A file name for each manager id that stays inside the directory it is written to: only
 * letters, digits, `.`, `_` and `-` are kept, no leading dot (no `..`, no hidden file), at most
 * 64 characters. An id that had to change, or that differs from another only in case (one file
 * on macOS and Windows), gets a hash of the id, so two managers never share a file.
 */
export function fileNames(managers: readonly string[]): Map<string, string> {
  const lower = new Map<string, number>();
  for (const m of managers) lower.set(m.toLowerCase(), (lower.get(m.toLowerCase()) ?? 0) + 1);
  return new Map(
    managers.map((manager) => {
      let base = manager
        .replace(UNSAFE, '_')
        .replace(/^[._]+/, '')
        .slice(0, 64);
      if (base === '') base = 'manager';
      const changed = base !== manager || RESERVED.test(base) || (lower.get(manager.toLowerCase()) ?? 0) > 1;
      const suffix = changed ? `-${createHash('sha256').update(manager).digest('hex').slice(0, 8)}` : '';
      return [manager, `${base}${suffix}.ics`];
    }),
  );
}
