import { describe, expect, it } from 'vitest';
import { formatPolicyText, MAX_FLOW_WIDTH } from '../../src/policy/fmt.js';
import { parsePolicyText } from '../../src/policy/parse.js';

/** Formats text that stands alone (no file, so no `$schema` line is added). */
function fmt(text: string): string {
  const result = formatPolicyText(text);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.text!;
}

const lines = (...rows: string[]) => `${rows.join('\n')}\n`;
const data = (text: string) => parsePolicyText(text).value;

/** The language sketch's shapes, written the canonical way. */
const SKETCH = lines(
  'dimensions:',
  '  value:',
  '    weight: 50',
  '    metrics:',
  '      spend12m: { weight: 70, score: { linear: { from: 0, to: 500000 } } }',
  '      complaints12m: { weight: 30, score: { lowerIsBetter: { best: 0, worst: 5 } } }',
  'tiers:',
  '  method: thresholds',
  '  levels:',
  '    - { id: vip, minScore: 85 }',
  '    - id: key',
  '      label: { zh-CN: 重点客户, en: Key }',
  '      minScore: 70',
  '      sla: { response: { within: PT8H }, resolution: { within: PT24H } }',
  '      entitlements: { discountQuota: 5%, cadence: [ { action: call, every: P1M } ] }',
  'rerating:',
  '  triggers:',
  '    - id: spend-drop',
  '      when: { all: [ { fact: spendDropStreakMonths, operator: greaterThanInclusive, value: 2 } ] }',
  '      then: rerate-now',
);

describe('nested collections inline', () => {
  it("keeps the language sketch's one-liners", () => {
    expect(fmt(SKETCH)).toBe(SKETCH);
  });

  it('writes the same text for the same data, however it was styled', () => {
    const exploded = lines(
      'rerating:',
      '  triggers:',
      '    - then: rerate-now',
      '      when:',
      '        all:',
      '          - value: 2',
      '            fact: spendDropStreakMonths',
      '            operator: greaterThanInclusive',
      '      id: spend-drop',
      'tiers:',
      '  levels:',
      '    - minScore: 85',
      '      id: vip',
      '    - { id: key, label: { zh-CN: 重点客户, en: Key }, minScore: 70, sla: { response: { within: PT8H },',
      '        resolution: { within: PT24H } }, entitlements: { discountQuota: 5%,',
      '        cadence: [ { action: call, every: P1M } ] } }',
      '  method: thresholds',
      'dimensions: { value: { weight: 50, metrics: {',
      '  spend12m: { weight: 70, score: { linear: { from: 0, to: 500000 } } },',
      '  complaints12m: { weight: 30, score: { lowerIsBetter: { best: 0, worst: 5 } } } } } }',
    );
    expect(fmt(exploded)).toBe(SKETCH);
  });

  it(`goes inline up to ${MAX_FLOW_WIDTH} columns, measured where it lands, and tries the entries next`, () => {
    // "  x: { a: { description: " is 25 columns, " } }" is 4: the string decides the width.
    const at = (width: number, char = 'd', size = 1) =>
      lines('facts:', `  x: { a: { description: ${char.repeat((width - 29) / size)} } }`);
    expect(fmt(at(MAX_FLOW_WIDTH))).toBe(at(MAX_FLOW_WIDTH));
    expect(fmt(at(MAX_FLOW_WIDTH + 1))).toBe(
      lines('facts:', '  x:', `    a: { description: ${'d'.repeat(MAX_FLOW_WIDTH - 28)} }`),
    );
    // a Chinese character takes two columns
    expect(fmt(at(MAX_FLOW_WIDTH - 1, '客', 2))).toBe(at(MAX_FLOW_WIDTH - 1, '客', 2));
    expect(fmt(at(MAX_FLOW_WIDTH + 1, '客', 2))).toBe(
      lines('facts:', '  x:', `    a: { description: ${'客'.repeat((MAX_FLOW_WIDTH - 28) / 2)} }`),
    );
  });

  it('keeps a collection with a comment inside as a block, and lays out its entries by the rule', () => {
    const text = lines(
      'tiers:',
      '  levels:',
      '    - id: vip # seed 004: ≥ 90',
      '      sla: { response: { within: PT4H }, resolution: { within: PT8H } }',
      '    # the rest',
      '    - { id: standard }',
    );
    expect(fmt(text)).toBe(text);
  });

  it('keeps sections that hold collections as blocks, however small', () => {
    const text = lines(
      'metadata: { name: p, labels: { en: P } }',
      'score: { round: half-up, digits: 0 }',
      'rerating: { every: { vip: P3M } }',
    );
    expect(fmt(text)).toBe(
      lines(
        'metadata:',
        '  name: p',
        '  labels: { en: P }',
        'score: { round: half-up, digits: 0 }',
        'rerating:',
        '  every: { vip: P3M }',
      ),
    );
  });

  it('drops blank lines between entries it writes inline and keeps them in blocks', () => {
    const text = lines(
      'tiers:',
      '  levels:',
      '    - id: vip',
      '',
      '      minScore: 90',
      '',
      `    - id: ${'k'.repeat(80)}`,
      '',
      '      minScore: 70',
    );
    expect(fmt(text)).toBe(
      lines(
        'tiers:',
        '  levels:',
        '    - { id: vip, minScore: 90 }',
        '',
        `    - id: ${'k'.repeat(80)}`,
        '',
        '      minScore: 70',
      ),
    );
  });
});

