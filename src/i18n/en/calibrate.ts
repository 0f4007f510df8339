import { formatCount, formatNumber } from '../../format/number.js';

const n = (x: number) => formatNumber(x, 6);

/** Threshold search (tierwise calibrate): why a target cannot be searched, what a suggestion breaks. */
export const calibrate = {
  problems: 'problems',
  notThresholds: (p: { method: string }) =>
    `tiers decided by method '${p.method}' have no score threshold to search`,
  notThresholdsHelp: (p: { method: string; tier: string }) =>
    p.method === 'quota'
      ? `a quota tier's share is its target: set share: '…%' on '${p.tier}'; for a share of revenue, try shares with \`tierwise simulate\``
      : p.method === 'matrix'
        ? "matrix tiers are decided by the axes' bands: move a band's bound in a variant and compare it with `tierwise diff --from POLICY --to VARIANT`"
        : "criteria tiers are decided by their conditions: change a condition's value in a variant and compare it with `tierwise diff --from POLICY --to VARIANT`",
  lastTier: (p: { tier: string }) =>
    `tier '${p.tier}' is the last tier: it takes every score the tiers above it leave, and has no threshold to search`,
  lastTierHelp: 'search the threshold of a tier above it',
  scoreRange: (p: { tier: string }) =>
    `tier '${p.tier}' states its scores as a score: range; only minScore thresholds are searched`,
  scoreRangeHelp: 'write the lower end as minScore: the order of the tiers gives the upper end',
  crossesTier: (p: { tier: string; value: number; other: string; threshold: number }) =>
    `'${p.tier}' at ${n(p.value)} is at or below the threshold of '${p.other}' (${n(p.threshold)}): '${p.other}' can no longer be reached`,
  crossesTierHelp: (p: { other: string }) =>
    `the target needs more customers than the tiers in between leave: lower '${p.other}' as well, or ask for a smaller share`,
  emptiesTier: (p: { tier: string; value: number; other: string; before: number }) =>
    `with '${p.tier}' at ${n(p.value)}, tier '${p.other}' has no customers left (it has ${formatCount(p.before)} now)`,
  emptiesTierHelp: 'a tier without customers serves no one: check the target before using the threshold',
  invertsOrder: (p: {
    tier: string;
    value: number;
    worseTier: string;
    betterTier: string;
    high: number;
    low: number;
  }) =>
    `with '${p.tier}' at ${n(p.value)}, a customer scoring ${n(p.high)} gets '${p.worseTier}' while one scoring ${n(p.low)} gets the better tier '${p.betterTier}' (TW0322)`,
  invertsOrderHelp:
    'the threshold leaves a hole above a tier whose range ends below it: change that range too',
};
