import { type Static, Type } from '@sinclair/typebox';
import { strictObject } from '../schema/common.js';
import { API_VERSION } from '../schema/policy.js';

export const MAPPING_KIND = 'ColumnMapping';
export const MAPPING_SCHEMA_ID = 'https://tierwise.dev/schemas/mapping.schema.json';

/** A header as one export spells it. Blank text names no column, so it is refused like an empty one. */
const Column = Type.String({
  pattern: '\\S',
  description: 'a column header of this export, e.g. 客户ID',
  'x-expected': 'a column header that is not blank, e.g. 客户ID',
});

const DateFormat = (description: string) =>
  Type.String({ minLength: 1, description, examples: ['yyyy/M/d', 'dd.MM.yyyy'] });

/** A fact's column alone, or with the date format this export writes it in. */
const CustomerColumn = Type.Union(
  [
    Column,
    strictObject({
      column: Column,
      format: Type.Optional(DateFormat('how this export writes the date, e.g. dd/MM/yyyy')),
    }),
  ],
  { 'x-expected': 'a column header, or { column, format } for a date column' },
);

/**
 * How one export names the columns a policy reads: the shape of the policy's `sources`, minus what
 * belongs to the policy (each field's type). Keys are fact and field ids as the policy declares
 * them; unknown ones are reported with a did-you-mean by the check, not by this schema.
 */
export const ColumnMapping = strictObject(
  {
    apiVersion: Type.Literal(API_VERSION),
    kind: Type.Literal(MAPPING_KIND),
    metadata: Type.Optional(
      strictObject({
        name: Type.Optional(Type.String({ minLength: 1, description: 'e.g. east-region-crm' })),
        description: Type.Optional(Type.String()),
      }),
    ),
    customers: Type.Optional(
      strictObject({
        columns: Type.Optional(
          Type.Record(Type.String(), CustomerColumn, {
            description: 'fact id → column of the customer file, overriding the policy’s',
          }),
        ),
        dateFormat: Type.Optional(
          DateFormat('how this export writes every date column, overriding the policy’s formats'),
        ),
      }),
    ),
    transactions: Type.Optional(
      strictObject({
        customer: Type.Optional(Column),
        date: Type.Optional(Column),
        dateFormat: Type.Optional(DateFormat('how this export writes transaction dates')),
        fields: Type.Optional(
          Type.Record(Type.String(), Column, {
            description: 'field id (sources.transactions.fields) → column of the log',
          }),
        ),
      }),
    ),
  },
  {
    $id: MAPPING_SCHEMA_ID,
    title: 'tierwise ColumnMapping',
    description: 'The column names of one export, so that one policy reads several (--mapping).',
  },
);
export type ColumnMapping = Static<typeof ColumnMapping>;

/** The published JSON Schema (schemas/mapping.schema.json); a test holds the file to it. */
export function mappingJsonSchema(): Record<string, unknown> {
  const { $id, ...body } = JSON.parse(JSON.stringify(ColumnMapping)) as Record<string, unknown>;
  return { $schema: 'http://json-schema.org/draft-07/schema#', $id, ...body };
}

export function mappingJsonSchemaText(): string {
  return `${JSON.stringify(mappingJsonSchema(), null, 2)}\n`;
}
