import { type TSchema, Type } from '@sinclair/typebox';

const Position = Type.Object({ line: Type.Integer({ minimum: 1 }), column: Type.Integer({ minimum: 1 }) });

/** src/diagnostics/diagnostic.ts as JSON Schema: what every error response carries. */
export const DiagnosticSchema = Type.Object(
  {
    code: Type.String({ pattern: '^TW\\d{4}$' }),
    severity: Type.Union([Type.Literal('error'), Type.Literal('warning'), Type.Literal('info')]),
    message: Type.String(),
    file: Type.Optional(Type.String()),
    range: Type.Optional(Type.Object({ start: Position, end: Position })),
    pointer: Type.Optional(Type.String({ description: 'JSON pointer into the request body or the policy' })),
    row: Type.Optional(Type.Integer()),
    column: Type.Optional(Type.String()),
    help: Type.Optional(Type.String()),
    example: Type.Optional(Type.Unknown()),
  },
  { title: 'Diagnostic' },
);

export const DiagnosticsBody = Type.Object(
  { diagnostics: Type.Array(DiagnosticSchema) },
  { title: 'Diagnostics' },
);

/** An object of the caller's own keys: facts, records, transactions. */
export const Values = Type.Record(
  Type.String(),
  Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]),
);

export const strict = <T extends Record<string, TSchema>>(properties: T, options: { title?: string } = {}) =>
  Type.Object(properties, { additionalProperties: false, ...options });

/** Which policy: a version id, or what a business unit has published (as of `at`). */
export const policyChoice = {
  version: Type.Optional(Type.String({ minLength: 1, description: 'a version id: `retail-scorecard@3`' })),
  businessUnit: Type.Optional(
    Type.String({ description: 'the business unit whose published policy is used' }),
  ),
  policy: Type.Optional(
    Type.String({ minLength: 1, description: 'with businessUnit: which of its published policies' }),
  ),
  at: Type.Optional(
    Type.String({
      pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:\\d{2})$',
      description:
        'with businessUnit: the policy in force at this time (ISO 8601 with offset; now by default)',
    }),
  ),
};
