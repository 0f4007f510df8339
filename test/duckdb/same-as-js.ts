import { expect } from 'vitest';
import type { OnError } from '../../src/data/index.js';
import type { Duck } from '../../src/duckdb/duck.js';
import { tableValue } from '../../src/duckdb/values.js';
import {
  type CustomerFacts,
  customerChunks,
  customerColumns,
  loadCustomers as loadJs,
} from '../../src/facts/customers.js';
import { DEFAULT_TIMEZONE, zoneCalendar } from '../../src/facts/zone.js';
import type { Policy } from '../../src/policy/schema/policy.js';
import { duckdb } from '../../src/sql/dialect.js';

/** The table's rows as plain objects, in tw_row order. */
export async function tableRows(duck: Duck, table: string): Promise<Record<string, unknown>[]> {
  const reader = await duck.connection.runAndReadAll(`SELECT * FROM ${duckdb.ident(table)} ORDER BY tw_row`);
  return reader
    .getRowObjectsJS()
    .map((row) =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])),
    );
}

/**
 * What the JS loader (src/facts/customers.ts) gives for the file, as the typed table's rows:
 * `tw_row` and each column the table has, dates as epoch ms, missing values null.
 */
export async function jsCustomers(
  policy: Policy,
  file: string,
  onError: OnError,
  columns: readonly string[],
  extra: Extra = {},
) {
  const useTransactions = extra.useTransactions === true;
  const loaded = useTransactions
    ? await readJs(policy, file, onError, extra)
    : await loadJs(policy, { customers: file, onError, encoding: extra.encoding });
  const zone = zoneCalendar(policy.metadata.timezone ?? DEFAULT_TIMEZONE);
  const { columns: specs, keyFact } = customerColumns(policy, useTransactions);
  const types = new Map(specs.map((c) => [c.id, c.type]));
  const key = keyFact!;
  const rows = loaded.failed
    ? []
    : loaded.customers.map((c) => ({
        tw_row: c.row,
        ...Object.fromEntries(
          columns.map((id) => [
            id,
            tableValue(types.get(id)!, id === key ? c.id : c.facts[id], zone) ?? null,
          ]),
        ),
      }));
  return { rows, diagnostics: loaded.diagnostics, failed: loaded.failed };
}

interface Extra {
  encoding?: 'auto' | 'gbk' | 'utf-8';
  useTransactions?: boolean;
}

/** The customer file alone, as the JS loader reads it when a log supplies the aggregates. */
async function readJs(policy: Policy, file: string, onError: OnError, extra: Extra) {
  const { columns, keyFact } = customerColumns(policy, true);
  const chunks = customerChunks(
    { customers: file, onError, encoding: extra.encoding },
    columns,
    keyFact!,
    1e9,
  );
  const customers: CustomerFacts[] = [];
  for (;;) {
    const next = await chunks.next();
    if (next.done) return { customers, diagnostics: next.value.diagnostics, failed: next.value.failed };
    customers.push(...next.value);
  }
}

/** The DuckDB load and the JS loader agree on rows, values, diagnostics and failure. */
export async function expectSameAsJs(
  duck: Duck,
  policy: Policy,
  file: string,
  summary: { table: string; columns: string[]; diagnostics: unknown[]; failed: boolean },
  onError: OnError,
  extra: Extra = {},
) {
  const js = await jsCustomers(policy, file, onError, summary.columns, extra);
  expect(summary.diagnostics).toEqual(js.diagnostics);
  expect(summary.failed).toBe(js.failed);
  if (!js.failed) expect(await tableRows(duck, summary.table)).toEqual(js.rows);
  return js;
}
