import type { Range } from '../diagnostics/diagnostic.js';
import { joinPointer } from '../diagnostics/pointer.js';
import type { CustomerResult } from '../engine/evaluate.js';
import { explainResult, type Language } from '../engine/explain/explain.js';
import { moveUp } from '../engine/explain/next-tier.js';
import type { Policy } from '../policy/schema/policy.js';
import type { Approx, Expect } from './schema.js';

/** One expectation that did not hold: what the case wrote, and what evaluation gave. */
export interface Mismatch {
  /** The expectation's path under `expect`, e.g. `tier`, `entitlements.discountQuota`. */
  field: string;
  /** JSON pointer of the expectation in the test file, for file:line:col. */
  pointer: string;
  expected: unknown;
  actual: unknown;
  /** Set by the runner from the test file's source map. */
  range?: Range;
}

/**
 * Checks a result against a case's expectations. Scores compare exactly unless a tolerance is
 * given; classes and flags compare as sets; sla and entitlements compare as a subset (what the
 * case names must be there, with the same value; a list must contain each item named).
 */
export function compareResult(
  policy: Policy,
  result: CustomerResult,
  expect: Expect,
  pointer: string,
  language: Language = 'en',
): Mismatch[] {
  const out: Mismatch[] = [];
  const at = (...tokens: string[]) => joinPointer(pointer, ...tokens);
  const check = (
    field: string,
    ok: boolean,
    expected: unknown,
    actual: unknown,
    where = at(...field.split('.')),
  ) => {
    if (!ok) out.push({ field, pointer: where, expected, actual });
  };
  if (expect.tier !== undefined)
    check('tier', (result.tier ?? null) === expect.tier, expect.tier, result.tier ?? null);
  if (expect.score !== undefined)
    check('score', approx(expect.score, result.score), expect.score, result.score ?? null);
  if (expect.unrounded !== undefined)
    check(
      'unrounded',
      approx(expect.unrounded, result.breakdown?.raw),
      expect.unrounded,
      result.breakdown?.raw ?? null,
    );
  for (const [classifier, classes] of Object.entries(expect.classes ?? {})) {
    const wanted = typeof classes === 'string' ? [classes] : classes;
    const actual = result.classes[classifier] ?? [];
    check(`classes.${classifier}`, sameSet(wanted, actual), classes, actual, at('classes', classifier));
  }
  if (expect.flags !== undefined)
    check('flags', sameSet(expect.flags, result.flags), expect.flags, result.flags);
  if (expect.rerate !== undefined)
    check('rerate', expect.rerate === result.rerate, expect.rerate, result.rerate);
  if (expect.sla !== undefined) subset('sla', expect.sla, result.sla ?? null, at('sla'), out);
  if (expect.entitlements !== undefined)
    subset('entitlements', expect.entitlements, result.entitlements ?? null, at('entitlements'), out);
  if (expect.diagnostics !== undefined) {
    const codes = result.diagnostics.map((d) => d.code);
    check('diagnostics', sameSet(expect.diagnostics, codes), expect.diagnostics, codes);
  }
  if (expect.explanation) explanation(policy, result, expect.explanation, at('explanation'), language, out);
  return out;
}

function explanation(
  policy: Policy,
  result: CustomerResult,
  expect: NonNullable<Expect['explanation']>,
  pointer: string,
  language: Language,
  out: Mismatch[],
): void {
  // A test file is written in one language, and run wherever TIERWISE_LANG says: an expected text
  // holds when either language's explanation has it. Both have the same lines in the same order.
  const explained = {
    en: explainResult(policy, result, 'en'),
    'zh-CN': explainResult(policy, result, 'zh-CN'),
  };
  const lines = [...explained.en, ...explained['zh-CN']];
  const at = (key: string) => joinPointer(pointer, key);
  if (expect.decidedBy !== undefined) {
    const index = explained.en.findIndex((l) => l.startsWith('  decided by: '));
    const decided = (l: Language) => explained[l][index]?.replace(/^\s*[^:：]*[:：]\s*/, '') ?? null;
    if (![decided('en'), decided('zh-CN')].some((d) => d?.includes(expect.decidedBy!)))
      out.push({
        field: 'explanation.decidedBy',
        pointer: at('decidedBy'),
        expected: expect.decidedBy,
        actual: index < 0 ? null : decided(language),
      });
  }
  const up = moveUp(policy, result);
  if (expect.nextTier !== undefined && (up?.tier ?? null) !== expect.nextTier)
    out.push({
      field: 'explanation.nextTier',
      pointer: at('nextTier'),
      expected: expect.nextTier,
      actual: up?.tier ?? null,
    });
  if (expect.pointsToNext !== undefined && !approx(expect.pointsToNext, up?.pointsNeeded))
    out.push({
      field: 'explanation.pointsToNext',
      pointer: at('pointsToNext'),
      expected: expect.pointsToNext,
      actual: up?.pointsNeeded ?? null,
    });
  (expect.contains ?? []).forEach((text, i) => {
    if (!lines.some((l) => l.includes(text)))
      out.push({
        field: `explanation.contains[${i}]`,
        pointer: joinPointer(pointer, 'contains', i),
        expected: text,
        actual: '(not in the explanation)',
      });
  });
}

/** Exact unless a tolerance is given: 85.25 is not 85. */
export function approx(expected: Approx, actual: number | undefined): boolean {
  if (actual === undefined) return false;
  const { value, tolerance } = typeof expected === 'number' ? { value: expected, tolerance: 0 } : expected;
  return tolerance === undefined || tolerance === 0
    ? actual === value
    : Math.abs(actual - value) <= tolerance;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = [...new Set(a)].sort();
  const y = [...new Set(b)].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

function subset(field: string, expected: unknown, actual: unknown, pointer: string, out: Mismatch[]): void {
  if (Array.isArray(expected)) {
    const list = Array.isArray(actual) ? actual : [];
    expected.forEach((item, i) => {
      if (!list.some((candidate) => contains(item, candidate)))
        out.push({
          field: `${field}[${i}]`,
          pointer: joinPointer(pointer, i),
          expected: item,
          actual: actual ?? null,
        });
    });
    return;
  }
  if (isObject(expected)) {
    for (const [key, value] of Object.entries(expected)) {
      const next = isObject(actual) && Object.hasOwn(actual, key) ? actual[key] : undefined;
      subset(`${field}.${key}`, value, next ?? null, joinPointer(pointer, key), out);
    }
    return;
  }
  if (!contains(expected, actual)) out.push({ field, pointer, expected, actual: actual ?? null });
}

function contains(expected: unknown, actual: unknown): boolean {
  if (Array.isArray(expected))
    return Array.isArray(actual) && expected.every((e) => actual.some((a) => contains(e, a)));
  if (isObject(expected))
    return (
      isObject(actual) &&
      Object.entries(expected).every(([k, v]) => Object.hasOwn(actual, k) && contains(v, actual[k]))
    );
  return expected === actual || (expected === null && actual === undefined);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
