import { type TSchema, Type } from '@sinclair/typebox';
import {
  DATE_TIME_PATTERN,
  DURATION_PATTERN,
  ID_PATTERN,
  PERCENT_PATTERN,
  SEMVER_PATTERN,
} from './patterns.js';

export { DATE_TIME_PATTERN, DURATION_PATTERN, ID_PATTERN, PERCENT_PATTERN, SEMVER_PATTERN };

/**
 * Building blocks shared by every section of a policy. Each string format carries an
 * `x-expected` text: ajv's own message for a failed `pattern` quotes a regular expression,
 * which tells a business analyst nothing, so the diagnostics layer shows this text instead.
 */

export const Id = (description: string) =>
  Type.String({
    pattern: ID_PATTERN,
    description,
    'x-expected': 'an identifier: a letter, then letters, digits, "-" or "_" (e.g. vip, spend12m)',
  });

export const Duration = (description: string) =>
  Type.String({
    pattern: DURATION_PATTERN,
    description,
    examples: ['PT4H', 'P3M', 'P12M', 'P90D'],
    'x-expected': 'an ISO 8601 duration such as PT4H (4 hours), P90D (90 days) or P3M (3 months)',
  });

export const DateTime = (description: string) =>
  Type.String({
    pattern: DATE_TIME_PATTERN,
    description,
    examples: ['2026-01-01T00:00:00+08:00'],
    'x-expected': 'an ISO 8601 date-time with a time zone offset, e.g. 2026-01-01T00:00:00+08:00',
  });

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
