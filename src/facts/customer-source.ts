import type { ColumnSpec, OnError, ReadSummary, RecordSource } from '../data/index.js';
import { checkDataFile, DEFAULT_MAX_DIAGNOSTICS, openRecords, resolveColumns } from '../data/index.js';
import type { EncodingOption } from '../data/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { msg } from '../i18n/text.js';
import { maskValue } from '../privacy/mask.js';
import { logCustomerSource } from './log-customers.js';

/** How a customer read ended: what was reported, the row counts, and whether it stopped early. */
export interface ReadEnd {
  diagnostics: Diagnostic[];
  summary?: ReadSummary;
  failed: boolean;
}

export interface CustomerSourceOptions {
  /** The customer file; without one the customers are the transaction log's ids (logCustomerSource). */
  customers?: string;
  /**
   * The transaction log named with the customers: checked to be readable here, whether or not
   * the policy aggregates it, so that a misspelt --transactions is never silently ignored.
   */
  transactions?: string;
  onError?: OnError;
  /** Row diagnostics (and duplicate keys) collected; DEFAULT_MAX_DIAGNOSTICS when not given. */
  maxDiagnostics?: number;
  encoding?: EncodingOption;
  sheet?: string;
  /**
   * The log's customer column (the policy's sources.transactions.customer), for reading the
   * customers from the log when no customer file is given; set by withLogCustomers.
   */
  logCustomerColumn?: string;
}

/** The options with the policy's log customer column, for reading customers from the log. */
export function withLogCustomers<T extends CustomerSourceOptions>(
  policy: { sources?: { transactions?: { customer: string } } },
  options: T,
): T {
  const column = policy.sources?.transactions?.customer;
  return options.customers !== undefined || column === undefined
    ? options
    : { ...options, logCustomerColumn: column };
}

/** TW0640: neither a customer file nor a transaction log, so there are no customers to read. */
export function noCustomerData(
  options: Pick<CustomerSourceOptions, 'customers' | 'transactions'>,
): Diagnostic | undefined {
  if (options.customers !== undefined || options.transactions !== undefined) return undefined;
  return diagnostic('TW0640', msg('factsout.noCustomerData'), { help: msg('factsout.noCustomerDataHelp') });
}

export interface OpenedCustomers {
  source: RecordSource;
  /** The wanted columns the file has, spelled as the file spells them. */
  columns: ColumnSpec[];
  /** Notes and warnings about the header (columns found by a near name, columns missing). */
  diagnostics: Diagnostic[];
}

/**
 * Opens the customer file and matches its header to the policy's columns. A column the file
 * lacks leaves its fact missing for everyone: a warning when customers can still be tiered
 * without it, an error that ends the read before any row when no customer could be (the key, a
 * required fact, a fact the score needs with no missing-value rule; ColumnSpec.essential).
 */
export async function openCustomers(
  options: CustomerSourceOptions,
  wanted: readonly ColumnSpec[],
  keyFact: string,
): Promise<OpenedCustomers | ReadEnd> {
  const logProblem = await unreadableLog(options);
  if (logProblem) return { diagnostics: [logProblem], failed: true };
  if (options.customers === undefined) return openLogCustomers(options, wanted, keyFact);
  const source = await openRecords(options.customers, { encoding: options.encoding, sheet: options.sheet });
  if ('code' in source) return { diagnostics: [source], failed: true };
  const resolved = resolveColumns(await source.headers(), wanted, source.file, source.headerRow);
  const { diagnostics } = resolved;
  if (unusableHeader(resolved, keyFact)) {
    await source.close();
    return { diagnostics, failed: true };
  }
  return { source, columns: resolved.columns, diagnostics };
}

/** The header lacks the key, or a column no customer can be tiered without: no row is read. */
export function unusableHeader(
  resolved: { columns: readonly ColumnSpec[]; diagnostics: readonly Diagnostic[] },
  keyFact: string,
): boolean {
  const keyMissing = !resolved.columns.some((c) => c.id === keyFact);
  return keyMissing || resolved.diagnostics.some((d) => d.code === 'TW0602' && d.severity === 'error');
}

