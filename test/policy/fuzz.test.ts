import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { CODES } from '../../src/diagnostics/codes.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { checkPolicyText } from '../../src/policy/check.js';
import { OPERATORS } from '../../src/policy/schema/condition.js';
import { VALID } from '../helpers/policy.js';
import { propertyRuns } from '../helpers/runs.js';

const RUNS = propertyRuns(150, 5_000);
/** TIERWISE_FUZZ_SEED explores other inputs than CI's. */
const SEED = Number(process.env.TIERWISE_FUZZ_SEED ?? 20261123);

function assertWellFormed(text: string, diagnostics: Diagnostic[]): void {
  const lines = text.split('\n').length;
  for (const d of diagnostics) {
    expect(Object.keys(CODES)).toContain(d.code);
    expect(['error', 'warning', 'info']).toContain(d.severity);
    expect(typeof d.message).toBe('string');
    expect(d.message.length).toBeGreaterThan(0);
    if (d.range) {
      expect(d.range.start.line).toBeGreaterThanOrEqual(1);
      expect(d.range.start.line).toBeLessThanOrEqual(lines + 1);
      expect(d.range.start.column).toBeGreaterThanOrEqual(1);
      expect(d.range.end.line * 1e6 + d.range.end.column).toBeGreaterThanOrEqual(
        d.range.start.line * 1e6 + d.range.start.column,
      );
    }
    if (d.pointer !== undefined) expect(d.pointer === '' || d.pointer.startsWith('/')).toBe(true);
  }
}

/** Whether the checker got past the schema into the semantic lint (codes TW02xx and up). */
function checkNeverThrows(text: string): boolean {
  const result = checkPolicyText(text, 'fuzz.tier.yaml');
  assertWellFormed(text, result.diagnostics);
  if (result.policy) expect(result.diagnostics.every((d) => d.severity !== 'error')).toBe(true);
  return result.diagnostics.every((d) => d.code >= 'TW0200');
}

const corpus = [
  VALID,
  ...readdirSync(new URL('../../policies/', import.meta.url))
    .filter((f) => f.endsWith('.tier.yaml'))
    .map((f) => readFileSync(new URL(`../../policies/${f}`, import.meta.url), 'utf8')),
];

/** Edits a YAML author (or a bad merge) makes: stray characters, lost lines, cut files. */
const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.constantFrom(
      ':',
      '-',
      ' ',
      '\n',
      '{',
      '}',
      '[',
      ']',
      '&a',
      '*a',
      '!!',
      '"',
      "'",
      '#',
      '\t',
      '%',
      '<<: *a',
      '0',
      'null',
      '~',
      '\u0000',
      '名',
    ),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('duplicateLine' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

function mutate(text: string, edits: { kind: string; at: number; text?: string; length?: number }[]): string {
  let out = text;
  for (const edit of edits) {
    const at = out.length === 0 ? 0 : edit.at % out.length;
    if (edit.kind === 'insert') out = out.slice(0, at) + edit.text + out.slice(at);
    else if (edit.kind === 'delete') out = out.slice(0, at) + out.slice(at + (edit.length ?? 1));
    else if (edit.kind === 'truncate') out = out.slice(0, at);
    else {
      const lines = out.split('\n');
      const i = at % lines.length;
      lines.splice(i, 0, lines[i]!);
      out = lines.join('\n');
    }
  }
  return out;
}

const FACT_IDS = ['customerId', 'spend12m', 'orders', 'industry', 'active', 'joined', 'missingFact'];
const factType = fc.constantFrom('number', 'integer', 'string', 'enum', 'date', 'boolean');
const number = fc.oneof(
  fc.integer({ min: -10, max: 1_000_000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
);
const bounds = fc.record(
  { atLeast: number, above: number, below: number, atMost: number },
  { requiredKeys: [] },
);
const scoring = fc.oneof(
  fc.record({ linear: fc.record({ from: number, to: number }) }),
  fc.record({ lowerIsBetter: fc.record({ best: number, worst: number }) }),
  fc.record({
    bands: fc.array(
      fc.tuple(bounds, fc.integer({ min: 0, max: 100 })).map(([b, points]) => ({ ...b, points })),
      { minLength: 1, maxLength: 5 },
    ),
  }),
  fc.record({
    categories: fc.dictionary(
      fc.constantFrom('high', 'medium', 'low', 'true', 'other'),
      fc.integer({ min: 0, max: 100 }),
      { minKeys: 1 },
    ),
  }),
);
const leaf = fc.record({
  fact: fc.constantFrom(...FACT_IDS, 'score', 'tier'),
  operator: fc.constantFrom(...OPERATORS),
  value: fc.oneof(
    number,
    fc.constantFrom('high', 'low', 'vip', true),
    fc.array(fc.constantFrom('high', 'low', 1, 2), { maxLength: 3 }),
  ),
});
const condition: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ all: fc.array(tie('node'), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('node'), { maxLength: 3 }) }),
    fc.record({ not: tie('node') }),
    fc.record({ condition: fc.constantFrom('named', 'unknown') }),
  ),
})).node;

