import { describe, expect, it } from 'vitest';
import { formatPolicyText, MAX_FLOW_WIDTH } from '../../src/policy/fmt.js';
import { parsePolicyText } from '../../src/policy/parse.js';
import { check, VALID } from '../helpers/policy.js';

/** Formats text that stands alone (no file, so no `$schema` line is added). */
function fmt(text: string): string {
  const result = formatPolicyText(text);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.text!;
}

const data = (text: string) => parsePolicyText(text).value;
const lines = (...rows: string[]) => `${rows.join('\n')}\n`;

describe('key order', () => {
  it('follows the schema and keeps unknown keys after the known ones, in their order', () => {
    const text = lines(
      'zeta: 1',
      'tiers: { levels: [ { minScore: 90, id: vip } ], method: thresholds }',
      'metadata: { owner: cs, version: 1.0.0, name: p }',
      'alpha: 2',
      'kind: TierPolicy',
      'apiVersion: tierwise/v1',
    );
    expect(fmt(text)).toBe(
      lines(
        'apiVersion: tierwise/v1',
        'kind: TierPolicy',
        'metadata: { name: p, version: 1.0.0, owner: cs }',
        'tiers:',
        '  method: thresholds',
        '  levels: [ { id: vip, minScore: 90 } ]',
        'zeta: 1',
        'alpha: 2',
      ),
    );
  });

  it("keeps the author's order in maps the author keys: facts, dimensions, metrics, classifiers", () => {
    const text = lines(
      'facts:',
      '  zeta: { column: z, type: number }',
      '  alpha: { type: string }',
      'dimensions:',
      '  value: { weight: 60, metrics: { b: { score: { linear: { to: 1, from: 0 } }, weight: 1 }, a: { weight: 2 } } }',
      '  loyalty: { weight: 40 }',
      'classifiers:',
      '  risk: { rules: [] }',
      '  growth: { rules: [] }',
    );
    // The author's order of facts, dimensions, metrics and classifiers; the schema's inside each.
    expect(fmt(text)).toBe(
      lines(
        'facts:',
        '  zeta: { type: number, column: z }',
        '  alpha: { type: string }',
        'dimensions:',
        '  value:',
        '    weight: 60',
        '    metrics: { b: { weight: 1, score: { linear: { from: 0, to: 1 } } }, a: { weight: 2 } }',
        '  loyalty: { weight: 40 }',
        'classifiers:',
        '  risk: { rules: [] }',
        '  growth: { rules: [] }',
      ),
    );
  });

  it('orders keys inside recursive conditions', () => {
    const text = lines(
      'conditions:',
      '  big: { any: [ { value: 5, operator: greaterThan, fact: orders }, { not: { value: 1, fact: x } } ] }',
    );
    expect(fmt(text)).toBe(
      lines(
        'conditions:',
        '  big:',
        '    any: [ { fact: orders, operator: greaterThan, value: 5 }, { not: { fact: x, value: 1 } } ]',
      ),
    );
  });

  it('leaves key order alone in a file with aliases, which must stay after their anchors', () => {
    const text = lines('metadata: &m { version: 1.0.0, name: p }', 'kind: *m', 'apiVersion: tierwise/v1');
    expect(fmt(text)).toBe(text);
  });
});

