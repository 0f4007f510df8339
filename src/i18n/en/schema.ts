/**
 * Schema findings (src/policy/validate-schema.ts): ajv's errors by keyword, in the policy's terms.
 * The `expect*` entries are the schema's `x-expected` texts (src/policy/schema), word for word.
 */
export const schema = {
  unknownProperty: (p: { key: string }) => `unknown property '${p.key}'`,
  moreFindings: (p: { shown: number; more: number }) =>
    `and ${p.more.toLocaleString('en-US')} more schema finding${p.more === 1 ? '' : 's'} not shown (the first ${p.shown.toLocaleString('en-US')} are)`,
  badName: (p: { key: string; expected: string }) =>
    `'${p.key}' is not a valid name here: expected ${p.expected}`,
  missingProperty: (p: { name: string }) => `missing required property '${p.name}'`,
  expectedGot: (p: { expected: string; got: string }) => `expected ${p.expected}, got ${p.got}`,
  isNot: (p: { got: string; expected: string }) => `${p.got} is not ${p.expected}`,
  expected: (p: { expected: string }) => `expected ${p.expected}`,
  invalidValue: 'invalid value',
  /** ajv's own message for a keyword the schema gives no `x-expected` for; English is ajv's. */
  ajv: (p: { keyword: string; detail: string; limit?: number; comparison?: string; pattern?: string }) =>
    p.detail,
  /** A JSON type as ajv names it ("string", or "string,number" for a union). */
  types: (p: { types: string[] }) => p.types.join(','),
  value: (p: { json: string }) => p.json,
  oneOfValues: (p: { values: string[] }) => `one of ${p.values.join(', ')}`,
  anyForm: 'one of the forms the schema allows',
  gotNull: 'null (an empty value)',
  gotList: 'a list',
  gotMapping: 'a mapping',
  gotString: (p: { value: string }) => `'${p.value}'`,
  gotScalar: (p: { type: string; value: string }) => `${p.type} ${p.value}`,
  expectIdentifierShort: 'an identifier',
  expectIdentifier: 'an identifier: a letter, then letters, digits, "-" or "_" (e.g. vip, spend12m)',
  expectDuration: 'an ISO 8601 duration such as PT4H (4 hours), P90D (90 days) or P3M (3 months)',
  expectDateTime: 'an ISO 8601 date-time with a time zone offset, e.g. 2026-01-01T00:00:00+08:00',
  expectPercent: 'a percentage written with a % sign, from "0%" to "100%" (e.g. "10%")',
  expectVersion: 'a semantic version such as 1.2.0',
  expectIds: 'ids made of letters, digits, "-" and "_", starting with a letter',
  expectFactIds: 'fact ids made of letters, digits and "_", starting with a letter',
  expectMetricIds: 'metric ids made of letters, digits and "_", starting with a letter',
  expectOrder: 'asc or desc',
  expectSplit: 'split or together',
  expectRoundTo: 'nearest, floor or ceil',
  expectScoreForm: 'exactly one of linear, lowerIsBetter, bands, categories',
  expectMissing: 'error, exclude, or { points: N }',
  expectAvailability: '24x7 or business-hours',
  expectClock: 'business or elapsed',
  expectMatch: 'first (one class) or all (every matching tag)',
  expectBound: 'a number, or on a date axis a date (2024-03-01) or { ago: P90D } (back from the as-of)',
  expectOneOf: (p: { values: string[] }) => `one of ${p.values.join(', ')}`,
  expectUnit: (p: { units: string[] }) => `a currency code (CNY, USD, …) or one of ${p.units.join(', ')}`,
  /** An `x-expected` text this catalogue does not know yet (a test keeps the list complete). */
  expectOther: (p: { text: string }) => p.text,
};
