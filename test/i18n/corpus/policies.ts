import { edit, VALID } from '../../helpers/policy.js';

/**
 * Broken policies, each breaking one thing, together producing every finding a policy text can
 * get from parse, schema and lint: the material the zh-CN and byte-identical-English tests render.
 * `allowed` lists the words the author wrote that a message quotes (a misspelt key, a bad value).
 */
export interface PolicyCase {
  name: string;
  text: string;
  allowed?: string[];
}

const meta = (lines: string) => edit(VALID, '  version: 1.0.0\n', `  version: 1.0.0\n${lines}\n`);
const fact = (line: string) =>
  edit(
    VALID,
    '  customerId: { type: string, key: true }\n',
    `  customerId: { type: string, key: true }\n${line}\n`,
  );

export const MATRIX = `apiVersion: tierwise/v1
kind: TierPolicy
metadata:
  name: matrix
  version: 1.0.0
  labels: { zh-CN: 价值活跃度矩阵, en: Value x activity }
facts:
  customerId: { type: string, key: true }
  spend12m: { type: number, unit: CNY, min: 0 }
  activeMonths12m: { type: integer, unit: months, min: 0, max: 12 }
  region: { type: string }
tiers:
  method: matrix
  matrix:
    rows:
      fact: spend12m
      bands: [ { id: high, above: 1000000 }, { id: low } ]
    columns:
      fact: activeMonths12m
      bands: [ { id: high, atLeast: 12 }, { id: low } ]
    cells:
      high: { high: core, low: potential }
      low: { high: basic, low: watch }
  levels:
    - { id: core, label: { zh-CN: 核心客户, en: Core } }
    - { id: potential, label: { zh-CN: 潜力客户, en: Potential } }
    - { id: basic, label: { zh-CN: 基础客户, en: Basic } }
    - { id: watch, label: { zh-CN: 观察客户, en: Watch } }
`;

const criteria = (levelsText: string, extra = '') => `apiVersion: tierwise/v1
kind: TierPolicy
metadata:
  name: criteria-test
  version: 1.0.0
  labels: { zh-CN: 条件分级, en: Criteria }
facts:
  customerId: { type: string, key: true }
  spend12m: { type: number, unit: CNY, min: 0 }
  purchasesPerMonth: { type: number, unit: orders/month, min: 0 }
  segment: { type: enum, values: [retail, corporate, public] }
  share: { type: number, unit: percent, min: 0, max: 100 }
  isPartner: { type: boolean }
  since: { type: date }
  tags: { type: string }
${extra}tiers:
  method: criteria
  levels:
${levelsText}`;

const label = (id: string) => `      label: { zh-CN: 等级${id}, en: Tier ${id} }\n`;
const level = (id: string, when: string) => `    - id: ${id}\n${label(id)}      when: ${when}\n`;
const last = (id: string) => `    - id: ${id}\n${label(id)}      otherwise: true\n`;

const QUOTA = edit(
  edit(
    edit(edit(VALID, 'method: thresholds', 'method: quota'), 'minScore: 90', "share: '10%'"),
    'minScore: 70',
    "share: '30%'",
  ),
  'sla: { response: { within: PT24H } }',
  "share: '50%'\n      sla: { response: { within: PT24H } }",
);

const BILLION_LAUGHS = `a: &a [x, x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
`;

