/**
 * Findings about customers while a policy is evaluated, simulated, calibrated or profiled
 * (src/engine, src/compile, src/simulate, src/profile). Customer ids arrive as the run shows them.
 */
export const findings = {
  moreNotListed: (p: { n: number }) => `${p.n} more customer findings are not listed`,
  moreNotListedHelp: '`tierwise eval` lists them, customer by customer',
  conditionsFailed: (p: { customer: string; detail: string }) =>
    `conditions could not be evaluated for customer ${p.customer}: ${p.detail}`,
  fastPathFallback: (p: { what: string }) =>
    `the fast path cannot evaluate ${p.what}; using the reference engine`,
  noTier: (p: { customer: string; reason: string }) => `customer ${p.customer} gets no tier: ${p.reason}`,
  reasonNotScored: 'the customer could not be scored',
  reasonConditionFailed: 'a condition could not be evaluated',
  reasonQuota: 'quota is decided over the population',
  reasonAxis: (p: { axis: 'rows' | 'columns'; reason: string }) => `${p.axis}: ${p.reason}`,
  reasonNoCell: (p: { row: string; column: string }) => `no tier in cell ${p.row} × ${p.column}`,
  reasonNoRange: (p: { score: string }) => `no tier's score range holds ${p.score}`,
  reasonNoValue: (p: { id: string }) => `no value for ${p.id}`,
  reasonNoBand: (p: { value: string }) => `no band holds ${p.value}`,
  reasonNoRankValue: 'no value to rank by',
  reasonUnranked: 'unranked',
  reasonNoCriteria: 'no tier’s criteria hold',
  /** A reason this catalogue does not know (a newer engine's), in English. */
  reasonOther: (p: { reason: string }) => p.reason,
  noMetricValue: (p: { customer: string; fact: string; dimension: string; metric: string }) =>
    `customer ${p.customer} has no value for '${p.fact}', and metric '${p.dimension}.${p.metric}' has no missing-value rule`,
  noMetricBand: (p: { customer: string; fact: string; value: string; dimension: string; metric: string }) =>
    `customer ${p.customer} has ${p.fact} = ${p.value}, which no band or category of metric '${p.metric}' covers, and metric '${p.dimension}.${p.metric}' has no missing-value rule`,
  missingRuleHelp: 'fix the data, or declare missing: exclude | { points: N } on the metric',
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
