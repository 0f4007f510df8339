import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Document,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Node,
  parseDocument,
  visit,
} from 'yaml';
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
        '  levels:',
        '    - { id: vip, minScore: 90 }',
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
    const out = fmt(text);
    const order = (needles: string[]) => needles.map((n) => out.indexOf(n));
    expect(order(['zeta:', 'alpha:'])).toEqual([...order(['zeta:', 'alpha:'])].sort((a, b) => a - b));
    expect(order(['value:', 'loyalty:', '  b:', '  a:', 'risk:', 'growth:']).every((i) => i >= 0)).toBe(true);
    expect(out.indexOf('value:')).toBeLessThan(out.indexOf('loyalty:'));
    expect(out.indexOf('      b:')).toBeLessThan(out.indexOf('      a:'));
    expect(out.indexOf('risk:')).toBeLessThan(out.indexOf('growth:'));
    // …while the keys inside each entry follow the schema
    expect(out).toContain('zeta: { type: number, column: z }');
    expect(out).toContain('linear: { from: 0, to: 1 }');
  });

  it('orders keys inside recursive conditions', () => {
    const text = lines(
      'conditions:',
      '  big: { any: [ { value: 5, operator: greaterThan, fact: orders }, { not: { value: 1, fact: x } } ] }',
    );
    const out = fmt(text);
    expect(out).toContain('- { fact: orders, operator: greaterThan, value: 5 }');
    expect(out).toContain('not: { fact: x, value: 1 }');
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
        '  levels:',
        '    - { id: vip }',
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
        '  levels:',
        '    - { id: vip }',
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
  it('writes a collection of plain values inline and anything nested as a block', () => {
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
        '  levels:',
        '    - id: vip',
        '      sla:',
        '        response: { within: PT4H }',
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

// ── properties ──────────────────────────────────────────────────────────────────────────────

const MARK = /¤\d+¤/g;
const id = fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,7}$/);
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ minLength: 60, maxLength: 110 }),
  fc.constantFrom(
    'PT4H',
    '10%',
    'true',
    'null',
    '1.0',
    'a: b',
    '# x',
    '- x',
    '客户价值',
    ' lead',
    "it's",
    '"q"',
    '{x}',
    '',
    '@a',
    '*s',
    '0x1F',
    '~',
    'yes',
    'vip\u202e',
    'a\u2028b',
  ),
);
const scalar = fc.oneof(
  text,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const multiline = fc
  .array(fc.string({ maxLength: 10 }), { minLength: 2, maxLength: 3 })
  .map((l) => l.join('\n'));
const optional = <T>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }) => fc.record(model, { requiredKeys: [] });
const label = optional({ 'zh-CN': text, en: text });
const fact = optional({
  type: fc.constantFrom('number', 'string'),
  unit: text,
  column: text,
  key: fc.boolean(),
  window: text,
  'x-note': scalar,
});
const metric = optional({
  weight: fc.integer({ min: 0, max: 100 }),
  score: fc.oneof(
    fc.record({ linear: optional({ to: scalar, from: scalar }) }),
    fc.record({ bands: fc.array(optional({ points: scalar, below: scalar, label }), { maxLength: 3 }) }),
  ),
  label,
});
const level = optional({
  sla: optional({
    response: optional({ within: text, channel: text }),
    resolution: optional({ within: text }),
  }),
  id,
  entitlements: optional({
    benefits: fc.array(text, { maxLength: 4 }),
    cadence: fc.array(optional({ every: text, action: text }), { maxLength: 2 }),
  }),
  minScore: scalar,
  label,
});
const policy = (description: fc.Arbitrary<unknown>) =>
  optional({
    rerating: optional({
      announce: fc.array(scalar, { maxLength: 3 }),
      every: fc.dictionary(fc.oneof(id, text), text, { maxKeys: 3 }),
    }),
    tiers: optional({ levels: fc.array(level, { maxLength: 3 }), method: text }),
    dimensions: fc.dictionary(
      id,
      optional({ metrics: fc.dictionary(id, metric, { maxKeys: 3 }), weight: scalar, label }),
      { maxKeys: 3 },
    ),
    facts: fc.dictionary(id, fact, { maxKeys: 4 }),
    metadata: optional({ owner: text, description, version: text, name: text, labels: label }),
    kind: text,
    apiVersion: text,
    zUnknown: scalar,
  });

