import { extname } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnSpec } from '../data/index.js';
import { DEFAULT_MAX_DIAGNOSTICS } from '../data/index.js';
import { EXTENSIONS } from '../data/open.js';
import { type Diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { type CustomerSourceOptions, openCustomers } from '../facts/customer-source.js';
import { customerColumns } from '../facts/customers.js';
import { missingLogDiagnostics } from '../facts/requirements.js';
import { DEFAULT_TIMEZONE, zoneCalendar } from '../facts/zone.js';
import { msg } from '../i18n/text.js';
import type { Policy } from '../policy/schema/policy.js';
import { stageCsv } from './csv-stage.js';
import type { Duck } from './duck.js';
import { appendCustomersJs } from './js-customers.js';
import { loadStaged, provisionalLoad } from './load-stage.js';
import { mappedPolicy } from './mapping.js';
import type { Stage } from './stage.js';
import { failedLoad, type LoadOptions, type LoadSummary } from './summary.js';
import { dropRelation } from './table.js';
import { stageTyped, typedFormat } from './typed-stage.js';

export interface LoadCustomersOptions extends LoadOptions {
  /**
   * A transaction log will supply the aggregate facts (loadTransactions): they are not read from
   * the customer file. Off by default: an aggregate with a `column` is read from it, precomputed.
   */
  useTransactions?: boolean;
  /** As in the JS loader: a column no customer can be tiered without ends the load. On by default. */
  essential?: boolean;
  /**
   * The caller counts the rows in a pass of its own before it trusts them (a tally): a file DuckDB
   * reads in place may be loaded as an unchecked view (LoadSummary.provisional).
   */
  provisional?: boolean;
}

/**
 * The customer file → a typed table `tw_customers(tw_row, <fact id>…)` (src/sql/query.ts, Relation
 * `typed`), holding exactly the customers, values and diagnostics the JS reader gives: the same
 * row numbers, `--on-error` behaviour, duplicate keys and header findings. DuckDB reads CSV/TSV,
 * Parquet and DuckDB tables; cells it cannot settle in SQL go through the JS converter; files its
 * reader would read differently, and xlsx/JSON, go through the JS reader.
 */
export async function loadCustomers(
  duck: Duck,
  policy: Policy,
  file: string,
  options: LoadCustomersOptions,
): Promise<LoadSummary> {
  const table = options.table ?? 'tw_customers';
  const mapped = mappedPolicy(policy, options.mapping);
  if ('failed' in mapped) return failedLoad(table, mapped.failed);
  const essential = options.essential !== false;
  const useTransactions = options.useTransactions === true;
  const early: Diagnostic[] = [...mapped.diagnostics];
  const keyFact = Object.entries(mapped.policy.facts ?? {}).find(([, f]) => f.key)?.[0];
  if (!keyFact)
    return failedLoad(table, [...early, diagnostic('TW0211', msg('facts.noKeyFact'), { pointer: '/facts' })]);
  if (!useTransactions) {
    early.push(...missingLogDiagnostics(mapped.policy, essential));
    if (hasErrors(early)) return failedLoad(table, early);
  }
  const { columns: wanted } = customerColumns(mapped.policy, useTransactions, { essential });
  const zone = zoneCalendar(mapped.policy.metadata.timezone ?? DEFAULT_TIMEZONE);
  const maxDiagnostics = options.maxDiagnostics ?? DEFAULT_MAX_DIAGNOSTICS;
  const { connection } = duck;
  const staged = await stageCustomers(connection, file, options, wanted, keyFact, maxDiagnostics);
  if ('failed' in staged) return failedLoad(table, [...early, ...staged.diagnostics], staged.reader);
  if ('relation' in staged) {
    const key = staged.columns.findIndex((c) => c.id === keyFact);
    const load = {
      table,
      outputs: staged.columns.map((c) => ({ name: c.id })),
      onError: options.onError,
      maxDiagnostics,
      key: { k: key, pii: staged.columns[key]!.pii === true },
      needed: [key],
      zone,
      early,
      view: true,
    };
    if (options.provisional) {
      const settle = () => loadCustomers(duck, policy, file, { ...options, provisional: false });
      const provisional = await provisionalLoad(connection, staged, load, settle);
      if (provisional) return provisional;
    }
    const loaded = await loadStaged(connection, staged, load);
    if (loaded) return loaded;
  }
  return jsLoad(connection, file, options, staged.columns, keyFact, table, zone, early, maxDiagnostics);
}

type Staged = Stage | { columns: ColumnSpec[] } | { failed: true; diagnostics: Diagnostic[]; reader: string };

/** The file staged by DuckDB, or the columns the JS reader is to read it with, or why it cannot be read. */
async function stageCustomers(
  connection: DuckDBConnection,
  file: string,
  options: LoadCustomersOptions,
  wanted: ColumnSpec[],
  keyFact: string,
  maxDiagnostics: number,
): Promise<Staged> {
  const format = typedFormat(file);
  if (format) return stageTyped(connection, { file, format, table: options.sourceTable }, wanted, keyFact);
  const opened = await openCustomers(sourceOptions(file, options, maxDiagnostics), wanted, keyFact);
  if (!('source' in opened)) return { failed: true, diagnostics: opened.diagnostics, reader: 'js' };
  try {
    return (
      (await stageCsv(opened.source, opened.columns, opened.diagnostics)) ?? {
        columns: opened.columns,
      }
    );
  } finally {
    await opened.source.close();
  }
}

async function jsLoad(
  connection: DuckDBConnection,
  file: string,
  options: LoadCustomersOptions,
  columns: ColumnSpec[],
  keyFact: string,
  table: string,
  zone: ReturnType<typeof zoneCalendar>,
  early: Diagnostic[],
  maxDiagnostics: number,
): Promise<LoadSummary> {
  const source = sourceOptions(file, options, maxDiagnostics);
  const read = await appendCustomersJs(connection, source, columns, keyFact, table, zone);
  if (read.failed) await dropRelation(connection, table);
  const rowsRead = read.summary?.rowsRead ?? 0;
  return {
    table,
    rowsLoaded: read.rowsLoaded,
    rowsDropped: read.failed ? rowsRead : rowsRead - read.rowsLoaded,
    diagnostics: [...early, ...read.diagnostics],
    columns: columns.map((c) => c.id),
    failed: read.failed,
    reader: `js-${formatOf(file)}`,
  };
}

function sourceOptions(file: string, options: LoadOptions, maxDiagnostics: number): CustomerSourceOptions {
  return {
    customers: file,
    onError: options.onError,
    encoding: options.encoding,
    sheet: options.sheet,
    maxDiagnostics,
  };
}

function formatOf(file: string): string {
  return EXTENSIONS[extname(file).toLowerCase()] ?? 'file';
}
