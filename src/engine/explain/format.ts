import { DEFAULT_TIMEZONE } from '../../data/index.js';
import { instantText } from '../../facts/instant.js';
import { formatNumber } from '../../format/number.js';
import type { Language } from '../../i18n/language.js';
import { t } from '../../i18n/text.js';
import type { Fact } from '../../policy/schema/facts.js';

/** Units that add nothing to a number a reader sees: a count of needs is just 3. */
const BARE = new Set(['count', 'ratio']);

/** A fact value the way a business reader writes it: 1,020,000 CNY, 92%, 30 days (30 天). */
export function formatFactValue(
  value: unknown,
  fact: Pick<Fact, 'unit' | 'type'> | undefined,
  language: Language = 'en',
  timezone: string = DEFAULT_TIMEZONE,
): string {
  if (value === undefined || value === null) return t(language, 'explain.missing');
  if (fact?.type === 'date' && typeof value === 'number') return formatDateValue(value, timezone);
  if (typeof value !== 'number') return String(value);
  const unit = fact?.unit;
  return t(language, 'tiers.quantity', {
    number: formatNumber(value),
    unit: unit === undefined || BARE.has(unit) ? undefined : unit,
  });
}

/**
 * A date as evaluation holds it (an instant) the way the data wrote it: the day alone when it is
 * the start of a day in the policy's zone (2023-12-03), else ISO 8601 with the zone's offset.
 */
export function formatDateValue(at: number, timezone: string): string {
  const text = instantText(at, timezone);
  return text.slice(10, 19) === 'T00:00:00' && text.length === 25 ? text.slice(0, 10) : text;
}

export function formatPoints(points: number): string {
  return formatNumber(points);
}
