/** The dialects a policy compiles to; apart from dialect.ts so the CLI's option list loads nothing else. */
export const DIALECTS = ['duckdb', 'postgres', 'spark', 'trino'] as const;
export type DialectName = (typeof DIALECTS)[number];