describe('comments', () => {
  it('keeps a comment above a key with that key when keys move', () => {
    const out = fmt(
      lines(
        'metadata:',
        '  # who answers for it',
        '  owner: cs',
        '  name: p # the id',
        '  # semantic version',
        '  version: 1.0.0',
      ),
    );
    expect(out).toBe(
      lines(
        'metadata:',
        '  name: p # the id',
        '  # semantic version',
        '  version: 1.0.0',
        '  # who answers for it',
        '  owner: cs',
      ),
    );
  });

  it('keeps trailing comments on their line, after keys and after values', () => {
    const text = lines(
      'facts: # what the policy reads',
      '  spend: { type: number } # yuan',
      'tiers:',
      '  method: thresholds # or quota',
      '  levels:',
      '    - id: vip',
    );
    expect(fmt(text)).toBe(
      lines(
        'facts: # what the policy reads',
        '  spend: { type: number } # yuan',
        'tiers:',
        '  method: thresholds # or quota',
        '  levels: [ { id: vip } ]',
      ),
    );
  });

  it('keeps comments inside lists on their items', () => {
    const text = lines(
      'tiers:',
      '  levels:',
      '    # the best customers',
      '    - id: vip',
      '      minScore: 90 # seed 004: ≥ 90',
      '    # everyone else',
      '    - id: standard',
      '  method: thresholds',
      'rerating:',
      '  announce:',
      '    - email # the default',
      '    # - portal',
    );
    expect(fmt(text)).toBe(
      lines(
        'tiers:',
        '  method: thresholds',
        '  levels:',
        '    # the best customers',
        '    - id: vip',
        '      minScore: 90 # seed 004: ≥ 90',
        '    # everyone else',
        '    - { id: standard }',
        'rerating:',
        '  announce:',
        '    - email # the default',
        '    # - portal',
      ),
    );
  });

  it('keeps a section comment written at the margin with the section below it', () => {
    const text = lines(
      'kind: TierPolicy',
      'tiers:',
      '  method: thresholds',
      '  levels:',
      '    - { id: vip }',
      '# Facts: what the policy reads',
      'facts:',
      '  a: { type: number }',
      '  # end of facts',
      'apiVersion: tierwise/v1',
    );
    expect(fmt(text)).toBe(
      lines(
        'apiVersion: tierwise/v1',
        'kind: TierPolicy',
        '# Facts: what the policy reads',
        'facts:',
        '  a: { type: number }',
        '  # end of facts',
        'tiers:',
        '  method: thresholds',
        '  levels: [ { id: vip } ]',
      ),
    );
  });

  it('keeps the file header at the top when the first key moves', () => {
    const text = lines(
      '# Retail scorecard',
      '# owner: customer success',
      '',
      '# the policy kind',
      'kind: TierPolicy',
      'apiVersion: tierwise/v1',
      '# end',
    );
    expect(fmt(text)).toBe(
      lines(
        '# Retail scorecard',
        '# owner: customer success',
        '',
        'apiVersion: tierwise/v1',
        '# the policy kind',
        'kind: TierPolicy',
        '',
        '# end',
      ),
    );
  });
});

describe('flow or block', () => {
  it('writes a collection inline when it fits, nested or not, but a section holding collections as a block', () => {
    const out = fmt(
      lines(
        'facts:',
        '  spend:',
        '    type: number',
        '    unit: CNY',
        'tiers:',
        '  levels: [ { id: vip, sla: { response: { within: PT4H } } } ]',
        '  method: thresholds',
        'rerating: { announce: [ email, portal ] }',
      ),
    );
    expect(out).toBe(
      lines(
        'facts:',
        '  spend: { type: number, unit: CNY }',
        'tiers:',
        '  method: thresholds',
        '  levels: [ { id: vip, sla: { response: { within: PT4H } } } ]',
        'rerating:',
        '  announce: [ email, portal ]',
      ),
    );
  });

  it(`goes inline up to ${MAX_FLOW_WIDTH} columns and no further`, () => {
    // "  x: { description: " is 20 columns, " }" is 2: the string decides the width.
    const at = (width: number) => lines('facts:', `  x: { description: ${'d'.repeat(width - 22)} }`);
    expect(fmt(at(MAX_FLOW_WIDTH))).toBe(at(MAX_FLOW_WIDTH));
    expect(fmt(at(MAX_FLOW_WIDTH + 1))).toBe(
      lines('facts:', '  x:', `    description: ${'d'.repeat(MAX_FLOW_WIDTH - 21)}`),
    );
  });

  it('counts a Chinese character as two columns, as editors show it', () => {
    const text = lines('facts:', `  x: { description: ${'客'.repeat(40)} }`);
    expect(fmt(text)).toBe(lines('facts:', '  x:', `    description: ${'客'.repeat(40)}`));
  });

  it('keeps a collection with comments among its values as a block', () => {
    const text = lines('metadata:', '  labels:', '    zh-CN: 策略 # reviewed by legal', '    en: Policy');
    expect(fmt(text)).toBe(text);
  });

  it('writes empty collections inline and multi-line text as a block', () => {
    const out = fmt(lines('facts: {}', 'metadata:', '  description: "line one\\nline two"', '  name: p'));
    expect(out).toBe(
      lines('metadata:', '  name: p', '  description: |-', '    line one', '    line two', 'facts: {}'),
    );
  });
});

describe('scalars', () => {
  it('quotes a string only where plain text would read as something else', () => {
    const text = lines(
      'metadata: { name: "p", owner: \'cs\', version: "1.0.0", description: "true", businessUnit: "a: b" }',
      'x: True',
    );
    expect(fmt(text)).toBe(
      lines(
        'metadata: { name: p, version: 1.0.0, businessUnit: "a: b", owner: cs, description: "true" }',
        'x: true',
      ),
    );
  });

  it('writes null as null, so that an empty entry of an inline list survives the next read', () => {
    expect(fmt(lines('a: { x: , y: ~ }', 'b:', '  -', '  - Null'))).toBe(
      lines('a: { x: null, y: null }', 'b: [ null, null ]'),
    );
  });

  it('keeps invisible and direction-changing characters escaped, in values and in comments', () => {
    const text = lines('metadata: { name: "vip\\u202e", owner: "a\\u200bb" } # \u2066');
    expect(fmt(text)).toBe(lines('metadata: { name: "vip\\u202e", owner: "a\\u200bb" } # \\u2066'));
  });

  it('reads CR LF line ends and writes LF', () => {
    expect(fmt('kind: TierPolicy\r\n# c\r\napiVersion: tierwise/v1\r\n')).toBe(
      lines('# c', 'apiVersion: tierwise/v1', 'kind: TierPolicy'),
    );
  });
});

