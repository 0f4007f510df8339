import type { ColumnSpec, EncodingOption, OnError, OpenOptions, ReadSummary } from '../data/index.js';
import {
  DEFAULT_MAX_DIAGNOSTICS,
  mapRecord,
  openRecords,
  outOfRange,
  resolveColumns,
  rowErrorPolicy,
} from '../data/index.js';
import { type Diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { msg } from '../i18n/text.js';
import { factColumn, readsCustomerColumn } from '../policy/columns.js';
import type { Fact } from '../policy/schema/facts.js';
import type { Policy } from '../policy/schema/policy.js';
import { maskValue } from '../privacy/mask.js';
import {
  type AggregatePlan,
  type CustomerAccumulator,
  compileAggregates,
  type DomainBreach,
  isAggregatePlan,
} from './aggregate.js';
import { type AsOf, isAsOf, parseAsOf } from './asof.js';
import {
  DuplicateKeys,
  KeyRegister,
  openCustomers,
  type ReadEnd,
  withLogCustomers,
} from './customer-source.js';
import { missingLogDiagnostics, requiredFacts } from './requirements.js';
import { DEFAULT_TIMEZONE } from './zone.js';

/** One customer ready for evaluation: typed facts, undefined where the data has none. */
export interface CustomerFacts {
  id: string;
  facts: Record<string, unknown>;
  row: number;
}

export interface LoadCustomersOptions {
  /** See CustomerSourceOptions.logCustomerColumn; loadCustomers sets it from the policy. */
  logCustomerColumn?: string;
  /** The customer file; without one, the customers are the transaction log's ids (TW0641). */
  customers?: string;
  transactions?: string;
  /** `--as-of`: a date, a date-time with offset, or `today` (the default) in the policy's zone. */
  asOf?: string;
  onError?: OnError;
  encoding?: EncodingOption;
  sheet?: string;
  /** The clock for `today`; tests pin it. */
  now?: number;
  /**
   * Whether a column or log the tiers cannot do without ends the read (the default, for
   * evaluation); off for an export of facts, which reports what is missing and writes the rest.
   */
  essential?: boolean;
}

export interface LoadedCustomers {
  customers: CustomerFacts[];
  /** Set when the policy has aggregate facts and a transaction log was read. */
  asOf?: AsOf;
  diagnostics: Diagnostic[];
  customersSummary?: ReadSummary;
  transactionsSummary?: ReadSummary;
  /** Reading stopped: a fatal problem, or the first bad row under --on-error fail. */
  failed: boolean;
}

/**
 * Customer file (+ transaction log) → each customer's facts. Column facts come from the customer
 * file; aggregate facts from the transaction log when one is given, otherwise from a column of the
 * customer file holding the precomputed value (the fact's `column`, if it names one). Memory grows
 * with customers, not with transactions: each customer keeps one accumulator.
 */
export async function loadCustomers(policy: Policy, given: LoadCustomersOptions): Promise<LoadedCustomers> {
  const options = withLogCustomers(policy, given);
  const diagnostics: Diagnostic[] = [];
  const fail = (extra: Diagnostic[]): LoadedCustomers => ({
    customers: [],
    diagnostics: [...diagnostics, ...extra],
    failed: true,
  });
  const timezone = policy.metadata.timezone ?? DEFAULT_TIMEZONE;
  const facts = Object.entries(policy.facts ?? {});
  const keyFact = facts.find(([, f]) => f.key)?.[0];
  if (!keyFact)
    return fail([
      diagnostic('TW0211', msg('facts.noKeyFact'), {
        pointer: '/facts',
      }),
    ]);

  const useTransactions = options.transactions !== undefined;
  const aggregates = facts.filter(([, f]) => f.aggregate !== undefined);
  const essential = options.essential !== false;
  if (!useTransactions) {
    diagnostics.push(...missingLogDiagnostics(policy, essential));
    if (hasErrors(diagnostics)) return fail([]);
  }

  let plan: AggregatePlan | undefined;
  let asOf: AsOf | undefined;
  if (useTransactions && aggregates.length > 0) {
    const prepared = planAggregates(policy, options);
    if (Array.isArray(prepared)) return fail(prepared);
    ({ plan, asOf } = prepared);
  }

  const { columns } = customerColumns(policy, useTransactions, { essential });
  const read = await readCustomers(options, columns, keyFact);
  diagnostics.push(...read.diagnostics);
  if (read.failed) return { customers: [], asOf, diagnostics, customersSummary: read.summary, failed: true };

  let transactionsSummary: ReadSummary | undefined;
  if (plan && options.transactions) {
    const accumulators = new Map<string, CustomerAccumulator>(
      read.customers.map((c) => [c.id, plan!.accumulator()]),
    );
    const tx = await readTransactions(policy, options, options.transactions, timezone, accumulators);
    diagnostics.push(...tx.diagnostics);
    transactionsSummary = tx.summary;
    if (tx.failed)
      return {
        customers: [],
        asOf,
        diagnostics,
        customersSummary: read.summary,
        transactionsSummary,
        failed: true,
      };
    for (const customer of read.customers)
      Object.assign(customer.facts, accumulators.get(customer.id)!.result());
  }
  return {
    customers: read.customers,
    asOf,
    diagnostics,
    customersSummary: read.summary,
    transactionsSummary,
    failed: false,
  };
}

/**
 * The transaction aggregates of a policy compiled for the run's as-of date (`--as-of`, or today
 * in the policy's zone), or the diagnostics that say why they cannot be.
 */
export function planAggregates(
  policy: Policy,
  options: Pick<LoadCustomersOptions, 'asOf' | 'now'>,
): { plan: AggregatePlan; asOf: AsOf } | Diagnostic[] {
  const timezone = policy.metadata.timezone ?? DEFAULT_TIMEZONE;
  const parsed = parseAsOf(options.asOf ?? 'today', { timezone, now: options.now });
  if (!isAsOf(parsed)) return parsed;
  const aggregates = Object.entries(policy.facts ?? {}).filter(([, f]) => f.aggregate !== undefined);
  const compiled = compileAggregates(Object.fromEntries(aggregates), { asOf: parsed });
  if (!isAggregatePlan(compiled)) return compiled;
  return { plan: compiled, asOf: parsed };
}

function columnSpec(policy: Policy, id: string, fact: Fact, timezone: string, key: boolean): ColumnSpec {
  return {
    id,
    column: factColumn(policy, id, fact),
    type: fact.type,
    values: fact.values,
    format: fact.format ?? policy.sources?.customers?.dateFormat,
    unit: fact.unit,
    min: fact.min,
    max: fact.max,
    timezone,
    required: key || fact.required,
    default: fact.default,
    pii: fact.pii,
  };
}

function openOptions(options: Pick<LoadCustomersOptions, 'encoding' | 'sheet'>): OpenOptions {
  return { encoding: options.encoding, sheet: options.sheet };
}

async function readCustomers(
  options: LoadCustomersOptions,
  wanted: ColumnSpec[],
  keyFact: string,
): Promise<ReadEnd & { customers: CustomerFacts[] }> {
  const customers: CustomerFacts[] = [];
  const chunks = customerChunks(options, wanted, keyFact, Number.POSITIVE_INFINITY);
  for (;;) {
    const next = await chunks.next();
    if (next.done) return next.value.failed ? { ...next.value, customers: [] } : { ...next.value, customers };
    // Not push(...chunk): spreading a large chunk into arguments overflows the call stack.
    for (const customer of next.value) customers.push(customer);
  }
}

/**
 * The customer file in chunks of `size` customers, as it is read: memory holds one chunk and the
 * set of keys seen (for duplicates), not the file. The generator's return value says how it ended.
 */
export async function* customerChunks(
  options: LoadCustomersOptions,
  wanted: ColumnSpec[],
  keyFact: string,
  size: number,
): AsyncGenerator<CustomerFacts[], ReadEnd> {
  const opened = await openCustomers(options, wanted, keyFact);
  if (!('source' in opened)) return opened;
  const { source, columns } = opened;
  const diagnostics = [...opened.diagnostics];
  const policy = rowErrorPolicy(options.onError ?? 'report');
  const keys = new KeyRegister(source.file, columns.find((c) => c.id === keyFact)?.pii);
  const duplicates = new DuplicateKeys(source.file);
  let chunk: CustomerFacts[] = [];
  for await (const record of source.records()) {
    const decision = policy.admit(record, mapRecord(record, columns, source.file));
    if (decision.action === 'stop') {
      await source.close();
      return {
        diagnostics: [...diagnostics, ...duplicates.diagnostics(), ...policy.diagnostics()],
        summary: policy.summary(),
        failed: true,
      };
    }
    if (decision.action === 'skip') continue;
    const id = decision.values[keyFact];
    if (id === undefined) {
      policy.drop();
      continue;
    }
    const key = String(id);
    const duplicate = keys.claim(key, record.row);
    if (duplicate) {
      duplicates.add(duplicate);
      policy.drop(duplicate.code);
      continue;
    }
    chunk.push({ id: key, facts: decision.values, row: record.row });
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
  return {
    diagnostics: [...diagnostics, ...duplicates.diagnostics(), ...policy.diagnostics()],
    summary: policy.summary(),
    failed: false,
  };
}

/**
 * The columns a policy reads from the customer file, and its key fact; shared by the loader
 * and the streaming evaluation.
 */
export function customerColumns(
  policy: Policy,
  useTransactions: boolean,
  options: { essential?: boolean } = {},
): { keyFact?: string; columns: ColumnSpec[] } {
  const needed = options.essential === false ? new Map() : requiredFacts(policy);
  const timezone = policy.metadata.timezone ?? DEFAULT_TIMEZONE;
  const facts = Object.entries(policy.facts ?? {});
  const keyFact = facts.find(([, f]) => f.key)?.[0];
  const columnFacts = facts.filter(([, f]) => readsCustomerColumn(f, useTransactions));
  return {
    keyFact,
    columns: columnFacts.map(([id, fact]) => ({
      ...columnSpec(policy, id, fact, timezone, id === keyFact),
      essential: needed.has(id),
    })),
  };
}

type TransactionSource = NonNullable<NonNullable<Policy['sources']>['transactions']>;

/** A transaction's date and fields as the log maps them (the customer column aside). */
export function transactionColumns(spec: TransactionSource, timezone: string): ColumnSpec[] {
  return [
    { id: '#date', column: spec.date, type: 'date', format: spec.dateFormat, timezone, required: true },
    ...Object.entries(spec.fields ?? {}).map(([id, field]) => ({
      id,
      column: field.column,
      type: field.type ?? 'number',
      timezone,
    })),
  ];
}

/**
 * The columns read from the transaction log — `#customer`, `#date` and the fields — or TW0602
 * when the policy has no `sources.transactions`. A field a needed fact aggregates is as essential
 * as the fact: without it nobody is tiered.
 */
export function transactionLog(
  policy: Policy,
  timezone = policy.metadata.timezone ?? DEFAULT_TIMEZONE,
): { wanted: ColumnSpec[]; keyIsPii: boolean } | Diagnostic {
  const spec = policy.sources?.transactions;
  if (!spec) return diagnostic('TW0602', msg('facts.noTransactionSource'), { pointer: '/sources' });
  const needed = requiredFacts(policy);
  const essential = new Set(
    Object.entries(policy.facts ?? {}).flatMap(([id, f]) => (needed.has(id) && f.of ? [f.of] : [])),
  );
  const keyIsPii = Object.values(policy.facts ?? {}).some((f) => f.key && f.pii);
  const wanted: ColumnSpec[] = [
    { id: '#customer', column: spec.customer, type: 'string', required: true, pii: keyIsPii },
    ...transactionColumns(spec, timezone).map((c) => ({ ...c, essential: essential.has(c.id) })),
  ];
  return { wanted, keyIsPii };
}

/** The log's header lacks its customer or date column, or a column no customer can be tiered without. */
export function unusableLogHeader(resolved: {
  columns: readonly ColumnSpec[];
  diagnostics: readonly Diagnostic[];
}): boolean {
  return (
    hasErrors(resolved.diagnostics.filter((d) => d.code === 'TW0602')) ||
    resolved.columns.length < 2 ||
    !resolved.columns.some((c) => c.id === '#date') ||
    !resolved.columns.some((c) => c.id === '#customer')
  );
}

/** Feeds each transaction of the log to its customer's accumulator; memory holds one row at a time. */
export async function readTransactions(
  policy: Policy,
  options: Pick<LoadCustomersOptions, 'encoding' | 'sheet' | 'onError'>,
  path: string,
  timezone: string,
  accumulators: Map<string, CustomerAccumulator>,
): Promise<{ diagnostics: Diagnostic[]; summary?: ReadSummary; failed: boolean }> {
  const log = transactionLog(policy, timezone);
  if (!('wanted' in log)) return { diagnostics: [log], failed: true };
  const source = await openRecords(path, openOptions(options));
  if ('code' in source) return { diagnostics: [source], failed: true };
  const { wanted, keyIsPii } = log;
  const resolved = resolveColumns(await source.headers(), wanted, source.file, source.headerRow);
  if (unusableLogHeader(resolved)) {
    await source.close();
    return { diagnostics: resolved.diagnostics, failed: true };
  }
  const rows = rowErrorPolicy(options.onError ?? 'report');
  const fieldIds = resolved.columns.map((c) => c.id).filter((id) => id !== '#customer' && id !== '#date');
  const unknown = { count: 0, first: undefined as { row: number; id: string } | undefined };
  for await (const record of source.records()) {
    const decision = rows.admit(record, mapRecord(record, resolved.columns, source.file));
    if (decision.action === 'stop') {
      await source.close();
      return {
        diagnostics: [...resolved.diagnostics, ...rows.diagnostics()],
        summary: rows.summary(),
        failed: true,
      };
    }
    if (decision.action === 'skip') continue;
    const values = decision.values;
    const customer = values['#customer'];
    const date = values['#date'];
    if (customer === undefined || typeof date !== 'string') continue;
    // Field by field rather than `...rest`: a rest copy of the reader's prototype-less record was
    // most of the time spent per transaction (1M-customer bench, issue 13).
    const fields: Record<string, unknown> = {};
    for (const id of fieldIds) if (values[id] !== undefined) fields[id] = values[id];
    const accumulator = accumulators.get(String(customer));
    if (!accumulator) {
      unknown.count++;
      unknown.first ??= { row: record.row, id: String(customer) };
      continue;
    }
    accumulator.add({ at: Date.parse(date), fields, row: record.row });
  }
  const breaches = domainDiagnostics(accumulators, source.file, keyIsPii);
  const mode = options.onError ?? 'report';
  const summary = rows.summary();
  if (breaches.count > 0) summary.byCode.TW0632 = (summary.byCode.TW0632 ?? 0) + breaches.count;
  const diagnostics = [...resolved.diagnostics, ...rows.diagnostics()];
  if (mode !== 'skip') diagnostics.push(...breaches.diagnostics);
  if (breaches.count > 0 && mode === 'fail')
    return { diagnostics, summary: { ...summary, stopped: true }, failed: true };
  if (unknown.count > 0)
    diagnostics.push(unknownCustomers(source.file, unknown.count, unknown.first!, keyIsPii));
  return { diagnostics, summary, failed: false };
}

/** TW0609: transactions of customers the customer file does not hold (they are left out). */
export function unknownCustomers(
  file: string,
  count: number,
  first: { row: number; id: string },
  keyIsPii: boolean,
): Diagnostic {
  return diagnostic(
    'TW0609',
    msg('facts.unknownCustomers', { count, first: keyIsPii ? String(maskValue(first.id)) : first.id }),
    { file, row: first.row, help: msg('facts.unknownCustomersHelp') },
  );
}

/** TW0632: one customer's aggregate the log put outside the fact's declared min or max. */
export function breachDiagnostic(
  key: string,
  breach: DomainBreach,
  file: string,
  keyIsPii: boolean,
): Diagnostic {
  // The same words as a cell outside the domain (TW0631).
  const problem = outOfRange(
    breach.value,
    { type: 'number', [breach.bound]: breach.limit },
    { mask: breach.pii },
  )!;
  const customer = keyIsPii ? String(maskValue(key)) : key;
  return diagnostic('TW0632', msg('facts.aggregateOutOfRange', { customer, fact: breach.fact, problem }), {
    file,
    row: breach.row,
    help: msg(
      breach.row === undefined ? 'facts.aggregateOutOfRangeHelp' : 'facts.aggregateOutOfRangeRowHelp',
      {
        fact: breach.fact,
        bound: breach.bound,
      },
    ),
  });
}

/**
 * TW0632 for each customer whose aggregate the log put outside the fact's declared min or max
 * (the accumulator has left the fact missing). A customer is not a row of the log, so `skip` has
 * nothing to drop: the fact stays missing under `skip` and `report`, and `fail` stops the run.
 * At most DEFAULT_MAX_DIAGNOSTICS are kept; all are counted.
 */
function domainDiagnostics(
  accumulators: ReadonlyMap<string, CustomerAccumulator>,
  file: string,
  keyIsPii: boolean,
): { diagnostics: Diagnostic[]; count: number } {
  const diagnostics: Diagnostic[] = [];
  let count = 0;
  for (const [key, accumulator] of accumulators) {
    for (const breach of accumulator.breaches()) {
      count++;
      if (diagnostics.length < DEFAULT_MAX_DIAGNOSTICS)
        diagnostics.push(breachDiagnostic(key, breach, file, keyIsPii));
    }
  }
  return { diagnostics, count };
}
