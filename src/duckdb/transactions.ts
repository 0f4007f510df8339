import { type ColumnSpec, DEFAULT_MAX_DIAGNOSTICS, openRecords, resolveColumns } from '../data/index.js';
import { transactionLog, unusableLogHeader } from '../facts/customers.js';
import { DEFAULT_TIMEZONE, zoneCalendar } from '../facts/zone.js';
import type { Policy } from '../policy/schema/policy.js';
import { stageCsv } from './csv-stage.js';
import type { Duck } from './duck.js';
import { appendTransactionsJs } from './js-transactions.js';
import { loadStaged } from './load-stage.js';
import { mappedPolicy } from './mapping.js';
import type { Stage } from './stage.js';
import { failedLoad, type LoadOptions, type LoadSummary } from './summary.js';
import { createTable, dropRelation } from './table.js';
import { stageTyped, typedFormat } from './typed-stage.js';
import { sqlType } from './values.js';

const CUSTOMER = '#customer';
const DATE = '#date';

/**
 * The transaction log (the policy's `sources.transactions`) → `tw_transactions(tw_row, customer,
 * at_ms, local_ms, <field>…)`, the staged shape compileSql's aggregates read: the instant of each
 * transaction, its wall-clock ms in the policy's zone, and its fields typed. Rows, values and
 * diagnostics are readTransactions' (src/facts/customers.ts); which customers the log names is
 * for the run to say once the log is folded (./log-survey.ts TW0609, ./breaches.ts TW0632).
 */
export async function loadTransactions(
  duck: Duck,
  policy: Policy,
  file: string,
  options: LoadOptions,
): Promise<LoadSummary> {
  const table = options.table ?? 'tw_transactions';
  const mapped = mappedPolicy(policy, options.mapping);
  if ('failed' in mapped) return failedLoad(table, mapped.failed);
  const log = transactionLog(mapped.policy);
  if (!('wanted' in log)) return failedLoad(table, [...mapped.diagnostics, log]);
  const zone = zoneCalendar(mapped.policy.metadata.timezone ?? DEFAULT_TIMEZONE);
  const maxDiagnostics = options.maxDiagnostics ?? DEFAULT_MAX_DIAGNOSTICS;
  const { connection } = duck;
  const early = mapped.diagnostics;
  const load = (stage: Stage) => {
    const k = (id: string) => stage.columns.findIndex((c) => c.id === id);
    return loadStaged(connection, stage, {
      table,
      outputs: stage.columns.map((c) =>
        c.id === CUSTOMER
          ? { name: 'customer' }
          : c.id === DATE
            ? { name: 'at_ms', local: 'local_ms' }
            : { name: c.id },
      ),
      onError: options.onError,
      maxDiagnostics,
      needed: [k(CUSTOMER), k(DATE)],
      zone,
      early,
    });
  };
  const format = typedFormat(file);
  if (format) {
    const staged = await stageTyped(
      connection,
      { file, format, table: options.sourceTable },
      log.wanted,
      undefined,
    );
    if ('failed' in staged) return failedLoad(table, [...early, ...staged.diagnostics], staged.reader);
    if (unusableLogHeader(staged)) {
      await staged.close();
      return failedLoad(table, [...early, ...staged.diagnostics], staged.reader);
    }
    return (await load(staged))!;
  }
  const source = await openRecords(file, { encoding: options.encoding, sheet: options.sheet });
  if ('code' in source) return failedLoad(table, [...early, source]);
  try {
    const resolved = resolveColumns(await source.headers(), log.wanted, source.file, source.headerRow);
    if (unusableLogHeader(resolved)) return failedLoad(table, [...early, ...resolved.diagnostics], 'js');
    const staged = await stageCsv(source, resolved.columns, resolved.diagnostics);
    const loaded = staged && (await load(staged));
    if (loaded) return loaded;
    await createTable(connection, table, outputColumns(resolved.columns));
    const read = await appendTransactionsJs(connection, source, resolved.columns, table, {
      onError: options.onError,
      maxDiagnostics,
      zone,
    });
    if (read.failed) await dropRelation(connection, table);
    return {
      table,
      rowsLoaded: read.rowsLoaded,
      rowsDropped: read.summary.rowsRead - read.rowsLoaded,
      diagnostics: [...early, ...resolved.diagnostics, ...read.diagnostics],
      columns: outputColumns(resolved.columns)
        .slice(1)
        .map(([name]) => name),
      failed: read.failed,
      reader: `js-${source.format}`,
    };
  } finally {
    await source.close();
  }
}

/** The table's columns for the log's resolved columns. */
function outputColumns(columns: readonly ColumnSpec[]): [string, string][] {
  const fields = columns.filter((c) => c.id !== CUSTOMER && c.id !== DATE);
  return [
    ['tw_row', 'BIGINT'],
    ['customer', 'VARCHAR'],
    ['at_ms', 'BIGINT'],
    ['local_ms', 'BIGINT'],
    ...fields.map((c): [string, string] => [c.id, sqlType(c.type)]),
  ];
}
