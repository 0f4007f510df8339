/**
 * Calendar days as whole numbers (days since 1970-01-01), so that order dates can be placed with
 * integer arithmetic and written without any time zone: the policies read a date without a time
 * as the start of that day in their own zone (Asia/Shanghai).
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;

export function dayOf(iso: string): Day {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function isoOf(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Year and month (1–12) of a day. */
export function monthOf(day: Day): { year: number; month: number } {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 };
}

/** The first day of a month; `month` may run past 12 or below 1. */
export function firstOfMonth(year: number, month: number): Day {
  return Date.UTC(year, month - 1, 1) / MS_PER_DAY;
}

/** Each calendar month touching [from, to], as the part of it inside that range. */
export function monthsBetween(from: Day, to: Day): { first: Day; last: Day }[] {
  const out: { first: Day; last: Day }[] = [];
  let { year, month } = monthOf(from);
  for (;;) {
    const start = firstOfMonth(year, month);
    if (start > to) return out;
    const end = firstOfMonth(year, month + 1) - 1;
    out.push({ first: Math.max(start, from), last: Math.min(end, to) });
    month++;
  }
}