const policy = fc.record({
  apiVersion: fc.constant('tierwise/v1'),
  kind: fc.constant('TierPolicy'),
  metadata: fc.record({
    name: fc.constant('fuzz'),
    version: fc.constant('1.0.0'),
    labels: fc.constant({ 'zh-CN': '模糊', en: 'Fuzz' }),
  }),
  facts: fc.dictionary(
    fc.constantFrom(...FACT_IDS.slice(0, -1)),
    fc.record(
      {
        type: factType,
        key: fc.boolean(),
        min: fc.option(number, { nil: undefined }),
        values: fc.option(fc.constant(['high', 'medium', 'low']), { nil: undefined }),
      },
      { requiredKeys: ['type'] },
    ),
  ),
  conditions: fc.option(fc.record({ named: condition }), { nil: undefined }),
  dimensions: fc.option(
    fc.dictionary(
      fc.constantFrom('value', 'potential', 'loyalty'),
      fc.record({
        weight: fc.integer({ min: -5, max: 100 }),
        metrics: fc.dictionary(
          fc.constantFrom(...FACT_IDS),
          fc.record({ weight: fc.integer({ min: 0, max: 100 }), score: scoring }),
          { minKeys: 1, maxKeys: 3 },
        ),
      }),
      { minKeys: 1, maxKeys: 3 },
    ),
    { nil: undefined },
  ),
  tiers: fc.record({
    method: fc.constantFrom('thresholds', 'quota', 'criteria', 'matrix'),
    levels: fc.array(
      fc.record(
        {
          id: fc.constantFrom('vip', 'key', 'standard', 'watch'),
          minScore: fc.integer({ min: 0, max: 100 }),
          score: bounds,
          share: fc.constantFrom('10%', '20%', '50%', '0%'),
          when: condition,
          otherwise: fc.boolean(),
          sla: fc.record({ response: fc.record({ within: fc.constantFrom('PT4H', 'PT8H', 'P1D', 'PT0S') }) }),
          entitlements: fc.record({ discountQuota: fc.constantFrom('10%', '5%', '0%') }),
        },
        { requiredKeys: ['id'] },
      ),
      { minLength: 1, maxLength: 5 },
    ),
    matrix: fc.option(
      fc.record({
        rows: fc.record({
          fact: fc.constantFrom(...FACT_IDS),
          bands: fc.array(
            fc.tuple(fc.constantFrom('high', 'low'), bounds).map(([id, b]) => ({ id, ...b })),
            { minLength: 1, maxLength: 3 },
          ),
        }),
        columns: fc.record({
          score: fc.constant(true),
          bands: fc.array(
            fc.tuple(fc.constantFrom('high', 'low'), bounds).map(([id, b]) => ({ id, ...b })),
            { minLength: 1, maxLength: 3 },
          ),
        }),
        cells: fc.dictionary(
          fc.constantFrom('high', 'low'),
          fc.dictionary(fc.constantFrom('high', 'low'), fc.constantFrom('vip', 'key', 'nope')),
        ),
      }),
      { nil: undefined },
    ),
  }),
  classifiers: fc.option(
    fc.record({
      tags: fc.record({
        pick: fc.constantFrom('first', 'all'),
        rules: fc.array(fc.record({ id: fc.constantFrom('a', 'b'), when: condition }), {
          minLength: 1,
          maxLength: 3,
        }),
      }),
    }),
    { nil: undefined },
  ),
});

describe('fuzzing the parser and checker: every failure is a diagnostic, never a crash', () => {
  it('survives random edits of real policies', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...corpus),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        (text, edits) => {
          checkNeverThrows(mutate(text, edits));
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('survives generated policies that reach the semantic lint', () => {
    let linted = 0;
    fc.assert(
      fc.property(policy, (generated) => {
        if (checkNeverThrows(stringify(JSON.parse(JSON.stringify(generated))))) linted++;
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The generator is only worth its runs if most policies reach the lint rules.
    expect(linted / RUNS).toBeGreaterThan(0.3);
  });

  it('survives arbitrary text and bytes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: 'binary' }), (text) => {
        checkNeverThrows(text);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
