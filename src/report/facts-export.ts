import { compileFacts } from '../compile/derive.js';
import type { ReadSummary } from '../data/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { type AsOf, isAsOf, parseAsOf } from '../facts/asof.js';
import { noCustomerData, withLogCustomers } from '../facts/customer-source.js';
import {
  type CustomerFacts,
  customerChunks,
  customerColumns,
  type LoadCustomersOptions,
  loadCustomers,
} from '../facts/customers.js';
import { derivedFactsAdder } from '../facts/derive.js';
import { missingLogDiagnostics } from '../facts/requirements.js';
import { DEFAULT_TIMEZONE } from '../facts/zone.js';
import { msg } from '../i18n/text.js';
import type { Policy } from '../policy/schema/policy.js';
import { maskValue } from '../privacy/mask.js';

export interface FactsExportOptions extends LoadCustomersOptions {
  /** Export only these customers (ids); each one not found is an error (TW0642). */
  only?: readonly string[];
  /** Customers handed to `onChunk` at a time. */
  chunkSize?: number;
}

export interface FactsExportRun {
  diagnostics: Diagnostic[];
  customersSummary?: ReadSummary;
  transactionsSummary?: ReadSummary;
  asOf?: AsOf;
  /** Customers handed to `onChunk`. */
  exported: number;
  /** Whether the customer file was read chunk by chunk (no transaction log to join). */
  streamed: boolean;
  /** Reading stopped before the end (a fatal problem, or --on-error fail). */
  failed: boolean;
}

/**
 * The job behind `tierwise facts`: every customer's facts, chunk by chunk. Without a transaction
 * log (and unless --on-error fail) the customer file is streamed (memory follows a chunk, as for a streamed `eval`); with one,
 * the customers are held while the log is joined, as `eval` holds them. A column or a log that
 * is missing leaves its facts empty and is reported; it never stops an export (unlike an
 * evaluation, which needs them to tier anyone).
 */
export async function exportFacts(
  policy: Policy,
  given: FactsExportOptions,
  sink: {
    start?(asOf: AsOf | undefined): Promise<void> | void;
    chunk(customers: readonly CustomerFacts[]): Promise<void> | void;
  },
): Promise<FactsExportRun> {
  const options: FactsExportOptions = { ...withLogCustomers(policy, given), essential: false };
  const none = noCustomerData(options);
  if (none) return { diagnostics: [none], exported: 0, streamed: false, failed: true };
  const size = options.chunkSize ?? 4096;
  const timezone = policy.metadata.timezone ?? DEFAULT_TIMEZONE;
  const parsed = parseAsOf(options.asOf ?? 'today', { timezone, now: options.now });
  if (!isAsOf(parsed)) return { diagnostics: parsed, exported: 0, streamed: false, failed: true };
  const only = options.only ? new Set(options.only) : undefined;
  const found = new Set<string>();
  let exported = 0;
  let withDerived: ((facts: Readonly<Record<string, unknown>>) => Record<string, unknown>) | undefined;
  const hand = async (given: readonly CustomerFacts[]) => {
    withDerived ??= derivedFactsAdder(policy, parsed, compileFacts);
    const customers = given.map((c) => ({ ...c, facts: withDerived!(c.facts) }));
    const chosen = only ? customers.filter((c) => only.has(c.id)) : customers;
    for (const c of chosen) found.add(c.id);
    exported += chosen.length;
    if (chosen.length > 0) await sink.chunk(chosen);
  };
  const notFound = (): Diagnostic[] => {
    if (!only) return [];
    const missing = [...only].filter((id) => !found.has(id));
    if (missing.length === 0) return [];
    const keyIsPii = Object.values(policy.facts ?? {}).some((f) => f.key && f.pii);
    const ids = missing.map((id) => (keyIsPii ? String(maskValue(id)) : id)).join(', ');
    const file = options.customers ?? options.transactions ?? '';
    return [
      diagnostic('TW0642', msg('factsout.customerNotFound', { ids, file }), {
        help: msg('factsout.customerNotFoundHelp'),
      }),
    ];
  };

  // --on-error fail reads everything first, so a bad row never leaves half an export on stdout.
  const whole =
    options.onError === 'fail' ||
    (options.transactions !== undefined &&
      (options.customers === undefined ||
        Object.values(policy.facts ?? {}).some((f) => f.aggregate !== undefined)));
  if (whole) {
    const loaded = await loadCustomers(policy, options);
    const asOf = loaded.asOf ?? parsed;
    const base = {
      customersSummary: loaded.customersSummary,
      transactionsSummary: loaded.transactionsSummary,
      asOf,
      streamed: false,
    };
    if (loaded.failed) return { ...base, diagnostics: loaded.diagnostics, exported: 0, failed: true };
    withDerived = derivedFactsAdder(policy, asOf, compileFacts);
    await sink.start?.(asOf);
    for (let i = 0; i < loaded.customers.length; i += size) await hand(loaded.customers.slice(i, i + size));
    return { ...base, diagnostics: [...loaded.diagnostics, ...notFound()], exported, failed: false };
  }

  const { keyFact, columns } = customerColumns(policy, false, { essential: false });
  if (!keyFact)
    return {
      diagnostics: [diagnostic('TW0211', msg('facts.noKeyFact'), { pointer: '/facts' })],
      exported: 0,
      streamed: true,
      failed: true,
    };
  const notes = missingLogDiagnostics(policy, false);
  const chunks = customerChunks(options, columns, keyFact, size);
  let started = false;
  for (;;) {
    const next = await chunks.next();
    if (next.done) {
      const end = next.value;
      // A file that could not be opened wrote nothing, not even a header.
      if (!started && !end.failed) await sink.start?.(parsed);
      return {
        diagnostics: [...notes, ...end.diagnostics, ...(end.failed ? [] : notFound())],
        customersSummary: end.summary,
        asOf: parsed,
        exported,
        streamed: true,
        failed: end.failed,
      };
    }
    if (!started) {
      started = true;
      await sink.start?.(parsed);
    }
    await hand(next.value);
  }
}
