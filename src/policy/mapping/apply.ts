import { normalizeHeader } from '../../data/table.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { hasErrors, sortDiagnostics } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/make.js';
import { joinPointer } from '../../diagnostics/pointer.js';
import { didYouMean } from '../../diagnostics/suggest.js';
import { msg, type Text } from '../../i18n/text.js';
import { factColumn } from '../columns.js';
import type { Locator } from '../locate.js';
import type { Fact } from '../schema/facts.js';
import type { Policy } from '../schema/policy.js';
import type { ColumnMapping } from './schema.js';

type TransactionSource = NonNullable<NonNullable<Policy['sources']>['transactions']>;

/**
 * The policies as one export names their columns. Every reader (eval on each of its paths, the
 * worker threads, simulate, diff, calibrate, data profile) takes its columns from the policy's
 * facts and `sources`, so a mapping written into them is honoured everywhere without a reader
 * knowing of it. Several policies (a diff) share one mapping: a fact or field it names must be
 * read by at least one of them, and each takes the entries it reads.
 */
export function applyColumnMapping(
  policies: readonly Policy[],
  mapping: ColumnMapping,
  locator: Locator,
): { policies?: Policy[]; diagnostics: Diagnostic[] } {
  const diagnostics = mappingProblems(policies, mapping, locator);
  if (hasErrors(diagnostics)) return { diagnostics };
  const mapped = policies.map((policy) => mapPolicy(policy, mapping));
  const seen = new Set<string>();
  for (const [p, policy] of mapped.entries())
    for (const d of sharedColumns(policies[p]!, policy, mapping, locator)) {
      if (seen.has(d.message)) continue;
      seen.add(d.message);
      diagnostics.push(d);
    }
  return { policies: mapped, diagnostics: sortDiagnostics(diagnostics) };
}

/** Entries that name nothing the policies read, and formats given to columns that hold no date. */
function mappingProblems(
  policies: readonly Policy[],
  mapping: ColumnMapping,
  locator: Locator,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (pointer: string, part: 'key' | 'value', message: Text, help?: Text) =>
    out.push(diagnostic('TW0610', message, { ...locator.locate(pointer, part), pointer, help }));
  const factIds = unique(policies.flatMap((p) => Object.keys(p.facts ?? {})));
  for (const [id, entry] of Object.entries(mapping.customers?.columns ?? {})) {
    const pointer = joinPointer('/customers/columns', id);
    const facts = policies.flatMap((p) => ownFact(p, id) ?? []);
    if (facts.length === 0) {
      report(pointer, 'key', msg('mapping.unknownFact', { id }), suggestion(id, factIds, 'facts'));
      continue;
    }
    const column = typeof entry === 'string' ? entry : entry.column;
    const format = typeof entry === 'string' ? undefined : entry.format;
    const notDate = facts.find((f) => f.type !== 'date');
    if (format !== undefined && notDate)
      report(
        joinPointer(pointer, 'format'),
        'key',
        msg('mapping.formatNotDate', { id, type: notDate.type }),
        msg('mapping.formatNotDateHelp', { id, column }),
      );
  }
  const fieldIds = unique(policies.flatMap((p) => Object.keys(p.sources?.transactions?.fields ?? {})));
  for (const id of Object.keys(mapping.transactions?.fields ?? {})) {
    if (fieldIds.includes(id)) continue;
    report(
      joinPointer('/transactions/fields', id),
      'key',
      msg('mapping.unknownField', { id }),
      suggestion(id, fieldIds, 'fields'),
    );
  }
  return out;
}

function suggestion(id: string, known: readonly string[], what: 'facts' | 'fields'): Text {
  const guess = didYouMean(id, known);
  if (guess !== undefined) return msg('mapping.didYouMean', { guess });
  if (known.length === 0) return what === 'facts' ? msg('mapping.noFacts') : msg('mapping.noFields');
  const list = `${known.slice(0, 12).join(', ')}${known.length > 12 ? ', …' : ''}`;
  return what === 'facts' ? msg('mapping.knownFacts', { list }) : msg('mapping.knownFields', { list });
}

