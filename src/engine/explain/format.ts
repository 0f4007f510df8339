import { formatNumber } from '../../format/number.js';
import type { Language } from '../../i18n/language.js';
import { t } from '../../i18n/text.js';
import type { Fact } from '../../policy/schema/facts.js';

/** Units that add nothing to a number a reader sees: a count of needs is just 3. */
const BARE = new Set(['count', 'ratio']);

/** A fact value the way a business reader writes it: 1,020,000 CNY, 92%, 30 days (30 天). */
export function formatFactValue(
  value: unknown,
  fact: Pick<Fact, 'unit'> | undefined,
  language: Language = 'en',
): string {
  if (value === undefined || value === null) return t(language, 'explain.missing');
  if (typeof value !== 'number') return String(value);
  const unit = fact?.unit;
  return t(language, 'tiers.quantity', {
    number: formatNumber(value),
    unit: unit === undefined || BARE.has(unit) ? undefined : unit,
  });
}

export function formatPoints(points: number): string {
  return formatNumber(points);
}
