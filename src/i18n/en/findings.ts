/**
 * Findings about customers while a policy is evaluated, simulated, calibrated or profiled
 * (src/engine, src/compile, src/simulate, src/profile). Customer ids arrive as the run shows them.
 */
export const findings = {
  moreNotListed: (p: { n: number }) => `${p.n} more customer findings are not listed`,
  moreNotListedHelp: '`tierwise eval` lists them, customer by customer',
  fastPathFallback: (p: { what: string }) =>
    `the fast path cannot evaluate ${p.what}; using the reference engine`,
  noTierToCalibrate: (p: { tier: string }) => `the policy has no tier '${p.tier}' to calibrate`,
  policyTiers: (p: { ids: string[] }) => `the policy's tiers: ${p.ids.join(', ')}`,

  profileFactType: (p: { option: string; id: string; type: string; key: boolean; types: string[] }) =>
    `${p.option} ${p.id}: the fact is of type ${p.type}${p.key ? ' and is the key' : ''}, not ${p.types.join(' or ')}`,
  profileNoFact: (p: { option: string; id: string }) =>
    `${p.option} ${p.id}: the policy has no fact ${p.id} read from the customer file`,
  profileFactsThatFit: (p: { ids: string[] }) => `facts that fit: ${p.ids.join(', ')}`,
  profileNoFactFits: 'the policy has no fact that fits',
  staleMonths: (p: { months: number }) =>
    `--stale-months ${p.months}: give a whole number of months, 1 or more`,
  staleMonthsHelp:
    'seed 004 calls a customer without a purchase for 3 months a churn warning: --stale-months 3',
};
