// The weights the analyst is typing, added up per level (the dimensions; each dimension's metrics)
// so the form can say at once which level does not reach 100. The server checks the same rule and
// reports it as a diagnostic; this only echoes the figures on the screen as they are typed. Pure.
import type { Dimension } from './policy-shape.js';

export interface WeightSum {
  /** 'dimensions', or the id of the dimension whose metrics are added. */
  level: string;
  sum: number;
}

const add = (weights: readonly (number | undefined)[]) =>
  // Hundredths: 33.33 + 33.33 + 33.34 is 100, not 99.99999999999999.
  Math.round(weights.reduce<number>((total, w) => total + (typeof w === 'number' ? w : 0), 0) * 100) / 100;

export function weightSums(dimensions: Record<string, Dimension> | undefined): WeightSum[] {
  if (!dimensions) return [];
  const entries = Object.entries(dimensions);
  return [
    { level: 'dimensions', sum: add(entries.map(([, d]) => d?.weight)) },
    ...entries.map(([id, d]) => ({
      level: id,
      sum: add(Object.values(d?.metrics ?? {}).map((m) => m?.weight)),
    })),
  ];
}
