/**
 * Calendar arithmetic on day numbers: a zone-local calendar day is the number of days since
 * 1970-01-01 in the proleptic Gregorian calendar, a calendar month is year × 12 + (month − 1).
 * Both are plain integers, so per-transaction code can compare, subtract and put them in a Set
 * without allocating. The conversions are Howard Hinnant's civil-from-days algorithms, exact for
 * every year (Date.UTC would map years 0–99 to 1900–1999).
 */

export const DAY_MS = 86_400_000;

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The month index (year × 12 + month − 1) of a day number, without building a date. */
export function monthOfDay(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return year * 12 + month - 1;
}

export function civilDate(day: number): CivilDate {
  const month = monthOfDay(day);
  const first = firstDayOfMonth(month);
  return { year: Math.floor(month / 12), month: (month % 12) + 1, day: day - first + 1 };
}

export function firstDayOfMonth(month: number): number {
  const year = Math.floor(month / 12);
  return dayNumber(year, month - year * 12 + 1, 1);
}

export function daysInMonth(month: number): number {
  return firstDayOfMonth(month + 1) - firstDayOfMonth(month);
}

/** Whether year-month-day names a real date (2024-02-29 does, 2023-02-29 does not). */
export function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year * 12 + month - 1);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** 2024-03-01 */
export function formatDay(day: number): string {
  const date = civilDate(day);
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** 2024-03 */
export function formatMonth(month: number): string {
  const year = Math.floor(month / 12);
  return `${pad(year, 4)}-${pad(month - year * 12 + 1, 2)}`;
}
