import type { Fact } from '../../policy/schema/facts.js';

/** A fact value the way a business reader writes it: 1,020,000 CNY, 92%, 30 days. */
export function formatFactValue(value: unknown, fact: Pick<Fact, 'unit'> | undefined): string {
  if (value === undefined || value === null) return '(missing)';
  if (typeof value !== 'number') return String(value);
  const number = value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  const unit = fact?.unit;
  if (!unit) return number;
  if (unit === 'percent') return `${number}%`;
  return `${number} ${unit}`;
}

export function formatPoints(points: number): string {
  return points.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
