import { type Static, Type } from '@sinclair/typebox';
import { strictObject } from './common.js';

const Column = Type.String({
  minLength: 1,
  description: 'a column header of the source file, e.g. 交易日期',
});

export const TRANSACTION_FIELD_TYPES = ['number', 'integer', 'string', 'boolean'] as const;

export const TransactionField = strictObject({
  column: Column,
  type: Type.Optional(
    Type.Union(
      TRANSACTION_FIELD_TYPES.map((t) => Type.Literal(t)),
      { 'x-expected': `one of ${TRANSACTION_FIELD_TYPES.join(', ')}` },
    ),
  ),
});

/**
 * Where the data comes from: column names of the customer file and of the transaction log.
 * Business units export with their own headers, so a mapping file (`--mapping`) with this same
 * shape can override it without touching the policy.
 */
export const Sources = strictObject({
  customers: Type.Optional(
    strictObject({
      columns: Type.Optional(
        Type.Record(Type.String(), Column, {
          description: 'fact id → column, overriding each fact’s `column`',
        }),
      ),
      dateFormat: Type.Optional(
        Type.String({ description: 'default format of date columns, e.g. yyyy-MM-dd' }),
      ),
    }),
  ),
  transactions: Type.Optional(
    strictObject({
      customer: Column,
      date: Column,
      dateFormat: Type.Optional(Type.String({ description: 'e.g. yyyy/MM/dd or yyyy-MM-dd HH:mm:ss' })),
      fields: Type.Optional(
        Type.Record(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]*$' }), TransactionField, {
          additionalProperties: false,
          description: 'field → column; aggregates read a field with `of`',
        }),
      ),
    }),
  ),
});
export type Sources = Static<typeof Sources>;
