import fc from 'fast-check';
import { expect, it } from 'vitest';
import { canonicalJson } from '../../src/registry/digest.js';

/** What canonicalJson promises, written the slow obvious way: sorted copies, then JSON.stringify. */
const reference = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );

it('is JSON.stringify of the value with keys sorted, for any JSON-like value', () => {
  const value = fc.letrec((tie) => ({
    leaf: fc.oneof(
      fc.constant(null),
      fc.constant(undefined),
      fc.boolean(),
      fc.double(),
      fc.integer(),
      fc.string({ unit: 'binary' }),
      fc.date({ noInvalidDate: true }),
    ),
    node: fc.oneof(
      { depthSize: 'small' },
      tie('leaf'),
      fc.array(tie('node'), { maxLength: 4 }),
      fc.dictionary(fc.string({ unit: 'binary' }), tie('node'), { maxKeys: 5 }),
    ),
  })).node;
  fc.assert(
    fc.property(value, (v) => {
      expect(canonicalJson(v)).toBe(reference(v) ?? 'null');
    }),
    { numRuns: 2000 },
  );
});

it('sorts keys by code unit, whatever order they were sent in', () => {
  expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined }], c: null }, 客户: '张', B: 2 })).toBe(
    '{"B":2,"a":{"c":null,"d":[3,{"z":1}]},"b":1,"客户":"张"}',
  );
  expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
});
