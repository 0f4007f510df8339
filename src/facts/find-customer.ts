import { findRecord } from '../data/find.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { msg } from '../i18n/text.js';
import type { Policy } from '../policy/schema/policy.js';
import type { AsOf } from './asof.js';
import { openCustomers } from './customer-source.js';
import { type CustomerFacts, customerColumns, planAggregates, readTransactions } from './customers.js';
import { missingLogDiagnostics } from './requirements.js';
import { DEFAULT_TIMEZONE } from './zone.js';

export interface FindCustomerOptions {
  /** The customer file the customer is looked up in. */
  customers: string;
  /** A transaction log for the policy's aggregate facts: only the customer's rows are folded in. */
  transactions?: string;
  /** As `--as-of`: what the aggregates' windows measure from. */
  asOf?: string;
  /** The clock for `today`. */
  now?: number;
}

export type FoundCustomer =
  | { found: true; customer: CustomerFacts; asOf?: AsOf; diagnostics: Diagnostic[] }
  | { found: false; failed: boolean; diagnostics: Diagnostic[] };

/**
 * One customer's facts as `tierwise eval` would read them from the same files, without reading
 * the population into memory: the customer file streams past until the key matches (only key
 * cells are converted on the way), and the transaction log streams through one accumulator,
 * the customer's. Not found is `found: false` without `failed`; a file that cannot be read, or
 * a policy without a key, is `failed`.
 */
export async function findCustomer(
  policy: Policy,
  id: string,
  options: FindCustomerOptions,
): Promise<FoundCustomer> {
  const failed = (diagnostics: Diagnostic[]): FoundCustomer => ({ found: false, failed: true, diagnostics });
  const withLog = options.transactions !== undefined;
  const { keyFact, columns } = customerColumns(policy, withLog);
  if (!keyFact) return failed([diagnostic('TW0211', msg('facts.noKeyFact'), { pointer: '/facts' })]);
  const notes = withLog ? [] : missingLogDiagnostics(policy);
  if (hasErrors(notes)) return failed(notes);
  const aggregates = Object.values(policy.facts ?? {}).some((f) => f.aggregate !== undefined);
  const planned = withLog && aggregates ? planAggregates(policy, options) : undefined;
  if (Array.isArray(planned)) return failed(planned);

  const opened = await openCustomers(
    { customers: options.customers, transactions: options.transactions },
    columns,
    keyFact,
  );
  if (!('source' in opened)) return failed(opened.diagnostics);
  const key = opened.columns.find((c) => c.id === keyFact)!;
  const record = await findRecord(opened.source, key, id, opened.columns);
  if (record && 'fatal' in record) return failed([...opened.diagnostics, record.fatal]);
  const diagnostics = [...notes, ...opened.diagnostics];
  if (!record) return { found: false, failed: false, diagnostics };
  diagnostics.push(...record.diagnostics);
  const customer: CustomerFacts = { id, facts: record.values, row: record.row };
  if (!planned) return { found: true, customer, diagnostics };

  const accumulator = planned.plan.accumulator();
  const timezone = policy.metadata.timezone ?? DEFAULT_TIMEZONE;
  const tx = await readTransactions(
    policy,
    {},
    options.transactions!,
    timezone,
    new Map([[id, accumulator]]),
  );
  // Every other customer's transactions are "of a customer not in the file" here: not news.
  const own = tx.diagnostics.filter((d) => d.code !== 'TW0609');
  if (tx.failed) return failed([...diagnostics, ...own]);
  Object.assign(customer.facts, accumulator.result());
  return { found: true, customer, asOf: planned.asOf, diagnostics: [...diagnostics, ...own] };
}