/**
 * The customers of the transaction log (no customer file): the key column only, every other
 * column fact missing for everyone, which an info (TW0641) names once rather than a warning per
 * column.
 */
async function openLogCustomers(
  options: CustomerSourceOptions,
  wanted: readonly ColumnSpec[],
  keyFact: string,
): Promise<OpenedCustomers | ReadEnd> {
  const none = noCustomerData(options);
  if (none) return { diagnostics: [none], failed: true };
  const key = wanted.find((c) => c.id === keyFact);
  if (options.logCustomerColumn === undefined || key === undefined)
    return {
      diagnostics: [diagnostic('TW0602', msg('facts.noTransactionSource'), { pointer: '/sources' })],
      failed: true,
    };
  const opened = await logCustomerSource(options.transactions!, options.logCustomerColumn, key.column, {
    encoding: options.encoding,
    sheet: options.sheet,
    keyIsPii: key.pii,
  });
  if (Array.isArray(opened)) return { diagnostics: opened, failed: true };
  const missing = wanted.filter((c) => c.id !== keyFact).map((c) => c.id);
  const note = diagnostic(
    'TW0641',
    msg('factsout.customersFromLog', {
      customers: opened.customers,
      file: opened.source.file,
      facts: missing.join(', '),
    }),
    { file: opened.source.file, severity: 'info', help: msg('factsout.customersFromLogHelp') },
  );
  return { source: opened.source, columns: [key], diagnostics: [...opened.diagnostics, note] };
}

/** TW0601 when a transaction log was named and cannot be opened as a data file. */
async function unreadableLog(options: CustomerSourceOptions): Promise<Diagnostic | undefined> {
  return options.transactions === undefined ? undefined : checkDataFile(options.transactions);
}

/**
 * The customer keys seen so far: the first row with a key is the customer, later rows with it
 * are reported (TW0607) and ignored, however the file is read.
 */
export class KeyRegister {
  private readonly seen = new Map<string, number>();

  /** `pii`: the key is personal data, shown masked in the duplicate's message. */
  constructor(
    private readonly file: string,
    private readonly pii = false,
  ) {}

  /** Whether `key` is new; otherwise the duplicate's diagnostic. */
  claim(key: string, row: number): Diagnostic | undefined {
    const first = this.seen.get(key);
    if (first === undefined) {
      this.seen.set(key, row);
      return undefined;
    }
    return duplicateKey(this.file, key, first, row, this.pii);
  }
}

/** TW0607: a later row with a key already seen; the first row is the customer. */
export function duplicateKey(file: string, key: string, first: number, row: number, pii = false): Diagnostic {
  return diagnostic('TW0607', msg('facts.duplicateKey', { key: pii ? String(maskValue(key)) : key, first }), {
    file,
    row,
    help: msg('facts.duplicateKeyHelp'),
  });
}

/**
 * The duplicate-key diagnostics of one read, capped like row diagnostics (DEFAULT_MAX_DIAGNOSTICS):
 * a file of millions of rows with one key made millions of them, until the report could not be
 * written ("Invalid string length", issue 12). Past the cap they are counted, and one more
 * TW0607 says how many were left out.
 */
export class DuplicateKeys {
  private readonly kept: Diagnostic[] = [];
  private omitted = 0;

  constructor(
    private readonly file: string,
    private readonly max = DEFAULT_MAX_DIAGNOSTICS,
  ) {}

  add(duplicate: Diagnostic): void {
    if (this.kept.length < this.max) this.kept.push(duplicate);
    else this.omitted++;
  }

  /** Every duplicate found, collected or not. */
  get count(): number {
    return this.kept.length + this.omitted;
  }

  /** Duplicates counted elsewhere (the DuckDB loader counts them in SQL) and not collected. */
  omit(count: number): void {
    this.omitted += count;
  }

  diagnostics(): Diagnostic[] {
    if (this.omitted === 0) return [...this.kept];
    const more = diagnostic('TW0607', msg('data.duplicateKeysOmitted', { count: this.omitted }), {
      file: this.file,
      help: msg('facts.duplicateKeyHelp'),
    });
    return [...this.kept, more];
  }
}
