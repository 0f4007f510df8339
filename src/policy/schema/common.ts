import { type TSchema, Type } from '@sinclair/typebox';

/**
 * Building blocks shared by every section of a policy. Each string format carries an
 * `x-expected` text: ajv's own message for a failed `pattern` quotes a regular expression,
 * which tells a business analyst nothing, so the diagnostics layer shows this text instead.
 */

export const ID_PATTERN = '^[A-Za-z][A-Za-z0-9_-]*$';
export const Id = (description: string) =>
  Type.String({
    pattern: ID_PATTERN,
    description,
    'x-expected': 'an identifier: a letter, then letters, digits, "-" or "_" (e.g. vip, spend12m)',
  });

export const DURATION_PATTERN =
  '^P(?!$)(\\d+(\\.\\d+)?Y)?(\\d+(\\.\\d+)?M)?(\\d+(\\.\\d+)?W)?(\\d+(\\.\\d+)?D)?(T(?=\\d)(\\d+(\\.\\d+)?H)?(\\d+(\\.\\d+)?M)?(\\d+(\\.\\d+)?S)?)?$';
export const Duration = (description: string) =>
  Type.String({
    pattern: DURATION_PATTERN,
    description,
    examples: ['PT4H', 'P3M', 'P12M', 'P90D'],
    'x-expected': 'an ISO 8601 duration such as PT4H (4 hours), P90D (90 days) or P3M (3 months)',
  });

export const DATE_TIME_PATTERN =
  '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$';
export const DateTime = (description: string) =>
  Type.String({
    pattern: DATE_TIME_PATTERN,
    description,
    examples: ['2026-01-01T00:00:00+08:00'],
    'x-expected': 'an ISO 8601 date-time with a time zone offset, e.g. 2026-01-01T00:00:00+08:00',
  });

export const SEMVER_PATTERN =
  '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$';

export const PERCENT_PATTERN = '^(100|\\d{1,2})(\\.\\d+)?%$';
export const Percent = (description: string) =>
  Type.String({
    pattern: PERCENT_PATTERN,
    description,
    examples: ['10%', '5%', '0%'],
    'x-expected': 'a percentage written with a % sign, from "0%" to "100%" (e.g. "10%")',
  });

/** zh-CN and en are both expected; a missing one is a lint warning, not a schema error. */
export const Label = Type.Object(
  {
    'zh-CN': Type.Optional(Type.String({ minLength: 1, description: '简体中文' })),
    en: Type.Optional(Type.String({ minLength: 1, description: 'English' })),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    description: 'A bilingual label: { zh-CN: 中文, en: English }',
  },
);

/**
 * A range on a number line with explicit boundaries: atLeast (≥) or above (>) for the lower end,
 * below (<) or atMost (≤) for the upper end. A missing end is open. Lint rejects both forms of
 * the same end at once.
 */
export const rangeProperties = {
  atLeast: Type.Optional(Type.Number({ description: 'lower bound, inclusive (≥)' })),
  above: Type.Optional(Type.Number({ description: 'lower bound, exclusive (>)' })),
  below: Type.Optional(Type.Number({ description: 'upper bound, exclusive (<)' })),
  atMost: Type.Optional(Type.Number({ description: 'upper bound, inclusive (≤)' })),
};

export function strictObject<T extends Record<string, TSchema>>(
  properties: T,
  options: Record<string, unknown> = {},
) {
  return Type.Object(properties, { additionalProperties: false, ...options });
}