describe('the $schema line', () => {
  it('is added above the first key, pointing at schemas/ from where the file is', () => {
    const out = formatPolicyText('apiVersion: tierwise/v1\n', '/repo/policies/retail/a.tier.yaml', {
      schemaFile: '/repo/schemas/policy.schema.json',
    }).text;
    expect(out).toBe(
      lines('# yaml-language-server: $schema=../../schemas/policy.schema.json', 'apiVersion: tierwise/v1'),
    );
  });

  it("defaults to tierwise's own schema file", () => {
    const file = new URL('../../policies/x.tier.yaml', import.meta.url).pathname;
    expect(formatPolicyText('kind: TierPolicy\n', file).text).toBe(
      lines('# yaml-language-server: $schema=../schemas/policy.schema.json', 'kind: TierPolicy'),
    );
  });

  it('is left alone when present, and not added when the file is unknown', () => {
    const present = lines(
      '# yaml-language-server: $schema=https://tierwise.dev/schemas/policy.schema.json',
      'kind: TierPolicy',
    );
    expect(formatPolicyText(present, '/repo/policies/a.tier.yaml').text).toBe(present);
    expect(formatPolicyText('kind: TierPolicy\n').text).toBe('kind: TierPolicy\n');
  });

  it('goes first above an existing header', () => {
    const out = formatPolicyText(lines('# Retail', '', 'kind: TierPolicy'), '/repo/policies/a.tier.yaml', {
      schemaFile: '/repo/schemas/policy.schema.json',
    }).text!;
    expect(out).toBe(
      lines(
        '# yaml-language-server: $schema=../schemas/policy.schema.json',
        '# Retail',
        '',
        'kind: TierPolicy',
      ),
    );
  });
});

describe('files that are not formatted', () => {
  it('returns YAML errors with codes and places instead of text', () => {
    const result = formatPolicyText('metadata:\n  name: [p\n', 'p.tier.yaml');
    expect(result.text).toBeUndefined();
    expect(result.diagnostics[0]).toMatchObject({
      code: 'TW0004',
      file: 'p.tier.yaml',
      range: { start: { line: 3 } },
    });
    expect(formatPolicyText('a: 1\na: 2\n').diagnostics.map((d) => d.code)).toEqual(['TW0005']);
    expect(formatPolicyText('- a\n').diagnostics.map((d) => d.code)).toEqual(['TW0007']);
  });
});

describe('real policies', () => {
  it('formats a valid policy into a valid policy with the same data, once and for all', () => {
    const out = fmt(VALID);
    expect(data(out)).toEqual(data(VALID));
    expect(check(out).diagnostics).toEqual(
      check(VALID).diagnostics.map((d) => ({ ...d, range: expect.anything() })),
    );
    expect(fmt(out)).toBe(out);
  });
});

describe('hostile YAML (issue 12: fmt crashed with a stack or ran for seconds)', () => {
  const refused = (text: string) => {
    const result = formatPolicyText(text, 'p.tier.yaml');
    expect(result.text).toBeUndefined();
    return result.diagnostics.map((d) => d.code);
  };

  it('refuses an alias cycle, an alias without anchor and a tag its value does not fit', () => {
    expect(refused('a: &a [ *a ]\n')).toEqual(['TW0013']);
    expect(refused('a: *nope\n')).toEqual(['TW0014']);
    expect(refused('a: !!float "x"\n')).toEqual(['TW0008']);
  });

  it('writes a flow key without value as key: null, inline or as a block (it threw)', () => {
    expect(fmt('a: { k, c: 1 }\n')).toBe('a: { k: null, c: 1 }\n');
    const long = 'x'.repeat(120);
    expect(fmt(`a:\n  - { k, c: ${long} }\n`)).toBe(`a:\n  - k: null\n    c: ${long}\n`);
  });

  it('refuses 1,000 levels of nesting', () => {
    expect(refused(`a: ${'['.repeat(1000)}${']'.repeat(1000)}\n`)).toEqual(['TW0012']);
  });

  it('formats 3,000 aliases (21 s for 24 KB before) and keeps them aliases', () => {
    const text = `a: &a 1\nb: [${Array(3000).fill('*a').join(', ')}]\n`;
    const out = fmt(text);
    expect(data(out)).toEqual(data(text));
    expect(out.match(/\*a\b/g)).toHaveLength(3000);
  });
});
