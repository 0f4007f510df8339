/**
 * Semantic findings about a policy's metadata, facts, conditions, weights, scoring and labels
 * (src/policy/lint). Numbers arrive formatted; ids arrive as the policy writes them.
 */
export const lint = {
  effectiveOrder: (p: { from: string; to: string }) =>
    `effectiveTo (${p.to}) is not after effectiveFrom (${p.from})`,
  notTimeZone: (p: { zone: string }) => `'${p.zone}' is not an IANA time zone`,
  timeZoneHelp: 'e.g. Asia/Shanghai',
  reratingUnknownTier: (p: { id: string }) => `rerating.every names unknown tier '${p.id}'`,
  reratingHoldUnknownTier: (p: { id: string }) => `rerating.hold names unknown tier '${p.id}'`,
  calendarAnchorPeriod: (p: { every: string; tier: string }) =>
    `rerating.anchor: calendar needs periods that tile the year; ${p.every} (${p.tier}) does not`,
  calendarAnchorPeriodHelp:
    'use P1M, P2M, P3M, P4M, P6M or P1Y, or anchor: last-rating to count from each customer’s last rating',
  holdNeedsScore: (p: { method: string }) =>
    `a hysteresis band compares scores, and tiers.method ${p.method} gives no score`,
  holdNeedsScoreHelp: 'bands apply to thresholds and quota tiers; remove rerating.hold',
  holdNoBand: (p: { tier: string; hold: string; minScore: string }) =>
    `the band of ${p.tier} (${p.hold}) is not below its minScore (${p.minScore}): customers leave it as they would without one`,
  holdNoBandHelp: 'a band sits below the tier’s minScore, e.g. minScore 90, hold 85',
  notRealDate: (p: { text: string }) => `${p.text} is not a real date and time`,
  zeroDuration: (p: { text: string }) => `${p.text} is a zero duration`,
  zeroDurationHelp: 'e.g. PT4H, P1M',
  durationTooLong: (p: { text: string; years: number }) => `${p.text} is longer than ${p.years} years`,

  noKeyFact: 'no fact is marked `key: true`: evaluation cannot tell customers apart',
  noKeyFactHelp: 'mark the customer id fact, e.g. customerId: { type: string, column: 客户编号, key: true }',
  twoKeyFacts: (p: { first: string; second: string }) =>
    `more than one key fact ('${p.first}' and '${p.second}')`,
  twoRevenueFacts: (p: { first: string; second: string }) =>
    `more than one revenue fact ('${p.first}' and '${p.second}')`,
  enumWithoutValues: (p: { id: string }) => `enum fact '${p.id}' lists no values`,
  enumWithoutValuesHelp: 'add values: [high, medium, low]',
  valuesNotEnum: (p: { id: string; type: string }) => `values are for enum facts; '${p.id}' is ${p.type}`,
  numericOnly: (p: { key: string; id: string; type: string }) =>
    `${p.key} applies to number and integer facts; '${p.id}' is ${p.type}`,
  revenueNotNumber: (p: { id: string; type: string }) =>
    `revenue fact '${p.id}' must be a number, not ${p.type}`,
  minAboveMax: (p: { min: number; max: number }) => `min ${p.min} is above max ${p.max}`,
  aggregateOnly: (p: { key: string; id: string }) =>
    `${p.key} describes an aggregate, but '${p.id}' has no \`aggregate\``,
  aggregateOnlyHelp: 'add aggregate: sum (or count, avg, …)',
  aggregateNeedsField: (p: { aggregate: string }) =>
    `aggregate '${p.aggregate}' needs the transaction field it reads`,
  aggregateNeedsFieldHelp: 'add of: amount',
  formatDateOnly: (p: { id: string; type: string }) => `format applies to date facts; '${p.id}' is ${p.type}`,
  defaultWrongType: (p: { json: string; type: string }) => `default ${p.json} is not a valid ${p.type}`,

  unknownNamedCondition: (p: { name: string }) => `unknown named condition '${p.name}'`,
  conditionShapeHelp:
    'a condition is a group (all: […], any: […], not: {…}), a reference (condition: name) or a comparison (fact, operator, value)',
  conditionOneGroup: (p: { keys: string[] }) => `a condition may hold only one of ${p.keys.join(', ')}`,
  conditionGroupAndComparison: (p: { group: string; keys: string[] }) =>
    `a condition cannot be both ${p.group} and a comparison (${p.keys.join(', ')})`,
  comparisonMissing: (p: { keys: string[] }) => `comparison is missing ${p.keys.join(', ')}`,
  emptyAny: 'an empty `any` holds for every customer (json-rules-engine treats it as true)',
  unknownFact: (p: { id: string }) => `unknown fact '${p.id}'`,
  comparedTypes: (p: { fact: string; type: string; other: string; otherType: string }) =>
    `'${p.fact}' (${p.type}) is compared with '${p.other}' (${p.otherType})`,
  operatorNeeds: (p: { operator: string; type: string; fact: string; expected: string; json: string }) =>
    `'${p.operator}' on ${p.type} fact '${p.fact}' needs ${p.expected}, got ${p.json}`,
  aNumber: 'a number',
  aListOfValues: 'a list of values',
  containsNeedsList: (p: { operator: string; fact: string; type: string }) =>
    `'${p.operator}' needs a list-valued fact; '${p.fact}' is ${p.type}`,
  containsNeedsListHelp: "use 'in' / 'notIn' to test a value against a list",
  orderNeedsNumbers: (p: { operator: string; fact: string; type: string }) =>
    `'${p.operator}' compares numbers; '${p.fact}' is ${p.type}`,
  orderNeedsNumbersHelp:
    'dates are compared with before, onOrBefore, after or onOrAfter, e.g. { fact: lastPurchase, operator: before, value: { ago: P90D } }',
  dateOperatorNeedsDate: (p: { operator: string; fact: string; type: string }) =>
    `${p.operator} compares dates; '${p.fact}' is a ${p.type} fact`,
  dateValueExpected: (p: { json: string }) => `${p.json} is not a date to compare with`,
  dateValueHelp:
    'write a date (2024-03-01 or 2024-03-01T09:00:00+08:00), { ago: P90D } (back from the as-of), or { fact: otherDate }',
  valueWrongType: (p: { type: string; fact: string; json: string; expected: string }) =>
    `${p.type} fact '${p.fact}' is compared with ${p.json}, expected a ${p.expected}`,
  notAValue: (p: { value: string; fact: string }) => `'${p.value}' is not one of the values of '${p.fact}'`,
  conditionCycle: (p: { name: string; cycle: string[] }) =>
    `named condition '${p.name}' refers to itself (${p.cycle.join(' → ')})`,

  dimension: 'dimension',
  metricOf: (p: { dimension: string }) => `metric of '${p.dimension}'`,
  negativeWeight: (p: { what: string; id: string; weight: number }) =>
    `${p.what} '${p.id}' has a negative weight (${p.weight})`,
  zeroWeight: (p: { what: string; id: string }) => `${p.what} '${p.id}' has weight 0 and never counts`,
  zeroWeightHelp: 'remove it or give it a weight',
  weightSum: (p: { what: string; sum: number; listed: string }) =>
    `${p.what} weights sum to ${p.sum}, not 100 (${p.listed})`,
  weightSumHelp: (p: { by: number }) => `adjust the weights by ${p.by} in total`,

  metricUnknownFact: (p: { metric: string; fact: string }) =>
    `metric '${p.metric}' scores unknown fact '${p.fact}'`,
  formScoresNumbers: (p: { form: string; fact: string; type: string }) =>
    `'${p.form}' scores numbers; fact '${p.fact}' is ${p.type}`,
  formScoresNumbersHelp: 'score categories: { high: 100, … }',
  linearFlat: (p: { value: number }) => `linear from and to are both ${p.value}: the line has no slope`,
  lowerIsBetterOrder: (p: { best: number; worst: number }) =>
    `lowerIsBetter needs best below worst (best ${p.best}, worst ${p.worst})`,
  lowerIsBetterOrderHelp: 'for higher-is-better use linear: { from: worst, to: best }',
  metric: (p: { id: string }) => `metric '${p.id}'`,
  categoriesNeedValues: (p: { fact: string; type: string }) =>
    `categories score enum, string or boolean facts; '${p.fact}' is ${p.type}`,
  categoriesNeedValuesHelp: 'score numbers with bands or linear',
  notValueOf: (p: { value: string; fact: string }) => `'${p.value}' is not a value of '${p.fact}'`,
  unscoredValues: (p: { values: string[]; fact: string }) =>
    `${p.values.map((v) => `'${v}'`).join(', ')} of '${p.fact}' ${p.values.length > 1 ? 'have' : 'has'} no points`,
  unscoredValuesHelp: 'give every value points, or declare `missing:` for the values left out',

  bothAtLeastAndAbove: 'both atLeast and above',
  bothBelowAndAtMost: 'both below and atMost',
  bandStates: (p: { band: number; conflict: string }) => `band ${p.band} states ${p.conflict}`,
  bandStatesHelp:
    'keep one: atLeast (≥) or above (>) for the lower end, below (<) or atMost (≤) for the upper end',
  bandNeverMatches: (p: { band: number; range: string }) =>
    `band ${p.band} (${p.range}) never matches: earlier bands take all its values`,
  bandNeverMatchesHelp: 'bands are matched in order, first match wins: order them by value, or fix the bound',
  bandGap: (p: { range: string; unit?: string; what: string }) =>
    `values ${p.range}${p.unit ? ` ${p.unit}` : ''} fall in no band of ${p.what}`,
  bandGapHelp: (p: { example: string; unit?: string; bounded: boolean }) =>
    `extend a band to cover ${p.example}${p.unit ? ` ${p.unit}` : ''}${p.bounded ? '' : ', or declare the fact’s min/max if such values cannot occur'}`,
  bandOverlap: (p: { later: number; earlier: number; range: string; unit?: string }) =>
    `band ${p.later} overlaps band ${p.earlier} at ${p.range}${p.unit ? ` ${p.unit}` : ''}; those values go to band ${p.earlier}`,
  bandOverlapHelp:
    'make the boundary explicit on one side only: e.g. below: X in one band and atLeast: X in the next',

  noLabel: (p: { what: string }) => `${p.what} has no label`,
  noLabelHelp: 'add label: { zh-CN: …, en: … }',
  labelMissing: (p: { what: string; language: string }) => `the label of ${p.what} has no ${p.language} text`,
  labelMissingHelp: (p: { language: string }) => `add ${p.language}: …`,
  thePolicy: 'the policy',
  fact: (p: { id: string }) => `fact '${p.id}'`,
  dimensionNamed: (p: { id: string }) => `dimension '${p.id}'`,
  metricNamed: (p: { id: string }) => `metric '${p.id}'`,
  tier: (p: { id: string }) => `tier '${p.id}'`,
  teamRole: (p: { id: string }) => `team role '${p.id}'`,
  benefit: (p: { id: string }) => `benefit '${p.id}'`,
  cadence: (p: { id: string }) => `cadence '${p.id}'`,
  classifier: (p: { id: string }) => `classifier '${p.id}'`,
  class: (p: { id: string }) => `class '${p.id}'`,
  trigger: (p: { id: string }) => `trigger '${p.id}'`,
};
