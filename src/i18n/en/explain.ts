/**
 * A customer's explanation (eval --explain, test failures): the score's parts, what decided the
 * tier, what it takes to move up; and why a customer gets no tier (src/engine/explain).
 */
const OPERATORS: Record<string, string> = {
  equal: '=',
  notEqual: '≠',
  lessThan: '<',
  lessThanInclusive: '≤',
  greaterThan: '>',
  greaterThanInclusive: '≥',
  in: 'in',
  notIn: 'not in',
  contains: 'contains',
  doesNotContain: 'does not contain',
};

export const explain = {
  heading: (p: { customer: string; tier: string; score?: string }) =>
    `${p.customer} → ${p.tier}${p.score === undefined ? '' : ` (${p.score})`}`,
  tierWithId: (p: { label: string; id: string }) => `${p.label} [${p.id}]`,
  noTier: 'no tier',
  score: (p: { score: string; raw: string }) => `score ${p.score}, unrounded ${p.raw}`,
  dimension: (p: { name: string; share: string; points: string; contribution: string }) =>
    `${p.name} (${p.share}% of the score): ${p.points} points → ${p.contribution}`,
  dimensionExcluded: (p: { name: string }) => `${p.name}: left out (no metric could be scored)`,
  metric: (p: { name: string; value: string; how: string; share?: string; contribution?: string }) =>
    `${p.name}: ${p.value} → ${p.how}${p.share === undefined ? '' : ` × ${p.share}% = ${p.contribution}`}`,
  metricExcluded: 'left out (missing)',
  metricPoints: (p: { points: string }) => `${p.points} points`,
  metricMissingPoints: (p: { points: string }) => `${p.points} points (missing-value rule)`,
  missing: '(missing)',
  decidedBy: (p: { why: string }) => `decided by: ${p.why}`,
  thresholdsOpen: (p: { score: string; tier: string }) =>
    `score ${p.score} reaches no tier above, so tier ${p.tier} takes it`,
  thresholds: (p: { score: string; range: string; tier: string }) =>
    `score ${p.score} is ${p.range} (tier ${p.tier})`,
  quota: (p: {
    rank: number;
    of: number;
    by: string;
    value: string;
    tier: string;
    endsAt: number;
    tied: boolean;
  }) =>
    `rank ${p.rank} of ${p.of} by ${p.by} (${p.value}); tier ${p.tier} takes ranks up to ${p.endsAt}${
      p.tied ? ', tied with the last of them' : ''
    }`,
  theScore: 'score',
  criteriaOtherwise: (p: { tier: string }) => `no earlier rule matched: tier ${p.tier} takes the rest`,
  criteriaRule: (p: { tier: string; trace: string }) => `rule of tier ${p.tier}: ${p.trace}`,
  matrix: (p: { row: string; rowValue: string; column: string; columnValue: string; tier: string }) =>
    `row ${p.row} (${p.rowValue}) × column ${p.column} (${p.columnValue}) → ${p.tier}`,
  operator: (p: { operator: string }) => OPERATORS[p.operator] ?? p.operator,
  comparison: (p: { fact: string; operator: string; value: string }) => `${p.fact} ${p.operator} ${p.value}`,
  traced: (p: { comparison: string; current: string; result: boolean }) =>
    `${p.comparison} [${p.current}: ${p.result ? 'yes' : 'no'}]`,
  not: (p: { trace: string }) => `not (${p.trace})`,
  group: (p: { trace: string }) => `(${p.trace})`,
  all: (p: { parts: string[] }) => p.parts.join(' and '),
  any: (p: { parts: string[] }) => p.parts.join(' or '),
  moveUp: (p: { how: string }) => `to move up: ${p.how}`,
  moveUpNeeds: (p: { tier: string; conditions: string[] }) => `${p.tier} needs ${p.conditions.join(' and ')}`,
  moveUpNow: (p: { comparison: string; current: string }) => `${p.comparison} (now ${p.current})`,
  moveUpTier: (p: { tier: string }) => p.tier,
  moveUpPoints: (p: { points: string; tier: string; ways: string[] }) =>
    `+${p.points} points for ${p.tier}${
      p.ways.length > 0 ? `: ${p.ways.join(', or ')}` : ' (no single metric can close the gap alone)'
    }`,
  classes: (p: { classifier: string; classes: string[] }) => `${p.classifier}: ${p.classes.join(', ')}`,
  triggers: (p: { items: string[] }) => `triggers: ${p.items.join('; ')}`,
  trigger: (p: { trigger: string; effects: string[] }) =>
    p.effects.length === 0 ? p.trigger : `${p.trigger} → ${p.effects.join(', ')}`,
  flagged: 'flagged',
  rerateNow: 're-rate now',
  notify: (p: { roles: string[] }) => `notify ${p.roles.join(', ')}`,
  finding: (p: { severity: string; code: string; message: string }) =>
    `${p.severity}[${p.code}]: ${p.message}`,

  // Why a customer gets no tier (the decision's reason, TW0702).
  noTierFor: (p: { customer: string; reason: string }) => `customer ${p.customer} gets no tier: ${p.reason}`,
  notScored: 'the customer could not be scored',
  noScoreRange: (p: { score: string }) => `no tier's score range holds ${p.score}`,
  noCriteria: 'no tier’s criteria hold',
  conditionFailed: 'a condition could not be evaluated',
  quotaPending: 'quota is decided over the population',
  decidedInSql: (p: { tier: string }) =>
    `${p.tier}, as the policy's SQL decided it on DuckDB (\`--engine compiled\` explains why)`,
  noRankValue: 'no value to rank by',
  unranked: 'unranked',
  axisNoValue: (p: { axis: 'rows' | 'columns'; name: string }) => `${p.axis}: no value for ${p.name}`,
  axisNoBand: (p: { axis: 'rows' | 'columns'; value: string }) => `${p.axis}: no band holds ${p.value}`,
  emptyCell: (p: { row: string; column: string }) => `no tier in cell ${p.row} × ${p.column}`,
  // TW0701: a metric that cannot be scored; TW0703: conditions a value breaks
  metricUnscored: (p: {
    customer: string;
    fact: string;
    value: string;
    metric: string;
    key: string;
    missing: boolean;
  }) =>
    `customer ${p.customer} ${
      p.missing
        ? `has no value for '${p.fact}'`
        : `has ${p.fact} = ${p.value}, which no band or category of metric '${p.metric}' covers`
    }, and metric '${p.key}' has no missing-value rule`,
  metricUnscoredHelp: 'fix the data, or declare missing: exclude | { points: N } on the metric',
  conditionsBroken: (p: { customer: string; error: string }) =>
    `conditions could not be evaluated for customer ${p.customer}: ${p.error}`,
};