export const POLICY_CASES: PolicyCase[] = [
  // reading: YAML
  {
    name: 'implicit key without value',
    text: edit(VALID, 'kind: TierPolicy\n', 'kind: TierPolicy\nbroken\n'),
  },
  { name: 'unclosed quote', text: edit(VALID, 'version: 1.0.0', 'version: "1.0.0') },
  { name: 'bad indentation', text: edit(VALID, '  version: 1.0.0\n', '    version: 1.0.0\n') },
  { name: 'tab indentation', text: edit(VALID, '  version: 1.0.0\n', '\tversion: 1.0.0\n') },
  {
    name: 'missing comma in flow',
    text: edit(VALID, '{ type: string, key: true }', '{ type: string key: true }'),
  },
  { name: 'duplicate key', text: edit(VALID, '  version: 1.0.0\n', '  version: 1.0.0\n  version: 1.0.1\n') },
  { name: 'two documents', text: `${VALID}---\n${VALID}` },
  { name: 'not a mapping', text: '- a\n- b\n' },
  { name: 'unknown tag', text: edit(VALID, 'version: 1.0.0', 'version: !semver 1.0.0') },
  { name: 'infinite number', text: edit(VALID, 'minScore: 90', 'minScore: .inf') },
  { name: 'not a number', text: edit(VALID, 'minScore: 90', 'minScore: .nan') },
  { name: 'key that is a list', text: `${VALID}? [a, b]\n: 1\n` },
  { name: 'alias bomb', text: BILLION_LAUGHS },
  {
    name: 'too many aliases',
    text: `x: &x 1\nys:\n${Array.from({ length: 10_001 }, () => '  - *x').join('\n')}\n`,
  },
  { name: 'alias cycle', text: 'x: &x [ *x ]\n' },
  { name: 'alias without anchor', text: 'x: *nope\n' },
  { name: 'standard tag the value does not fit', text: edit(VALID, 'minScore: 90', 'minScore: !!float x') },
  { name: 'nested too deep', text: `x: ${'['.repeat(120)}${']'.repeat(120)}\n` },

  // schema
  {
    name: 'unknown property',
    text: edit(VALID, '{ linear: { from: 0, to: 500000 } }', '{ lineer: { from: 0, to: 500000 } }'),
    allowed: ['lineer'],
  },
  {
    name: 'unknown property far from any',
    text: edit(VALID, '  version: 1.0.0\n', '  version: 1.0.0\n  zzzzzzzz: 1\n'),
    allowed: ['zzzzzzzz'],
  },
  { name: 'bad fact id', text: fact('  9lives: { type: string }'), allowed: ['9lives', 'lives'] },
  {
    name: 'bad dimension id',
    text: edit(VALID, '  potential:\n', '  "pot ential":\n'),
    allowed: ['pot', 'ential'],
  },
  { name: 'missing property', text: edit(VALID, '  name: test-policy\n', '') },
  { name: 'wrong type string', text: edit(VALID, 'minScore: 90', "minScore: 'ninety'"), allowed: ['ninety'] },
  { name: 'wrong type null', text: edit(VALID, 'minScore: 90', 'minScore:') },
  { name: 'wrong type list', text: edit(VALID, 'minScore: 90', 'minScore: [90]') },
  { name: 'wrong type mapping', text: edit(VALID, 'minScore: 90', 'minScore: { at: 90 }') },
  { name: 'wrong type boolean', text: edit(VALID, 'weight: 70', 'weight: true') },
  { name: 'percent without sign', text: edit(VALID, "discountQuota: '10%'", 'discountQuota: 10') },
  { name: 'bad duration', text: edit(VALID, 'within: PT4H', 'within: fast'), allowed: ['fast'] },
  { name: 'bad version', text: edit(VALID, 'version: 1.0.0', 'version: one'), allowed: ['one'] },
  { name: 'bad date-time', text: meta('  effectiveFrom: 2026-01-01') },
  { name: 'bad percent', text: edit(VALID, "discountQuota: '10%'", "discountQuota: '110%'") },
  {
    name: 'bad unit',
    text: edit(VALID, 'unit: CNY, min: 0, revenue', 'unit: kilograms, min: 0, revenue'),
    allowed: ['kilograms'],
  },
  {
    name: 'unknown method',
    text: edit(VALID, 'method: thresholds', 'method: threshold'),
    allowed: ['threshold'],
  },
  {
    name: 'wrong apiVersion',
    text: edit(VALID, 'apiVersion: tierwise/v1', 'apiVersion: tierwise/v2'),
    allowed: ['v2'],
  },
  { name: 'bad fact type', text: fact('  region: { type: text }'), allowed: ['region', 'text'] },
  {
    name: 'two scoring forms',
    text: edit(
      VALID,
      '{ linear: { from: 0, to: 500000 } }',
      '{ linear: { from: 0, to: 500000 }, lowerIsBetter: { best: 0, worst: 1 } }',
    ),
  },
  { name: 'no levels', text: VALID.slice(0, VALID.indexOf('  levels:\n')) + '  levels: []\n' },
  {
    name: 'empty metrics',
    text: edit(
      VALID,
      '    metrics:\n      industry: { weight: 100, score: { categories: { high: 100, medium: 60, low: 20 } } }\n',
      '    metrics: {}\n',
    ),
  },
  {
    name: 'repeated enum value',
    text: edit(VALID, 'values: [high, medium, low]', 'values: [high, high, low]'),
  },
  { name: 'empty id', text: edit(VALID, 'name: test-policy', "name: ''") },
  {
    name: 'bad availability',
    text: edit(VALID, 'response: { within: PT4H }', 'response: { within: PT4H, availability: always }'),
    allowed: ['always'],
  },
  {
    name: 'bad clock',
    text: edit(VALID, 'response: { within: PT4H }', 'response: { within: PT4H, clock: wall }'),
    allowed: ['wall'],
  },
  { name: 'bad announce', text: `${VALID}rerating:\n  announce: [fax]\n`, allowed: ['fax'] },
  {
    name: 'bad sort order',
    text: edit(
      QUOTA,
      '  method: quota\n',
      '  method: quota\n  quota: { tieBreak: [ { fact: spend12m, order: up } ], ties: maybe, rounding: round }\n',
    ),
    allowed: ['up', 'maybe', 'round'],
  },
  {
    name: 'bad pick',
    text: `${VALID}classifiers:\n  stage:\n    label: { zh-CN: 阶段, en: Stage }\n    pick: some\n    rules:\n      - { id: big, label: { zh-CN: 大, en: Big }, when: { fact: spend12m, operator: greaterThan, value: 1 } }\n`,
    allowed: ['some'],
  },
  {
    name: 'bad missing',
    text: edit(
      VALID,
      'orders12m:\n        weight: 40\n',
      'orders12m:\n        weight: 40\n        missing: skip\n',
    ),
    allowed: ['skip'],
  },

  // metadata
  {
    name: 'period ends before it starts',
    text: meta('  effectiveFrom: 2026-06-01T00:00:00+08:00\n  effectiveTo: 2026-01-01T00:00:00+08:00'),
  },
  { name: 'unknown time zone', text: meta('  timezone: Asia/Beijing'), allowed: ['Asia', 'Beijing'] },
  { name: 'date that does not exist', text: meta('  effectiveFrom: 2026-02-30T00:00:00+08:00') },
  { name: 'zero duration', text: edit(VALID, 'within: PT4H', 'within: PT0H') },
  {
    name: 'duration beyond any history',
    text: edit(VALID, 'within: PT4H', 'within: P99999999999999999999M'),
    allowed: ['P99999999999999999999M'],
  },
  {
    name: 'rerating names unknown tier',
    text: `${VALID}rerating:\n  every: { vipp: P3M, default: P12M }\n`,
    allowed: ['vipp'],
  },
  {
    name: 'calendar anchor with a period that does not tile the year',
    text: `${VALID}rerating:\n  anchor: calendar\n  every: { vip: P3M, default: P90D }\n`,
    allowed: ['P90D', 'default'],
  },
  {
    name: 'band for an unknown tier',
    text: `${VALID}rerating:\n  hold: { vipp: { minScore: 85 } }\n`,
    allowed: ['vipp'],
  },
  {
    name: 'band not below the threshold',
    text: `${VALID}rerating:\n  hold: { vip: { minScore: 95 } }\n`,
    allowed: ['vip'],
  },
  {
    name: 'band on tiers without a score',
    text: `${edit(
      VALID.replace(/minScore: \d+\n/g, 'when: { fact: spend12m, operator: greaterThan, value: 0 }\n'),
      'method: thresholds',
      'method: criteria',
    )}rerating:\n  hold: { vip: { minScore: 85 } }\n`,
    allowed: ['criteria'],
  },

  // facts
  { name: 'no key fact', text: edit(VALID, '{ type: string, key: true }', '{ type: string }') },
  // derived facts (expr)
  {
    name: 'expr unexpected character',
    text: fact('  perOrder: { type: number, expr: "spend12m / # orders12m" }'),
    allowed: ['#'],
  },
  { name: 'expr ends early', text: fact('  perOrder: { type: number, expr: "spend12m /" }') },
  {
    name: 'expr nesting',
    text: fact(`  deep: { type: number, expr: "${'('.repeat(70)}1${')'.repeat(70)}" }`),
  },
  { name: 'expr empty', text: fact('  blank: { type: number, expr: "   " }') },
  { name: 'expr two formulas', text: fact('  two: { type: number, expr: "spend12m orders12m" }') },
  {
    name: 'expr ternary',
    text: fact('  t: { type: number, expr: "orders12m > 0 ? spend12m : 0" }'),
    allowed: ['?:'],
  },
  {
    name: 'expr member',
    text: fact('  m: { type: number, expr: "Math.max(spend12m)" }'),
    allowed: ['Math.max'],
  },
  {
    name: 'expr strict equality',
    text: fact('  s: { type: boolean, expr: "orders12m === 0" }'),
    allowed: ['==='],
  },
  { name: 'expr bitwise', text: fact('  b: { type: number, expr: "orders12m & 1" }'), allowed: ['&'] },
  {
    name: 'expr too long',
    text: fact(
      `  long: { type: number, expr: "${Array.from({ length: 700 }, () => 'spend12m').join('+')}" }`,
    ),
  },
  { name: 'expr wrong kind', text: fact('  w: { type: boolean, expr: "!orders12m" }'), allowed: ['!'] },
  {
    name: 'expr compare kinds',
    text: fact('  c: { type: boolean, expr: "industry == 3" }'),
    allowed: ['=='],
  },
  { name: 'expr unit mismatch', text: fact('  u: { type: number, expr: "spend12m + orders12m" }') },
  {
    name: 'expr date arithmetic',
    text: fact('  since: { type: date }\n  d: { type: number, expr: "since - 1" }'),
  },
  {
    name: 'expr enum value',
    text: fact('  e: { type: boolean, expr: "industry == \'hihg\'" }'),
    allowed: ['hihg'],
  },
  {
    name: 'expr unknown function',
    text: fact('  f: { type: number, expr: "maxx(spend12m, 1)" }'),
    allowed: ['maxx'],
  },
  {
    name: 'expr function far from any',
    text: fact('  g: { type: number, expr: "quantile(spend12m)" }'),
    allowed: ['quantile'],
  },
  { name: 'expr arity', text: fact('  a: { type: number, expr: "abs(spend12m, 2)" }') },
  { name: 'expr argument kinds', text: fact('  k: { type: number, expr: "coalesce(spend12m, \'none\')" }') },
  { name: 'expr round digits', text: fact('  r: { type: number, expr: "round(spend12m, 1.5)" }') },
  {
    name: 'expr date literal',
    text: fact('  since: { type: date }\n  l: { type: number, expr: "daysBetween(since, date(\'soon\'))" }'),
    allowed: ['soon'],
  },
  {
    name: 'expr not a real date',
    text: fact(
      '  since: { type: date }\n  n: { type: number, expr: "daysBetween(since, date(\'2023-02-29\'))" }',
    ),
  },
  { name: 'expr declared type', text: fact('  x: { type: boolean, expr: "spend12m * 2" }') },
  { name: 'expr declared integer', text: fact('  i: { type: integer, expr: "spend12m / 3" }') },
  {
    name: 'expr declared unit',
    text: fact('  since: { type: date }\n  wk: { type: number, unit: weeks, expr: "daysSince(since)" }'),
  },
  {
    name: 'expr cycle',
    text: fact('  c1: { type: number, expr: "c2 + 1" }\n  c2: { type: number, expr: "c1 + 1" }'),
  },
  { name: 'expr reads score', text: fact('  s2: { type: number, expr: "score * 2" }') },
  {
    name: 'expr unknown fact',
    text: fact('  uf: { type: number, expr: "spend12n * 2" }'),
    allowed: ['spend12n'],
  },
  { name: 'expr with a column', text: fact('  col: { type: number, column: x, expr: "spend12m * 2" }') },
  {
    name: 'expr reads personal data',
    text: fact(
      '  phone: { type: string, pii: true }\n  reach: { type: string, expr: "coalesce(phone, \'none\')" }',
    ),
  },
  { name: 'two key facts', text: fact('  account: { type: string, key: true }') },
  { name: 'two revenue facts', text: fact('  revenue2: { type: number, revenue: true }') },
  { name: 'enum without values', text: fact('  grade: { type: enum }') },
  { name: 'values on a string fact', text: fact('  grade: { type: string, values: [a, b] }') },
  { name: 'unit on a string fact', text: fact('  grade: { type: string, unit: CNY }') },
  {
    name: 'revenue on a string fact',
    text: edit(
      VALID,
      'spend12m: { type: number, unit: CNY, min: 0, revenue: true }',
      'spend12m: { type: number, unit: CNY, min: 0 }\n  region: { type: string, revenue: true }',
    ),
  },
  { name: 'min above max', text: edit(VALID, 'unit: orders, min: 0', 'unit: orders, min: 10, max: 5') },
  { name: 'window without aggregate', text: fact('  lastOrder: { type: number, window: P12M }') },
  { name: 'aggregate without field', text: fact('  total: { type: number, aggregate: sum }') },
  {
    name: 'excludeFirst without per',
    text: fact('  repeats: { type: integer, aggregate: count, excludeFirst: true }'),
  },
  {
    name: 'per on distinctDays',
    text: fact('  days: { type: integer, aggregate: distinctDays, per: week }'),
  },
  { name: 'excludeFirst on age', text: fact('  age: { type: integer, aggregate: age, excludeFirst: true }') },
  {
    name: 'fractional on sum',
    text: fact('  total: { type: number, aggregate: sum, of: amount, fractional: true }'),
  },
  { name: 'date aggregate on a number fact', text: fact('  first: { type: number, aggregate: firstDate }') },
  { name: 'number aggregate on a date fact', text: fact('  orders: { type: date, aggregate: count }') },
  {
    name: 'fractional span on an integer fact',
    text: fact('  weeks: { type: integer, aggregate: span, per: week, fractional: true }'),
  },
  { name: 'format on a number', text: fact("  age: { type: number, format: 'yyyy' }") },
  {
    name: 'default of the wrong type',
    text: fact("  age: { type: number, default: 'old' }"),
    allowed: ['old'],
  },

  // conditions
  {
    name: 'condition shapes',
    text: criteria(
      level(
        'a',
        '{ all: [ { fact: spend12m, operator: greaterThan, value: 1 } ], any: [ { fact: spend12m, operator: lessThan, value: 2 } ] }',
      ) +
        level('b', '{ all: [ { fact: spend12m, operator: greaterThan, value: 1 } ], fact: spend12m }') +
        level('c', '{ fact: spend12m, operator: greaterThan }') +
        level('d', '{ any: [] }') +
        last('e'),
    ),
  },
  {
    name: 'condition references',
    text: criteria(
      level('a', '{ condition: bigSpendr }') +
        level('b', '{ fact: spend12, operator: greaterThan, value: 1 }') +
        level('c', '{ fact: spend12m, operator: greaterThan, value: { fact: segmnt } }') +
        level('d', '{ fact: spend12m, operator: greaterThan, value: { fact: segment } }') +
        last('e'),
      'conditions:\n  bigSpender: { fact: spend12m, operator: greaterThan, value: 100 }\n  loopA: { condition: loopB }\n  loopB: { condition: loopA }\n',
    ),
    allowed: ['bigSpendr', 'spend12', 'segmnt'],
  },
  {
    name: 'comparison types',
    text: criteria(
      level('a', '{ fact: segment, operator: contains, value: retail }') +
        level('b', '{ fact: segment, operator: greaterThan, value: 1 }') +
        level('c', '{ fact: since, operator: lessThan, value: 1 }') +
        level('d', "{ fact: spend12m, operator: greaterThan, value: 'lots' }") +
        level('f', '{ fact: segment, operator: in, value: retail }') +
        level('g', '{ fact: segment, operator: equal, value: 3 }') +
        level('h', '{ fact: segment, operator: equal, value: retial }') +
        last('i'),
    ),
    allowed: ['lots', 'retial'],
  },

  // weights and scoring
  { name: 'weights off', text: edit(VALID, 'weight: 30\n', 'weight: 20\n') },
  { name: 'metric weights off', text: edit(VALID, 'weight: 60, score', 'weight: 50, score') },
  {
    name: 'negative and zero weights',
    text: edit(edit(VALID, 'weight: 70', 'weight: 130'), 'weight: 30\n', 'weight: -30\n'),
  },
  {
    name: 'zero weight',
    text: edit(edit(VALID, 'weight: 60, score', 'weight: 100, score'), 'weight: 40\n', 'weight: 0\n'),
  },
  {
    name: 'metric on unknown fact',
    text: edit(VALID, 'spend12m: { weight: 60', 'spend: { weight: 60'),
    allowed: ['spend'],
  },
  {
    name: 'linear on an enum',
    text: edit(VALID, '{ categories: { high: 100, medium: 60, low: 20 } }', '{ linear: { from: 0, to: 1 } }'),
  },
  {
    name: 'flat line',
    text: edit(VALID, '{ linear: { from: 0, to: 500000 } }', '{ linear: { from: 5, to: 5 } }'),
  },
  {
    name: 'lower is better upside down',
    text: edit(VALID, '{ linear: { from: 0, to: 500000 } }', '{ lowerIsBetter: { best: 10, worst: 1 } }'),
  },
  {
    name: 'categories on a number',
    text: edit(VALID, '{ linear: { from: 0, to: 500000 } }', '{ categories: { high: 100 } }'),
  },
  {
    name: 'category not a value',
    text: edit(VALID, 'medium: 60, low: 20', 'medium: 60, lo: 20'),
    allowed: ['lo'],
  },
  { name: 'categories without points', text: edit(VALID, 'high: 100, medium: 60, low: 20', 'high: 100') },
  {
    name: 'one category without points',
    text: edit(VALID, 'high: 100, medium: 60, low: 20', 'high: 100, medium: 60'),
  },
  {
    name: 'band tables',
    text: edit(
      VALID,
      '            - { below: 3, points: 20 }\n            - { below: 12, points: 60 }\n            - { points: 100 }\n',
      '            - { atLeast: 3, above: 2, points: 20 }\n            - { below: 12, atMost: 11, points: 60 }\n',
    ),
  },
  {
    name: 'band gaps, overlaps and shadows',
    text: edit(
      edit(
        VALID,
        '            - { below: 3, points: 20 }\n            - { below: 12, points: 60 }\n            - { points: 100 }\n',
        '            - { atLeast: 3, below: 12, points: 20 }\n            - { atLeast: 5, below: 20, points: 60 }\n            - { atLeast: 4, below: 10, points: 80 }\n',
      ),
      'unit: orders, min: 0',
      'unit: orders, min: 0, max: 30',
    ),
  },
  {
    name: 'band gap on an unbounded fact',
    text: edit(
      edit(
        VALID,
        '            - { below: 3, points: 20 }\n            - { below: 12, points: 60 }\n',
        '            - { atLeast: 0, below: 3, points: 20 }\n            - { atLeast: 3, below: 12, points: 60 }\n',
      ),
      'orders12m: { type: integer, unit: orders, min: 0 }',
      'orders12m: { type: integer, unit: orders }',
    ),
  },

  // tiers
  { name: 'no tiers', text: VALID.slice(0, VALID.indexOf('tiers:\n')) },
  { name: 'duplicate tier id', text: edit(VALID, 'id: key\n', 'id: vip\n') },
  { name: 'threshold fields', text: edit(VALID, '      minScore: 70\n', "      share: '20%'\n") },
  {
    name: 'minScore and score',
    text: edit(VALID, '      minScore: 70\n', '      minScore: 70\n      score: { atLeast: 70 }\n'),
  },
  {
    name: 'bounds conflict on a tier',
    text: edit(VALID, '      minScore: 70\n', '      score: { atLeast: 70, above: 69 }\n'),
  },
  {
    name: 'score gap',
    text: edit(
      VALID,
      '      label: { zh-CN: 普通客户, en: Standard }\n',
      '      label: { zh-CN: 普通客户, en: Standard }\n      minScore: 50\n',
    ),
  },
  { name: 'shadowed tier', text: edit(VALID, 'minScore: 70', 'minScore: 95') },
  {
    name: 'overlapping score range',
    text: edit(VALID, '      minScore: 70\n', '      score: { atLeast: 70, atMost: 90 }\n'),
  },
  {
    name: 'quota settings with thresholds',
    text: edit(VALID, '  method: thresholds\n', '  method: thresholds\n  quota: { rankBy: score }\n'),
  },
  {
    name: 'matrix with thresholds',
    text: edit(
      VALID,
      '  method: thresholds\n',
      '  method: thresholds\n  matrix: { rows: { score: true, bands: [ { id: a } ] }, columns: { score: true, bands: [ { id: b } ] }, cells: { a: { b: vip } } }\n',
    ),
  },
  {
    name: 'matrix method without matrix',
    text: edit(
      edit(edit(VALID, 'method: thresholds', 'method: matrix'), '      minScore: 90\n', ''),
      '      minScore: 70\n',
      '',
    ),
  },
  {
    name: 'thresholds without dimensions',
    text: edit(VALID, VALID.slice(VALID.indexOf('dimensions:\n'), VALID.indexOf('tiers:\n')), ''),
  },

  // quota
  { name: 'quota shares off', text: edit(QUOTA, "share: '50%'", "share: '40%'") },
  { name: 'quota shares over', text: edit(QUOTA, "share: '50%'", "share: '70%'") },
  {
    name: 'quota share zero and missing',
    text: edit(edit(QUOTA, "share: '10%'", "share: '0%'"), "      share: '50%'\n", ''),
  },
  {
    name: 'quota ranked by unknown and text facts',
    text: edit(
      QUOTA,
      '  method: quota\n',
      '  method: quota\n  quota: { rankBy: industri, tieBreak: [ { fact: industry } ] }\n',
    ),
    allowed: ['industri'],
  },
  {
    name: 'quota by score without dimensions',
    text: edit(QUOTA, QUOTA.slice(QUOTA.indexOf('dimensions:\n'), QUOTA.indexOf('tiers:\n')), ''),
  },

  // criteria
  {
    name: 'criteria fields',
    text: criteria(
      `${level('a', '{ fact: spend12m, operator: greaterThan, value: 100 }')}      otherwise: true\n${last('b')}`,
    ),
  },
  { name: 'criteria otherwise not last', text: criteria(last('a') + last('b')) },
  { name: 'criteria without when', text: criteria(`    - id: a\n${label('a')}${last('b')}`) },
  {
    name: 'criteria gaps',
    text: criteria(
      level(
        'a',
        '{ all: [ { fact: spend12m, operator: greaterThan, value: 500000 }, { fact: purchasesPerMonth, operator: greaterThanInclusive, value: 2 } ] }',
      ) +
        level(
          'b',
          '{ all: [ { fact: spend12m, operator: lessThanInclusive, value: 500000 }, { fact: share, operator: greaterThan, value: 50 } ] }',
        ) +
        level('c', '{ fact: segment, operator: in, value: [retail, corporate] }') +
        level('d', '{ fact: isPartner, operator: equal, value: true }'),
    ),
  },
  {
    name: 'criteria gap of any customer',
    text: criteria(level('a', '{ not: { fact: spend12m, operator: greaterThanInclusive, value: 0 } }')),
  },
  {
    name: 'criteria overlaps and unreachable tiers',
    text: criteria(
      level('a', '{ fact: spend12m, operator: greaterThan, value: 100 }') +
        level('b', '{ fact: spend12m, operator: greaterThan, value: 50 }') +
        level('c', '{ fact: spend12m, operator: greaterThan, value: 200 }') +
        level(
          'd',
          '{ all: [ { fact: spend12m, operator: lessThan, value: 10 }, { fact: spend12m, operator: greaterThan, value: 20 } ] }',
        ) +
        level('e', '{ fact: segment, operator: notIn, value: [public] }') +
        level('f', '{ fact: segment, operator: notEqual, value: retail }') +
        last('g') +
        '',
    ),
  },
  {
    name: 'criteria otherwise never reached',
    text: criteria(level('a', '{ fact: spend12m, operator: greaterThanInclusive, value: 0 }') + last('b')),
  },
  {
    name: 'date bound on a number axis',
    text: edit(MATRIX, '{ id: high, above: 1000000 }', '{ id: high, above: 2024-01-01 }'),
  },
  {
    name: 'band bound of the wrong type',
    text: edit(MATRIX, '{ id: high, above: 1000000 }', '{ id: high, above: true }'),
  },
  {
    name: 'date operator on a number',
    text: criteria(level('a', '{ fact: spend12m, operator: before, value: 100 }') + last('b')),
  },
  {
    name: 'date compared with what is not a date',
    text: criteria(level('a', "{ fact: since, operator: before, value: 'soon' }") + last('b')),
    allowed: ['soon'],
  },
  {
    name: 'criteria on a date',
    text: criteria(level('a', "{ fact: since, operator: equal, value: '2026-01-01' }") + last('b')),
  },
  {
    name: 'criteria on a path',
    text: criteria(level('a', '{ fact: spend12m, operator: greaterThan, value: 1, path: $.x }') + last('b')),
  },
  {
    name: 'criteria with params',
    text: criteria(
      level('a', '{ fact: spend12m, operator: greaterThan, value: 1, params: { a: 1 } }') + last('b'),
    ),
  },
  {
    name: 'criteria comparing facts',
    text: criteria(
      level('a', '{ fact: spend12m, operator: greaterThan, value: { fact: share } }') + last('b'),
    ),
  },
  {
    name: 'criteria contains',
    text: criteria(level('a', '{ fact: tags, operator: contains, value: x }') + last('b')),
  },
  {
    name: 'criteria orders text',
    text: criteria(level('a', "{ fact: tags, operator: greaterThan, value: 'x' }") + last('b')),
    allowed: ['x'],
  },
  {
    name: 'criteria in without list',
    text: criteria(level('a', '{ fact: tags, operator: in, value: x }') + last('b')),
  },
  {
    name: 'criteria sampled',
    text: criteria(
      Array.from({ length: 7 }, (_, i) =>
        level(
          `t${i}`,
          `{ any: [ ${Array.from({ length: 8 }, (_, k) => `{ fact: spend12m, operator: equal, value: ${i * 100 + k} }, { fact: purchasesPerMonth, operator: equal, value: ${i * 100 + k} }, { fact: share, operator: equal, value: ${i + k / 10} }`).join(', ')} ] }`,
        ),
      ).join('') + last('rest'),
    ),
  },

  {
    name: 'criteria gap on one fact',
    text: criteria(
      level('a', '{ fact: segment, operator: equal, value: retail }') +
        level('b', '{ fact: segment, operator: equal, value: corporate }'),
    ),
  },
  {
    name: 'criteria gap over values',
    text: criteria(
      level(
        'a',
        '{ all: [ { fact: segment, operator: in, value: [retail] }, { fact: spend12m, operator: greaterThan, value: 100 } ] }',
      ),
    ),
  },
  {
    name: 'criteria gap over texts',
    text: criteria(level('a', '{ fact: tags, operator: in, value: [x, y] }')),
  },
  {
    name: 'criteria gap over one text',
    text: criteria(level('a', '{ fact: tags, operator: equal, value: x }')),
  },
  {
    name: 'criteria comparing with text',
    text: criteria(level('a', "{ fact: spend12m, operator: greaterThan, value: '5' }") + last('b')),
  },
  {
    name: 'criteria values too close',
    text: criteria(
      level('a', '{ fact: share, operator: equal, value: 1 }') +
        level('b', '{ fact: share, operator: equal, value: 1.0000000000000002 }') +
        last('c'),
    ),
  },
  {
    name: 'criteria too large to analyse',
    text: criteria(
      level('a', '{ condition: c5 }') + last('b'),
      `conditions:\n  c1: { any: [ ${Array.from({ length: 10 }, (_, i) => `{ fact: spend12m, operator: equal, value: ${i} }`).join(', ')} ] }\n${[2, 3, 4, 5].map((n) => `  c${n}: { any: [ ${Array.from({ length: 10 }, () => `{ condition: c${n - 1} }`).join(', ')} ] }\n`).join('')}`,
    ),
  },
  {
    name: 'names far from any known',
    text: `${criteria(level('a', '{ fact: qqqq, operator: equal, value: 1 }') + level('b', '{ fact: segment, operator: equal, value: qqqq }') + level('c', '{ condition: qqqq }') + last('d'), 'conditions:\n  big: { fact: spend12m, operator: greaterThan, value: 1 }\n')}rerating:\n  every: { qqqq: P3M }\n`,
    allowed: ['qqqq', 'default'],
  },

  // matrix
  {
    name: 'matrix missing cell',
    text: MATRIX.replace('low: { high: basic, low: watch }', 'low: { high: basic }'),
  },
  {
    name: 'matrix unknown bands and tier',
    text: MATRIX.replace(
      'low: { high: basic, low: watch }',
      'low: { high: basic, low: watch, mid: core }\n      middle: { high: wach }',
    ),
    allowed: ['mid', 'middle', 'wach'],
  },
  {
    name: 'matrix axis reads two things',
    text: MATRIX.replace('      fact: spend12m\n', '      fact: spend12m\n      score: true\n'),
  },
  { name: 'matrix axis reads nothing', text: MATRIX.replace('      fact: spend12m\n', '') },
  {
    name: 'matrix axis on text fact and unknown fact',
    text: MATRIX.replace('fact: spend12m', 'fact: region').replace(
      'fact: activeMonths12m',
      'fact: activeMonth',
    ),
    allowed: ['activeMonth'],
  },
  { name: 'matrix axis on unknown dimension', text: MATRIX.replace('fact: spend12m', 'dimension: value') },
  {
    name: 'matrix axis on the score without dimensions',
    text: MATRIX.replace('fact: spend12m', 'score: true'),
  },
  {
    name: 'matrix band twice and gap',
    text: MATRIX.replace(
      '[ { id: high, atLeast: 12 }, { id: low } ]',
      '[ { id: high, atLeast: 12 }, { id: high, atLeast: 6 } ]',
    ),
  },

  // service and entitlements
  {
    name: 'slower resolution for a better tier',
    text: edit(VALID, 'resolution: { within: PT8H }', 'resolution: { within: PT48H }'),
  },
  {
    name: 'slower response for a better tier',
    text: edit(VALID, 'response: { within: PT4H }', 'response: { within: PT12H }'),
  },
  {
    name: 'smaller discount for a better tier',
    text: edit(VALID, "discountQuota: '10%'", "discountQuota: '2%'"),
  },
  {
    name: 'availability',
    text: edit(
      edit(VALID, 'response: { within: PT4H }', 'response: { within: PT4H, availability: business-hours }'),
      'response: { within: PT8H }',
      'response: { within: PT8H, availability: 24x7 }',
    ),
  },
  {
    name: 'resolution on non-working days',
    text: edit(
      edit(VALID, 'resolution: { within: PT8H }', 'resolution: { within: PT8H, onNonWorkingDays: P2D }'),
      'resolution: { within: PT24H }',
      'resolution: { within: PT24H, onNonWorkingDays: P1D }',
    ),
  },
  {
    name: 'rarer contact for a better tier',
    text: edit(
      edit(
        VALID,
        "entitlements: { discountQuota: '10%' }",
        "entitlements: { discountQuota: '10%', cadence: [ { action: visit, every: P3M, label: { zh-CN: 拜访, en: Visit } } ] }",
      ),
      "entitlements: { discountQuota: '5%' }",
      "entitlements: { discountQuota: '5%', cadence: [ { action: visit, every: P1M, label: { zh-CN: 拜访, en: Visit } } ] }",
    ),
  },

  // labels
  {
    name: 'labels missing',
    text: edit(
      edit(
        edit(VALID, '  labels: { zh-CN: 测试策略, en: Test policy }\n', ''),
        'label: { zh-CN: 重点客户, en: Key }',
        'label: { en: Key }',
      ),
      '    label: { zh-CN: 潜力, en: Potential }\n',
      '',
    ),
  },
  {
    name: 'labels of entitlements, classifiers and triggers',
    text: `${edit(VALID, "entitlements: { discountQuota: '10%' }", "entitlements: { discountQuota: '10%', team: [ { role: manager } ], benefits: [ { id: lounge } ], cadence: [ { action: call, every: P1M, label: { zh-CN: 电话 } } ] }").replace('industry: { type: enum, values: [high, medium, low] }', 'industry: { type: enum, values: [high, medium, low], label: { en: Industry } }').replace('spend12m: { weight: 60, score', 'spend12m: { weight: 60, label: { zh-CN: 消费 }, score')}classifiers:\n  stage:\n    rules:\n      - { id: big, when: { fact: spend12m, operator: greaterThan, value: 1 } }\n    otherwise: { id: small }\nrerating:\n  triggers:\n    - { id: jump, when: { fact: spend12m, operator: greaterThan, value: 1000000 }, then: { rerate: true } }\n`,
  },
];
