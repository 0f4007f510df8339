import { DateTime } from 'luxon';
import { type ColumnSpec, mapRecord, openRecords, resolveColumns, rowErrorPolicy } from '../data/index.js';
import type { EncodingOption } from '../data/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import type { AsOf } from '../facts/asof.js';
import { msg } from '../i18n/text.js';
import type { Policy } from '../policy/schema/policy.js';
import type { ProfileProgress, StaleProfile } from './types.js';

/**
 * The start of the activity window: a customer with no activity in (cutoff, asOf] is stale, the
 * same half-open window every aggregate uses (docs/facts.md), found by calendar arithmetic in the
 * policy's zone. Seed 004: "3个月无消费" — no purchase for three months.
 */
export function staleCutoff(asOf: AsOf, months: number): number {
  return DateTime.fromMillis(asOf.instant, { zone: asOf.timezone }).minus({ months }).toMillis();
}

export function isoIn(instant: number, timezone: string): string {
  return DateTime.fromMillis(instant, { zone: timezone }).toISO({ suppressMilliseconds: true }) ?? '';
}

/** Stale customers counted as they are read, from a date fact or a months-without-purchase fact. */
export class StaleTally {
  private customers = 0;
  private stale = 0;
  private noActivity = 0;
  private readonly examples: StaleProfile['examples'] = [];
  private readonly cutoff: number;

  constructor(
    private readonly source: StaleProfile['source'],
    private readonly fact: string | undefined,
    private readonly months: number,
    private readonly asOf: AsOf,
    private readonly limit: number,
  ) {
    this.cutoff = staleCutoff(asOf, months);
  }

  /** A date fact's value (ISO text), a months count, or undefined for no activity on record. */
  add(key: string, row: number, value: unknown): void {
    this.customers++;
    if (this.source === 'date-fact') {
      const at = typeof value === 'string' ? Date.parse(value) : Number.NaN;
      if (Number.isNaN(at)) this.noActivity++;
      else if (at <= this.cutoff) this.mark(key, row, isoIn(at, this.asOf.timezone).slice(0, 10));
    } else if (this.source === 'months-fact') {
      if (typeof value !== 'number' || Number.isNaN(value)) this.noActivity++;
      else if (value >= this.months) this.mark(key, row, `${value}`);
    } else if (value === undefined) this.noActivity++;
    else if (typeof value === 'number' && value <= this.cutoff)
      this.mark(key, row, isoIn(value, this.asOf.timezone).slice(0, 10));
  }

  private mark(key: string, row: number, last: string): void {
    this.stale++;
    if (this.examples.length < this.limit) this.examples.push({ key, row, last });
  }

  result(): StaleProfile {
    return {
      source: this.source,
      fact: this.fact,
      months: this.months,
      cutoff: this.source === 'months-fact' ? undefined : isoIn(this.cutoff, this.asOf.timezone),
      customers: this.customers,
      stale: this.stale,
      noActivity: this.noActivity,
      examples: this.examples,
    };
  }
}

/**
 * Each customer's last transaction up to the as-of instant, from the log: one number per
 * customer, not the transactions. Transactions after the as-of are ignored, as facts ignore them.
 */
export async function lastTransactions(
  policy: Policy,
  path: string,
  keys: ReadonlyMap<string, number>,
  asOf: AsOf,
  options: { encoding?: EncodingOption; sheet?: string },
  onProgress?: (p: ProfileProgress) => void,
): Promise<{ last: Map<string, number>; diagnostics: Diagnostic[] } | { failed: Diagnostic[] }> {
  const spec = policy.sources?.transactions;
  if (!spec)
    return {
      failed: [diagnostic('TW0602', msg('facts.noTransactionSourceDates'), { pointer: '/sources' })],
    };
  const source = await openRecords(path, { encoding: options.encoding, sheet: options.sheet });
  if ('code' in source) return { failed: [source] };
  const wanted: ColumnSpec[] = [
    { id: 'customer', column: spec.customer, type: 'string', required: true },
    {
      id: 'date',
      column: spec.date,
      type: 'date',
      format: spec.dateFormat,
      timezone: asOf.timezone,
      required: true,
    },
  ];
  const resolved = resolveColumns(await source.headers(), wanted, source.file, source.headerRow);
  if (resolved.columns.length < 2) {
    await source.close();
    return { failed: resolved.diagnostics };
  }
  const rows = rowErrorPolicy('report');
  const last = new Map<string, number>();
  let read = 0;
  for await (const record of source.records()) {
    const decision = rows.admit(record, mapRecord(record, resolved.columns, source.file));
    if (decision.action === 'stop') break;
    if (decision.action === 'skip') continue;
    read++;
    if (onProgress && read % 8192 === 0) onProgress({ phase: 'transactions', done: read });
    const { customer, date } = decision.values;
    if (customer === undefined || typeof date !== 'string') continue;
    const key = String(customer);
    if (!keys.has(key)) continue;
    const at = Date.parse(date);
    if (at > asOf.instant) continue;
    const before = last.get(key);
    if (before === undefined || at > before) last.set(key, at);
  }
  await source.close();
  return { last, diagnostics: [...resolved.diagnostics, ...rows.diagnostics()] };
}