/** A policy-shaped file as people write them: keys in any order, flow or block at random, comments anywhere. */
const file = fc.record({
  policy: fc
    .boolean()
    .chain((multi) => policy(multi ? fc.oneof(text, multiline) : text).map((p) => ({ p, multi }))),
  seed: fc.integer(),
  indent: fc.constantFrom(2, 4),
  indentSeq: fc.boolean(),
});

function render({
  policy: { p, multi },
  seed,
  indent,
  indentSeq,
}: typeof file extends fc.Arbitrary<infer T> ? T : never): string {
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return (state % 1000) / 1000;
  };
  let mark = 0;
  const comment = () => ` ¤${mark++}¤`;
  const doc = new Document(shuffle(p, random));
  visit(doc, (_key, node) => {
    if (isCollection(node)) node.flow = random() < 0.3;
    if (isPair(node) && isScalar(node.key) && random() < 0.15) node.key.commentBefore = comment();
    if (isScalar(node) && random() < 0.1) node.comment = comment();
    if (isSeq(node))
      for (const item of node.items) if (random() < 0.15) (item as Node).commentBefore = comment();
    if (isMap(node) && !node.flow && random() < 0.1) node.comment = comment();
  });
  const out = doc.toString({ indent, indentSeq, lineWidth: 0 }).split('\n');
  // Block text can take a comment line at any indentation, a comment after any line, blank lines.
  if (!multi) {
    for (let i = out.length - 1; i > 0; i--) {
      if (random() < 0.1) out.splice(i, 0, `${' '.repeat(Math.floor(random() * 8))}#${comment()}`);
      else if (random() < 0.05 && out[i - 1] !== '') out[i - 1] += ` #${comment()}`;
      else if (random() < 0.05) out.splice(i, 0, '');
    }
  }
  return out.join('\n');
}

function shuffle(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffle(v, random));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([k, v]) => [k, shuffle(v, random)] as const);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }
  return Object.fromEntries(entries);
}

describe('properties over generated policy files', () => {
  const runs = { seed: Number(process.env.SEED ?? 20260101), numRuns: Number(process.env.RUNS ?? 100) };

  it('keeps the data, every comment, and is idempotent', () => {
    fc.assert(
      fc.property(file, (generated) => {
        const input = render(generated);
        fc.pre(!parsePolicyText(input).diagnostics.some((d) => d.severity === 'error'));
        const once = fmt(input);
        const dbg = (globalThis as { DBG?: boolean }).DBG;
        if (
          !dbg &&
          ((once.match(MARK) ?? []).length !== (input.match(MARK) ?? []).length || fmt(once) !== once)
        ) {
          (globalThis as { DBG?: boolean }).DBG = true;
          console.log(
            'INPUT>>>\n' + input + '\n<<<ONCE>>>\n' + once + '\n<<<TWICE>>>\n' + fmt(once) + '\n<<<',
          );
        }
        expect(data(once)).toEqual(data(input));
        expect((once.match(MARK) ?? []).sort()).toEqual((input.match(MARK) ?? []).sort());
        expect(fmt(once)).toBe(once);
      }),
      runs,
    );
  });

  it('writes every inline collection on one line no wider than the limit', () => {
    fc.assert(
      fc.property(file, (generated) => {
        const input = render(generated);
        fc.pre(!parsePolicyText(input).diagnostics.some((d) => d.severity === 'error'));
        const out = fmt(input);
        visit(parseDocument(out), (_key, node) => {
          if (!isCollection(node) || !node.flow || !node.range) return;
          const end = node.range[1];
          const line = out.slice(out.lastIndexOf('\n', end - 1) + 1, end);
          expect(out.slice(node.range[0], end)).not.toContain('\n');
          expect([...line].length + (line.match(/[\u4e00-\u9fff]/g)?.length ?? 0)).toBeLessThanOrEqual(
            MAX_FLOW_WIDTH,
          );
        });
      }),
      runs,
    );
  });
});
