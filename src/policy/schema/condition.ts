import { type Static, Type } from '@sinclair/typebox';

/**
 * json-rules-engine's operators: the reference semantics for every condition in a policy. The
 * list is closed; the four date operators are registered with json-rules-engine as custom
 * operators (src/engine/conditions/reference.ts) comparing instants, so the reference still
 * decides what they mean.
 */
export const OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'before',
  'onOrBefore',
  'after',
  'onOrAfter',
] as const;
export type Operator = (typeof OPERATORS)[number];

/**
 * One node of json-rules-engine's condition syntax: a group (all / any / not), a reference to a
 * named condition, or a comparison (fact, operator, value). It is one flat object rather than a
 * union so that a typo yields "unknown property 'opertor'" instead of three failed alternatives;
 * which keys may stand together is checked by lint (TW0301).
 */
export const Condition = Type.Recursive(
  (This) =>
    Type.Object(
      {
        all: Type.Optional(Type.Array(This, { description: 'every condition holds' })),
        any: Type.Optional(Type.Array(This, { description: 'at least one condition holds' })),
        not: Type.Optional(This),
        condition: Type.Optional(Type.String({ description: 'a named condition from `conditions`' })),
        fact: Type.Optional(Type.String({ description: 'the fact compared' })),
        operator: Type.Optional(
          Type.Union(
            OPERATORS.map((op) => Type.Literal(op)),
            { 'x-expected': `one of ${OPERATORS.join(', ')}` },
          ),
        ),
        value: Type.Optional(
          Type.Unknown({
            description:
              'a constant, { fact: other } to compare with another fact, or for a date 2024-03-01 or { ago: P90D }',
          }),
        ),
        path: Type.Optional(Type.String({ description: 'JSONPath into an object-valued fact' })),
        params: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
        name: Type.Optional(Type.String({ description: 'a name shown in explanations' })),
      },
      { additionalProperties: false, minProperties: 1 },
    ),
  { $id: 'Condition', title: 'Condition' },
);
export type Condition = Static<typeof Condition>;
