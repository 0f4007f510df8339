/**
 * Findings about the tiers (src/policy/lint: tiers, thresholds, quota, criteria, matrix, service)
 * and the ranges and customers they are shown with (src/policy/analysis).
 */
const tierList = (names: string[]) => {
  const quoted = names.map((n) => `'${n}'`);
  const list =
    quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}` : quoted[0];
  return `${quoted.length > 1 ? 'tiers' : 'tier'} ${list}`;
};
const forExample = (example: string | undefined) => (example ? `, e.g. ${example}` : '');

export const tiers = {
  /** "≥ 50,000 and < 100,000": ends arrive as "≥ 50,000", numbers already formatted. */
  range: (p: { lower?: string; upper?: string; point?: string }) =>
    p.point !== undefined
      ? `= ${p.point}`
      : [p.lower, p.upper].filter((x) => x !== undefined).join(' and ') || 'any value',
  quantity: (p: { number: string; unit?: string }) =>
    p.unit === undefined ? p.number : p.unit === 'percent' ? `${p.number}%` : `${p.number} ${p.unit}`,
  rangeIn: (p: { range: string; unit?: string }) =>
    p.unit === undefined ? p.range : p.unit === 'percent' ? `${p.range}%` : `${p.range} ${p.unit}`,
  factIs: (p: { fact: string; value: string }) => `${p.fact} = ${p.value}`,
  factIsNot: (p: { fact: string; value: string }) => `${p.fact} ≠ ${p.value}`,
  factIn: (p: { fact: string; values: string[] }) => `${p.fact} in (${p.values.join(', ')})`,
  factNotIn: (p: { fact: string; values: string[] }) => `${p.fact} not in (${p.values.join(', ')})`,
  factRange: (p: { fact: string; range: string }) => `${p.fact} ${p.range}`,
  literal: (p: { json: string }) => p.json,
  both: (p: { parts: string[] }) => p.parts.join(' and '),

  tierIdTwice: (p: { id: string; first: number; second: number }) =>
    `tier id '${p.id}' is used twice (levels ${p.first} and ${p.second})`,
  quotaNoEffect: (p: { method: string }) => `quota settings have no effect with method '${p.method}'`,
  matrixMissing: 'method matrix needs a `matrix:` with rows, columns and cells',
  matrixNoEffect: (p: { method: string }) => `a matrix has no effect with method '${p.method}'`,
  needsDimensions: (p: { method: string }) =>
    `method '${p.method}' ranks customers by score, but the policy has no dimensions`,
  needsDimensionsQuotaHelp: 'add dimensions, or rank by a fact: quota: { rankBy: spend12m }',
  needsDimensionsHelp: 'add dimensions with weighted metrics',
  fieldNoEffect: (p: { field: string; method: string }) =>
    `'${p.field}' has no effect with method '${p.method}'`,
  minScoreAndScore: (p: { tier: string }) => `tier '${p.tier}' states both minScore and score`,
  minScoreAndScoreHelp: 'minScore: 90 is short for score: { atLeast: 90 }',
  noMinScore: (p: { tier: string }) =>
    `tier '${p.tier}' has no minScore; only the last tier may take every remaining score`,
  noMinScoreHelp: 'add minScore: N',
  noShare: (p: { tier: string }) => `tier '${p.tier}' has no share`,
  noShareHelp: "add share: '10%'",
  whenAndOtherwise: (p: { tier: string }) => `tier '${p.tier}' has both when and otherwise`,
  otherwiseNotLast: (p: { tier: string }) =>
    `tier '${p.tier}' is 'otherwise' but is not the last tier: the tiers after it are never reached`,
  noWhen: (p: { tier: string }) => `tier '${p.tier}' has no when condition`,
  noWhenHelp: 'add when: { all: [ … ] }, or otherwise: true on the last tier',

  tierStates: (p: { tier: string; conflict: string }) => `tier '${p.tier}' states ${p.conflict}`,
  tierShadowed: (p: { tier: string; range: string }) =>
    `tier '${p.tier}' (${p.range}) is never reached: better tiers take all its scores`,
  tierShadowedHelp: 'list tiers best first with descending thresholds',
  scoreGap: (p: { range: string }) => `scores ${p.range} get no tier`,
  scoreGapHelp: (p: { example: string }) =>
    `a customer scoring ${p.example} gets no tier: lower a threshold, or let the last tier take the rest (no minScore)`,
  scoreOverlap: (p: { tier: string; range: string; earlier: string }) =>
    `tier '${p.tier}' claims scores ${p.range}, which tier '${p.earlier}' takes first`,
  scoreOverlapHelp: (p: { bound: string }) => `make the boundary explicit once: e.g. below: ${p.bound} here`,

  quotaSum: (p: { total: number; listed: string }) =>
    `quota shares sum to ${p.total}%, not 100% (${p.listed})`,
  quotaSumShortHelp: (p: { missing: number }) => `${p.missing}% of customers would get no tier`,
  quotaSumOverHelp: 'lower the shares',
  zeroShare: (p: { tier: string }) => `tier '${p.tier}' has a 0% share and is never reached`,
  rankedByNonNumber: (p: { fact: string; type: string }) =>
    `customers are ranked by '${p.fact}', which is ${p.type}, not a number`,

  coverageNotChecked: (p: { reason: string }) =>
    `gaps and overlaps between the criteria tiers were not checked, because ${p.reason}`,
  coverageNotCheckedHelp:
    'the coverage analysis decides comparisons of a fact with a constant (value: 500000) exactly, and leaves anything else alone rather than guess',
  coverageSampled: (p: { limit: string }) =>
    `coverage analysis was cut short: the criteria tiers split customers into more than ${p.limit} cases, so only a sample was checked; further gaps and overlaps may exist, and unreachable tiers are not reported`,
  coverageSampledHelp: 'fewer distinct thresholds per fact let the analysis check every case',
  noTierForAny: (p: { example?: string }) => `no tier matches any customer${forExample(p.example)}`,
  noTierForOne: (p: { region: string }) => `no tier matches a customer with ${p.region}`,
  noTierFor: (p: { region: string; example?: string }) =>
    `no tier matches customers with ${p.region}${forExample(p.example)}`,
  noTierHelp: (p: { more: boolean }) =>
    `widen a tier’s condition, add a tier for these customers, or end with a tier that has \`otherwise: true\`${p.more ? ' (there are more gaps than the ones shown)' : ''}`,
  alsoMatches: (p: { tier: string; others: string[]; example?: string }) =>
    `tier '${p.tier}' also matches customers that ${tierList(p.others)} ${p.others.length > 1 ? 'take' : 'takes'} first${forExample(p.example)}`,
  alsoMatchesHelp:
    'tiers are tried best first and the first that matches wins; narrow this condition if that is not meant',
  neverReached: (p: { tier: string; reason: string }) => `tier '${p.tier}' can never be reached: ${p.reason}`,
  noCustomerSatisfies: 'no customer satisfies its condition',
  tiersAboveTakeAll: 'the tiers above it take every customer',
  takenFirstBy: (p: { others: string[]; example?: string }) =>
    `every customer it matches is taken first by ${tierList(p.others)}${forExample(p.example)}`,
  contradictionHelp: 'its comparisons contradict each other; check the bounds and values',
  takenFirstHelp: 'move it above the tiers that take its customers, or narrow theirs',

  tooManyNodes: (p: { limit: string }) =>
    `the tiers' conditions expand to more than ${p.limit} comparisons and groups`,
  readsPath: (p: { tier: string; fact: string }) => `tier '${p.tier}' reads a path inside '${p.fact}'`,
  passesParams: (p: { tier: string; fact: string }) => `tier '${p.tier}' passes params to '${p.fact}'`,
  comparesFacts: (p: { tier: string; fact: string; other: string }) =>
    `tier '${p.tier}' compares '${p.fact}' with another fact ('${p.other}')`,
  containsOnScalar: (p: { tier: string; operator: string; fact: string }) =>
    `tier '${p.tier}' uses '${p.operator}' on '${p.fact}', which is not a list`,
  comparesDate: (p: { tier: string; fact: string }) => `tier '${p.tier}' compares the date fact '${p.fact}'`,
  ordersNonNumber: (p: { tier: string; type: string; fact: string; operator: string }) =>
    `tier '${p.tier}' compares ${p.type} fact '${p.fact}' with '${p.operator}'`,
  comparesNotNumber: (p: { tier: string; fact: string; json: string }) =>
    `tier '${p.tier}' compares '${p.fact}' with ${p.json}, which is not a number`,
  inWithoutList: (p: { tier: string; operator: string; fact: string }) =>
    `tier '${p.tier}' uses '${p.operator}' on '${p.fact}' without a list of values`,
  tooClose: (p: { fact: string }) =>
    `the values '${p.fact}' is compared with are too close together or too large to tell apart`,

  rowBandUnknown: (p: { band: string }) =>
    `cells name row band '${p.band}', which the rows axis does not have`,
  columnBandUnknown: (p: { band: string }) =>
    `cells name column band '${p.band}', which the columns axis does not have`,
  cellUnknownTier: (p: { row: string; column: string; tier: string }) =>
    `cell ${p.row} × ${p.column} names unknown tier '${p.tier}'`,
  missingCell: (p: { row: string; column: string }) => `no tier for row '${p.row}' × column '${p.column}'`,
  missingCellHelp: (p: { row: string; column: string }) => `add cells: { ${p.row}: { ${p.column}: <tier> } }`,
  notInMatrix: (p: { tier: string }) => `tier '${p.tier}' is in no cell of the matrix`,
  axisSources: (p: { axis: string; sources: string[] }) =>
    `the ${p.axis} axis must read exactly one of fact, dimension or score (it has ${p.sources.length ? p.sources.join(', ') : 'none'})`,
  boundNotNumber: (p: { json: string }) =>
    `${p.json} is not a number: only an axis on a date fact is banded by dates`,
  axisFactNotNumber: (p: { axis: string; fact: string; type: string }) =>
    `the ${p.axis} axis bands fact '${p.fact}', which is ${p.type}, not a number`,
  unknownDimension: (p: { id: string }) => `unknown dimension '${p.id}'`,
  axisScoreNoDimensions: (p: { axis: string }) =>
    `the ${p.axis} axis reads the score, but the policy has no dimensions`,
  bandIdTwice: (p: { id: string; axis: string }) => `band id '${p.id}' is used twice on the ${p.axis} axis`,
  axis: (p: { axis: string }) => `the ${p.axis} axis`,

  firstResponse: 'first response',
  resolution: 'resolution',
  resolutionOnNonWorkingDays: 'resolution on non-working days',
  availability: 'availability',
  discountQuota: 'discount quota',
  serviceWorse: (p: { tier: string; what: string; value: string; lower: string; theirs: string }) =>
    `tier '${p.tier}' has ${p.what} ${p.value}, worse than lower tier '${p.lower}' (${p.theirs})`,
  serviceWorseHelp:
    'tiers are listed best first; a better tier should get at least what the tiers below it get',
  cadenceWorse: (p: { tier: string; action: string; every: string; lower: string; theirs: string }) =>
    `tier '${p.tier}' gets '${p.action}' every ${p.every}, less often than lower tier '${p.lower}' (every ${p.theirs})`,
};
