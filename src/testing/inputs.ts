import { safeRecord } from '../data/fields.js';
import type { FieldValue } from '../data/index.js';
import { mapRecord } from '../data/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { joinPointer } from '../diagnostics/pointer.js';
import { suggestion } from '../diagnostics/suggest.js';
import type { CustomerInput } from '../engine/evaluate.js';
import { type AggregatePlan, compileAggregates, isAggregatePlan } from '../facts/aggregate.js';
import { customerColumns, transactionColumns } from '../facts/customers.js';
import { DEFAULT_TIMEZONE } from '../facts/zone.js';
import { msg } from '../i18n/text.js';
import type { Policy } from '../policy/schema/policy.js';
import type { SourceMap } from '../policy/source-map.js';
import type { CustomerSpec } from './schema.js';

/** Where a customer spec stands in its test file, for messages about its values. */
export interface SpecPlace {
  file: string;
  pointer: string;
  sourceMap: SourceMap;
}

/**
 * Turns the customers of a test file into evaluation inputs the way `eval` would have read them
 * from files: typed `facts` as written; a `record` through the policy's column specs (so 万, ¥,
 * 是/否 and dates convert as in a CSV); `transactions` through the aggregate plan at `asOf`.
 */
export class InputBuilder {
  private readonly plans = new Map<string, AggregatePlan | Diagnostic[]>();
  private readonly keyFact: string | undefined;
  private readonly timezone: string;

  constructor(private readonly policy: Policy) {
    this.timezone = policy.metadata.timezone ?? DEFAULT_TIMEZONE;
    this.keyFact = Object.entries(policy.facts ?? {}).find(([, f]) => f.key)?.[0];
  }

  build(
    spec: CustomerSpec,
    fallbackId: string,
    place: SpecPlace,
    fileAsOf?: string,
  ): CustomerInput | Diagnostic[] {
    const at = (suffix: string, part: 'key' | 'value' = 'value') => {
      const pointer = joinPointer(place.pointer, ...suffix.split('/').filter(Boolean));
      return { file: place.file, pointer, range: place.sourceMap.range(pointer, part) };
    };
    if (spec.facts !== undefined && spec.record !== undefined) {
      return [diagnostic('TW0904', msg('testing.factsOrRecord'), at('record', 'key'))];
    }
    const facts = safeRecord<unknown>();
    const problems: Diagnostic[] = [];
    const withTransactions = spec.transactions !== undefined;
    if (spec.facts) {
      const known = Object.keys(this.policy.facts ?? {});
      for (const [id, value] of Object.entries(spec.facts)) {
        // An unknown fact would be ignored by evaluation and leave the case testing something else.
        if (!Object.hasOwn(this.policy.facts ?? {}, id)) {
          problems.push(
            diagnostic('TW0904', msg('testing.noFact', { id }), {
              ...at(`facts/${id}`, 'key'),
              help: suggestion(id, known, 'facts'),
            }),
          );
        } else define(facts, id, value);
      }
    }
    if (spec.record) {
      const fields = safeRecord<FieldValue>();
      for (const [column, value] of Object.entries(spec.record)) define(fields, column, value as FieldValue);
      const { columns } = customerColumns(this.policy, withTransactions);
      const mapped = mapRecord({ row: 1, fields }, columns, place.file);
      for (const [id, value] of Object.entries(mapped.values)) define(facts, id, value);
      for (const d of mapped.diagnostics) problems.push(relocate(d, at(`record/${d.column ?? ''}`)));
    }
    if (spec.transactions) {
      const asOf = spec.asOf ?? fileAsOf;
      if (asOf === undefined) {
        return [
          diagnostic('TW0904', msg('testing.transactionsNeedAsOf'), {
            ...at('transactions', 'key'),
            help: msg('testing.transactionsNeedAsOfHelp'),
          }),
        ];
      }
      const computed = this.aggregate(spec.transactions, asOf, place, at);
      if (Array.isArray(computed)) problems.push(...computed);
      else for (const [id, value] of Object.entries(computed)) define(facts, id, value);
    }
    if (problems.some((d) => d.severity === 'error')) return problems;
    const id = spec.customer ?? (this.keyFact ? facts[this.keyFact] : undefined) ?? fallbackId;
    if (this.keyFact && facts[this.keyFact] === undefined) define(facts, this.keyFact, String(id));
    return { id: String(id), facts };
  }

  private aggregate(
    transactions: readonly Record<string, unknown>[],
    asOf: string,
    place: SpecPlace,
    at: (suffix: string, part?: 'key' | 'value') => Pick<Diagnostic, 'file' | 'pointer' | 'range'>,
  ): Record<string, unknown> | Diagnostic[] {
    const spec = this.policy.sources?.transactions;
    if (!spec) return [diagnostic('TW0904', msg('testing.noTransactionSource'), at('transactions', 'key'))];
    let plan = this.plans.get(asOf);
    if (!plan) {
      const aggregates = Object.fromEntries(
        Object.entries(this.policy.facts ?? {}).filter(([, f]) => f.aggregate !== undefined),
      );
      plan = compileAggregates(aggregates, { asOf, timezone: this.timezone });
      this.plans.set(asOf, plan);
    }
    if (!isAggregatePlan(plan)) return plan.map((d) => relocate(d, at('asOf')));
    const columns = transactionColumns(spec, this.timezone);
    const accumulator = plan.accumulator();
    const problems: Diagnostic[] = [];
    transactions.forEach((tx, i) => {
      const fields = safeRecord<FieldValue>();
      for (const [column, value] of Object.entries(tx)) define(fields, column, value as FieldValue);
      const mapped = mapRecord({ row: i + 1, fields }, columns, place.file);
      for (const d of mapped.diagnostics)
        problems.push(relocate(d, at(`transactions/${i}/${d.column ?? ''}`)));
      const { '#date': date, ...values } = mapped.values;
      if (typeof date === 'string') accumulator.add({ at: Date.parse(date), fields: values });
    });
    return problems.length > 0 ? problems : accumulator.result();
  }
}

/** A data-file finding moved onto the test file's line: the row there is the case's value. */
function relocate(d: Diagnostic, place: Pick<Diagnostic, 'file' | 'pointer' | 'range'>): Diagnostic {
  const { row: _row, ...rest } = d;
  return { ...rest, ...place };
}

function define<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