function mapPolicy(policy: Policy, mapping: ColumnMapping): Policy {
  const entries = mapping.customers?.columns ?? {};
  const dateFormat = mapping.customers?.dateFormat;
  const facts: Record<string, Fact> = {};
  for (const [id, fact] of Object.entries(policy.facts ?? {})) {
    const entry = Object.hasOwn(entries, id) ? entries[id] : undefined;
    const column = typeof entry === 'string' ? entry : entry?.column;
    // The export's own date formats win over the policy's, which describe another export.
    const format = (typeof entry === 'object' ? entry.format : undefined) ?? dateFormat;
    const next: Fact = { ...fact };
    if (column !== undefined) next.column = column;
    if (format !== undefined && fact.type === 'date' && readsCustomerColumn(next)) next.format = format;
    facts[id] = next;
  }
  const sources = { ...policy.sources };
  if (sources.customers) {
    const columns = { ...sources.customers.columns };
    // sources.customers.columns outranks a fact's column: where the mapping names a column, it
    // must say the same; elsewhere it stands.
    for (const id of Object.keys(columns))
      if (Object.hasOwn(entries, id) && facts[id]?.column !== undefined) columns[id] = facts[id].column!;
    sources.customers = { ...sources.customers, columns };
    if (dateFormat !== undefined) sources.customers.dateFormat = dateFormat;
  }
  const transactions = mapTransactions(policy.sources?.transactions, mapping.transactions);
  if (transactions) sources.transactions = transactions;
  return { ...policy, facts, sources };
}

function mapTransactions(
  spec: TransactionSource | undefined,
  mapping: ColumnMapping['transactions'],
): TransactionSource | undefined {
  if (!mapping) return spec;
  const customer = mapping.customer ?? spec?.customer;
  const date = mapping.date ?? spec?.date;
  // A policy that names no log columns gets them from a mapping that names both.
  if (customer === undefined || date === undefined) return spec;
  const fields = spec?.fields && {
    ...Object.fromEntries(
      Object.entries(spec.fields).map(([id, field]) => {
        const column = mapping.fields && Object.hasOwn(mapping.fields, id) ? mapping.fields[id] : undefined;
        return [id, column === undefined ? field : { ...field, column }];
      }),
    ),
  };
  const dateFormat = mapping.dateFormat ?? spec?.dateFormat;
  return {
    customer,
    date,
    ...(dateFormat === undefined ? {} : { dateFormat }),
    ...(fields === undefined ? {} : { fields }),
  };
}

/**
 * Facts (or log fields) that a mapping leaves reading one column, where the policy had them read
 * different ones: most often a column pasted under two facts. The policy's own shared columns are
 * its business, not the mapping's.
 */
function sharedColumns(
  before: Policy,
  after: Policy,
  mapping: ColumnMapping,
  locator: Locator,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const check = (
    columnsBefore: Map<string, string>,
    columnsAfter: Map<string, string>,
    pointerOf: (id: string) => string | undefined,
  ) => {
    const byColumn = new Map<string, string[]>();
    for (const [id, column] of columnsAfter) {
      const key = normalizeHeader(column);
      byColumn.set(key, [...(byColumn.get(key) ?? []), id]);
    }
    for (const ids of byColumn.values()) {
      if (ids.length < 2) continue;
      const shared = new Set(ids.map((id) => normalizeHeader(columnsBefore.get(id) ?? '')));
      if (shared.size === 1) continue;
      const pointer = ids.map(pointerOf).find((p) => p !== undefined);
      if (pointer === undefined) continue;
      out.push(
        diagnostic(
          'TW0611',
          msg('mapping.sharedColumn', { ids: ids.join(', '), column: columnsAfter.get(ids[0]!)! }),
          {
            ...locator.locate(pointer),
            pointer,
            help: msg('mapping.sharedColumnHelp'),
          },
        ),
      );
    }
  };
  const entries = mapping.customers?.columns ?? {};
  check(customerFileColumns(before), customerFileColumns(after), (id) =>
    Object.hasOwn(entries, id) ? joinPointer('/customers/columns', id) : undefined,
  );
  const fields = mapping.transactions?.fields ?? {};
  check(logColumns(before.sources?.transactions), logColumns(after.sources?.transactions), (id) => {
    if (id === 'customer' || id === 'date')
      return mapping.transactions?.[id] === undefined ? undefined : `/transactions/${id}`;
    return Object.hasOwn(fields, id) ? joinPointer('/transactions/fields', id) : undefined;
  });
  return out;
}

/** Each fact read from the customer file and its column, as src/facts resolves it. */
function customerFileColumns(policy: Policy): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, fact] of Object.entries(policy.facts ?? {}))
    if (readsCustomerColumn(fact)) out.set(id, factColumn(policy, id, fact));
  return out;
}

/** A column fact, or an aggregate with a column for its precomputed value (as src/facts reads them). */
function readsCustomerColumn(fact: Fact): boolean {
  return fact.expr === undefined && (fact.aggregate === undefined || fact.column !== undefined);
}

function logColumns(spec: TransactionSource | undefined): Map<string, string> {
  if (!spec) return new Map();
  return new Map([
    ['customer', spec.customer],
    ['date', spec.date],
    ...Object.entries(spec.fields ?? {}).map(([id, f]) => [id, f.column] as [string, string]),
  ]);
}

function ownFact(policy: Policy, id: string): Fact | undefined {
  return policy.facts && Object.hasOwn(policy.facts, id) ? policy.facts[id] : undefined;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
