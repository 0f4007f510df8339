import { formatNumber } from '../../format/number.js';

/** A range of scores or values as a policy writes one; an end left out is open. */
export interface Bounds {
  atLeast?: number;
  above?: number;
  below?: number;
  atMost?: number;
}

const n = (x: number) => formatNumber(x, 6);

/** "≥ 55 and < 75", the way a policy's author would say it. */
export function range(b: Bounds, and = 'and', any = 'any value'): string {
  if (b.atLeast !== undefined && b.atLeast === b.atMost) return `= ${n(b.atLeast)}`;
  const parts = [
    b.atLeast !== undefined ? `≥ ${n(b.atLeast)}` : b.above !== undefined ? `> ${n(b.above)}` : '',
    b.atMost !== undefined ? `≤ ${n(b.atMost)}` : b.below !== undefined ? `< ${n(b.below)}` : '',
  ].filter((p) => p !== '');
  return parts.length === 0 ? any : parts.join(` ${and} `);
}

/** Tier order (TW0322): tiers are listed best first, and a better score must not get a worse tier. */
export const order = {
  thresholds: (p: {
    tier: string;
    betterTier: string;
    range: Bounds;
    betterRange: Bounds;
    high: number;
    low: number;
  }) =>
    `tier '${p.tier}' gets scores ${range(p.range)}, higher than the scores ${range(p.betterRange)} of the better tier '${p.betterTier}': a customer scoring ${n(p.high)} gets '${p.tier}' while one scoring ${n(p.low)} gets '${p.betterTier}'`,
  thresholdsHelp: (p: { tier: string; betterTier: string; range: Bounds }) =>
    `tiers are listed best first, so a higher score must never get a later tier: let '${p.betterTier}' or a better tier take the scores ${range(p.range)}, or reorder the tiers`,
  matrix: (p: {
    key: string;
    fixedKey: string;
    fixedBand: string;
    better: number;
    worse: number;
    tier: string;
    betterTier: string;
  }) =>
    `where ${p.fixedKey} is in band '${p.fixedBand}', a better ${p.key} gets a worse tier: ${p.key} = ${n(p.better)} gets '${p.tier}' while ${p.key} = ${n(p.worse)} gets the better tier '${p.betterTier}'`,
  matrixHelp: (p: { key: string; higher: boolean; inferred: boolean }) =>
    `${p.inferred ? 'most cells of the matrix give' : 'the policy scores'} ${p.higher ? 'a higher' : 'a lower'} ${p.key} ${p.inferred ? 'a better tier' : 'as better'}, and tiers are listed best first: swap the two cells, or reorder the tiers`,
  quota: (p: { fact: string }) =>
    `customers are ranked by '${p.fact}' highest first, but the policy scores a lower ${p.fact} as better: the best tiers go to the customers it scores worst`,
  quotaHelp: 'rank by the score (`quota: { rankBy: score }`), or by a fact of which more is better',
};
