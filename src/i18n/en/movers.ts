/**
 * Why a customer's tier differs between two policies (diff's movers, src/simulate/reason.ts):
 * the score and the metrics that moved it, and what decided each side.
 */
export const movers = {
  reason: (p: { parts: string[] }) => p.parts.join('; '),
  score: (p: { from: string; to: string; changes: string[] }) =>
    `score ${p.from} → ${p.to}${p.changes.length === 0 ? '' : ` (${p.changes.join(', ')} points)`}`,
  change: (p: { metric: string; delta: string }) => `${p.metric} ${p.delta}`,
  sameScore: (p: { score: string }) => `same score ${p.score}`,
  noScore: 'none',
  wasNow: (p: { was: string; now: string }) => `was ${p.was}; now ${p.now}`,
  thresholds: (p: { tier: string; range: string }) => `${p.tier} from ${p.range}`,
  scoreRange: (p: { lower?: string; upper?: string }) =>
    p.lower === undefined && p.upper === undefined
      ? 'any score'
      : [p.lower === undefined ? undefined : `score ${p.lower}`, p.upper]
          .filter((x) => x !== undefined)
          .join(', '),
  quota: (p: { tier: string; rank: number; of: number }) => `${p.tier} at rank ${p.rank} of ${p.of}`,
  criteria: (p: { tier: string }) => `${p.tier} by its criteria`,
  otherwise: (p: { tier: string }) => `${p.tier} (otherwise)`,
  matrix: (p: { tier: string; row: string; column: string }) => `${p.tier} in cell ${p.row} × ${p.column}`,
  none: (p: { reason: string }) => `no tier (${p.reason})`,
  sql: (p: { tier: string }) => `${p.tier} by the policy's SQL`,
  quotaWas: (p: { tier: string; share: string }) => `was in ${p.tier} (quota ${p.share})`,
  quotaNow: (p: { tier: string; share: string }) => `now in ${p.tier} (quota ${p.share})`,
  tiers: (p: { from: string; to: string }) => `tier ${p.from} → ${p.to}`,
  noTier: 'none',
};
