import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { joinPointer } from '../diagnostics/pointer.js';
import { msg, type Text } from '../i18n/text.js';
import type { SourceMap } from '../policy/source-map.js';

/**
 * The shape of a policy test file (`*.test.yaml`, docs/testing.md). Typebox gives the JSON Schema
 * (checked by ajv, findings with file:line:col) and the TypeScript types from one source.
 */

const strict = <T extends Record<string, TSchema>>(properties: T) =>
  Type.Object(properties, { additionalProperties: false });

const Approx = Type.Union([
  Type.Number(),
  strict({ value: Type.Number(), tolerance: Type.Optional(Type.Number({ minimum: 0 })) }),
]);
export type Approx = Static<typeof Approx>;

const Values = Type.Record(Type.String(), Type.Unknown());

/** A customer: typed facts, or a customer-file row (columns as the file names them) with transactions. */
const customerProperties = {
  customer: Type.Optional(Type.String({ minLength: 1 })),
  facts: Type.Optional(Values),
  record: Type.Optional(Values),
  transactions: Type.Optional(Type.Array(Values)),
  asOf: Type.Optional(Type.String()),
};

const Explanation = strict({
  decidedBy: Type.Optional(Type.String()),
  nextTier: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  pointsToNext: Type.Optional(Approx),
  contains: Type.Optional(Type.Array(Type.String())),
});

const Expect = strict({
  tier: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  score: Type.Optional(Approx),
  unrounded: Type.Optional(Approx),
  classes: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]))),
  flags: Type.Optional(Type.Array(Type.String())),
  rerate: Type.Optional(Type.Boolean()),
  sla: Type.Optional(Values),
  entitlements: Type.Optional(Values),
  diagnostics: Type.Optional(Type.Array(Type.String())),
  explanation: Type.Optional(Explanation),
});
export type Expect = Static<typeof Expect>;

const Case = strict({
  name: Type.String({ minLength: 1 }),
  ...customerProperties,
  expect: Expect,
});
export type TestCase = Static<typeof Case>;

const Member = strict(customerProperties);
export type CustomerSpec = Static<typeof Member>;

export const TestFileSchema = strict({
  policy: Type.Optional(Type.String({ minLength: 1 })),
  description: Type.Optional(Type.String()),
  asOf: Type.Optional(Type.String()),
  population: Type.Optional(Type.Array(Member)),
  cases: Type.Array(Case, { minItems: 1 }),
});
export type TestFile = Static<typeof TestFileSchema>;

let compiled: ValidateFunction<TestFile> | undefined;

const APPROX = /\/(score|unrounded|pointsToNext)$/;

/** Schema findings as TW0902, each pointing at the key or value it is about; none when the file fits. */
export function testFileProblems(value: unknown, file: string, sourceMap: SourceMap): Diagnostic[] {
  compiled ??= new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile<TestFile>(
    TestFileSchema,
  );
  if (compiled(value)) return [];
  const errors = compiled.errors ?? [];
  // A failed union lists each branch as well; the union's own message is the useful one.
  const unions = errors.filter((e) => e.keyword === 'anyOf').map((e) => `${e.schemaPath}/`);
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const error of errors.filter((e) => !unions.some((u) => e.schemaPath.startsWith(u)))) {
    const { pointer, message, part } = describeError(error);
    const seenKey = pointer + JSON.stringify(message);
    if (seen.has(seenKey)) continue;
    seen.add(seenKey);
    out.push(
      diagnostic('TW0902', message, {
        file,
        pointer,
        range: sourceMap.range(pointer, part),
        help: msg('testing.schemaHelp'),
      }),
    );
  }
  return out;
}

function describeError(error: ErrorObject): { pointer: string; message: Text; part: 'key' | 'value' } {
  const at = error.instancePath;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      return { pointer: joinPointer(at, key), message: msg('testing.unknownProperty', { key }), part: 'key' };
    }
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      return { pointer: at, message: msg('testing.missingProperty', { name: missing }), part: 'key' };
    }
    case 'anyOf':
      return {
        pointer: at,
        message: APPROX.test(at) ? msg('testing.approxType', { at }) : msg('testing.wrongType', { at }),
        part: 'value',
      };
    default:
      return {
        pointer: at,
        message: msg('testing.invalid', {
          at,
          keyword: error.keyword,
          detail: error.message ?? 'is not valid',
        }),
        part: 'value',
      };
  }
}
