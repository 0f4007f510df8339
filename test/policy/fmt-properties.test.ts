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
import { escapeInvisible, normaliseScalar } from '../../src/policy/fmt/scalars.js';
import { formatPolicyText, MAX_FLOW_WIDTH } from '../../src/policy/fmt.js';
import { parsePolicyText } from '../../src/policy/parse.js';
import { propertyRuns } from '../helpers/runs.js';

/**
 * Parsing and formatting are pure, and the properties below run with one seed, so they draw the
 * same files: what one property parsed or formatted, the next reads back instead of doing again.
 */
const formatted = new Map<string, string>();
const parsed = new Map<string, ReturnType<typeof parsePolicyText>>();

/** Formats text that stands alone (no file, so no `$schema` line is added). */
function fmt(text: string): string {
  let out = formatted.get(text);
  if (out === undefined) {
    const result = formatPolicyText(text);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    out = result.text!;
    formatted.set(text, out);
  }
  return out;
}

function parse(text: string): ReturnType<typeof parsePolicyText> {
  let result = parsed.get(text);
  if (result === undefined) {
    result = parsePolicyText(text);
    parsed.set(text, result);
  }
  return result;
}

const data = (text: string) => parse(text).value;
const parses = (text: string) => !parse(text).diagnostics.some((d) => d.severity === 'error');

const MARK = /¤\d+¤/g;
const id = fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,7}$/);
/** Sentences long enough to fold, with the Chinese words a label holds. */
const sentence = fc
  .array(
    fc.constantFrom('the', 'customer', 'tier', 'is', 're-rated', 'P3M', '客户', '至少每月一次', '#1', 'a:'),
    {
      minLength: 12,
      maxLength: 30,
    },
  )
  .map((words) => words.join(' '));
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ minLength: 60, maxLength: 110 }),
  sentence,
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

type Generated = typeof file extends fc.Arbitrary<infer T> ? T : never;

/** `restyle` keeps the order of keys and items but draws flow or block anew; `comments: false` adds none. */
function render(
  { policy: { p, multi }, seed, indent, indentSeq }: Generated,
  { comments: withComments = true, restyle }: { comments?: boolean; restyle?: number } = {},
): string {
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return (state % 1000) / 1000;
  };
  let mark = 0;
  const comment = () => (withComments ? ` ¤${mark++}¤` : null);
  const doc = new Document(shuffle(p, random));
  if (restyle !== undefined) state = restyle >>> 0;
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
  if (!multi && withComments) {
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
  const runs = { seed: 20260101, numRuns: propertyRuns(60, 1_000) };

  it('keeps the data, every comment, and is idempotent', () => {
    fc.assert(
      fc.property(file, (generated) => {
        const input = render(generated);
        fc.pre(parses(input));
        const once = fmt(input);
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
        fc.pre(parses(input));
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

  it('lays out the same data the same way, however the input was styled', () => {
    fc.assert(
      fc.property(file, fc.integer(), fc.constantFrom(2, 4), (generated, restyle, indent) => {
        const input = render(generated, { comments: false });
        const restyled = render({ ...generated, indent }, { comments: false, restyle });
        fc.pre([input, restyled].every(parses));
        expect(fmt(restyled)).toBe(fmt(input));
      }),
      runs,
    );
  });

  it('writes a collection as a block only where its inline form would not fit', () => {
    fc.assert(
      fc.property(file, (generated) => {
        const input = render(generated, { comments: false });
        fc.pre(parses(input));
        const out = fmt(input);
        forEachBlock(out, (node, prefix, depth) => {
          const nodes = nodesIn(node);
          const holdsText = nodes.some((n) => isScalar(n) && String(n.value).includes('\n'));
          const holdsCollections = nodes.some((n) => n !== node && isCollection(n));
          if (holdsText || (depth === 1 && holdsCollections)) return;
          const line = prefix + inline(node);
          expect(columns(line), line).toBeGreaterThan(MAX_FLOW_WIDTH);
        });
      }),
      runs,
    );
  });
});

const columns = (line: string) => [...line].length + (line.match(/[\u4e00-\u9fff]/g)?.length ?? 0);

const nodesIn = (node: Node): Node[] => {
  const found: Node[] = [];
  visit(new Document(node), (_key, n) => {
    if (!isPair(n) && n !== null && typeof n === 'object') found.push(n as Node);
  });
  return found;
};

/** The collection written inline, with its strings styled as fmt styles them. */
function inline(node: Node): string {
  const copy = node.clone();
  visit(new Document(copy), (_key, n) => {
    if (isScalar(n)) normaliseScalar(n);
    if (isCollection(n)) n.flow = true;
  });
  return escapeInvisible(
    new Document(copy).toString({ lineWidth: 0, flowCollectionPadding: true }),
  ).trimEnd();
}

/** Calls back with each block collection below the root, what precedes it on its line, and its depth. */
function forEachBlock(out: string, found: (node: Node, prefix: string, depth: number) => void): void {
  const walk = (node: unknown, prefix: string, depth: number): void => {
    if (!isCollection(node) || node.flow) return;
    if (depth > 0) found(node, prefix, depth);
    for (const item of node.items) {
      if (isPair(item)) {
        const key = item.key as Node;
        const start = out.lastIndexOf('\n', key.range![0] - 1) + 1;
        walk(item.value, `${out.slice(start, key.range![1])}: `, depth + 1);
      } else if (isCollection(item)) {
        const at = item.range![0];
        walk(item, out.slice(out.lastIndexOf('\n', at - 1) + 1, at), depth + 1);
      }
    }
  };
  walk(parseDocument(out).contents, '', 0);
}