describe('text over several lines', () => {
  const sentence =
    'Scores each customer on value, potential and loyalty, then assigns the tier whose threshold the ' +
    'score reaches first; the bands follow seed 004.';
  const folded = lines(
    'metadata:',
    '  description: >-',
    '    Scores each customer on value, potential and loyalty, then assigns the tier whose threshold the',
    '    score reaches first; the bands follow seed 004.',
  );

  it('folds a long sentence within the width, at single spaces, and reads it back unchanged', () => {
    expect(fmt(folded)).toBe(folded);
    expect(data(fmt(folded))).toEqual({ metadata: { description: sentence } });
    // however it was written
    expect(fmt(lines('metadata:', `  description: "${sentence}"`))).toBe(folded);
    expect(fmt(lines('metadata:', '  description: >-', `    ${sentence.replaceAll(' ', '\n    ')}`))).toBe(
      folded,
    );
  });

  it('keeps the final newline of `>` text with a `>` block', () => {
    const text = lines('metadata:', '  description: >', `    ${sentence}`);
    expect(fmt(text)).toBe(folded.replace('>-', '>'));
    expect(data(fmt(text))).toEqual({ metadata: { description: `${sentence}\n` } });
  });

  it('writes text with line breaks as a literal block, keeping every break and blank exactly', () => {
    const text = lines(
      'metadata:',
      '  description: |',
      '    line one',
      '',
      '      indented, with a trailing blank ',
      '    # not a comment',
    );
    expect(fmt(text)).toBe(text);
    const quoted = '"line one\\n\\n  indented, with a trailing blank \\n# not a comment\\n"';
    expect(fmt(lines('metadata:', `  description: ${quoted}`))).toBe(text);
    expect(fmt(lines('metadata:', `  description: ${quoted.replace(/\\n"$/, '\\n\\n"')}`))).toBe(
      `${text.replace('|', '|+')}\n`,
    );
  });

  it('writes short text on its line, whatever block it came in', () => {
    expect(fmt(lines('facts:', '  x:', '    description: >-', '      short', '      text'))).toBe(
      lines('facts:', '  x: { description: short text }'),
    );
  });

  it('leaves long text on its line where folding could not give it back', () => {
    const unbroken = '客户分级服务标准'.repeat(7);
    const text = lines(
      'metadata:',
      `  name: ${unbroken}`,
      `  owner: "${'a '.repeat(50)}"`,
      `  description: "# ${'b '.repeat(50)}c"`,
    );
    expect(fmt(text)).toBe(text);
  });
});

describe('a comment on the line of an inline collection', () => {
  it('stays after the collection', () => {
    const text = lines(
      'rerating:',
      '  triggers:',
      '    - id: monthly',
      '      when: { fact: a, operator: equal, value: 1 } # seed 001: 至少每月一次',
      '      then: { flag: churn-warning } # seed 004',
      '    - { id: dormant, then: rerate-now } # churn',
    );
    expect(fmt(text)).toBe(text);
  });

  it('stays after the collection when a block above it becomes inline', () => {
    const text = lines(
      'rerating:',
      '  triggers:',
      '    - id: monthly',
      '      when: # seed 001',
      '        all: [ { fact: a, operator: equal, value: 1 } ]',
      '      then: # seed 004',
      '        flag: churn-warning',
    );
    expect(fmt(text)).toBe(
      lines(
        'rerating:',
        '  triggers:',
        '    - id: monthly',
        '      when: { all: [ { fact: a, operator: equal, value: 1 } ] } # seed 001',
        '      then: { flag: churn-warning } # seed 004',
      ),
    );
  });

  it('goes after the key, or the first entry of a list item, when the collection is too wide', () => {
    const condition = '{ fact: spendDropStreakMonths, operator: greaterThanInclusive, value: 2 }';
    const text = lines(
      'rerating:',
      '  triggers:',
      `    - { id: spend-drop, when: { all: [ ${condition} ] } } # seed 004`,
      '    - id: dormant',
      `      when: { all: [ ${condition}, ${condition} ] } # seed 004: 触发条件`,
    );
    const out = fmt(text);
    expect(out).toBe(
      lines(
        'rerating:',
        '  triggers:',
        '    - id: spend-drop # seed 004',
        `      when: { all: [ ${condition} ] }`,
        '    - id: dormant',
        '      when: # seed 004: 触发条件',
        '        all:',
        `          - ${condition}`,
        `          - ${condition}`,
      ),
    );
    expect(fmt(out)).toBe(out);
  });
});
