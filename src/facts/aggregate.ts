import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { joinPointer } from '../diagnostics/pointer.js';
import { msg } from '../i18n/text.js';
import { AGGREGATE_SHAPES, optionMisuses } from '../policy/aggregates.js';
import type { Fact } from '../policy/schema/facts.js';
import { type AsOf, isAsOf, parseAsOf } from './asof.js';
import type { AggregateDefinition, ResultContext } from './definitions.js';
import { definitionOf } from './period-definitions.js';
import {
  layoutOf,
  NO_COLLECTIONS,
  needsDay,
  readIn,
  type StreamLayout,
  type StreamSpec,
  StreamState,
} from './stream.js';
import type { Transaction } from './transaction.js';
import { isWindowBounds, type WindowBounds, windowBounds } from './window.js';
import { zoneCalendar } from './zone.js';

/** A number, or the ISO 8601 date-time of a date aggregate (firstDate, lastDate); undefined when none. */
export type FactValue = number | string | undefined;
export type FactValues = Record<string, FactValue>;

/** An aggregate outside its fact's declared min or max: the fact is left missing (TW0632). */
export interface DomainBreach {
  fact: string;
  value: number;
  bound: 'min' | 'max';
  limit: number;
  /** The log row of the smallest (below min) or largest (above max) value the fact read. */
  row?: number;
  /** The fact is personal data: its value is not shown. */
  pii: boolean;
}

/** One customer's facts, fed one transaction at a time in any order. */
export interface CustomerAccumulator {
  add(tx: Transaction): void;
  /**
   * The facts; one outside its declared min or max is undefined, so that a refund of −99,999,999
   * never makes a spend negative and counted as revenue.
   */
  result(): FactValues;
  /** The facts result() left undefined for being out of their domain. */
  breaches(): DomainBreach[];
}

export interface AggregatePlan {
  readonly asOf: AsOf;
  /** The facts this plan computes, in the policy's order. */
  readonly factIds: readonly string[];
  accumulator(): CustomerAccumulator;
}

export interface AggregateOptions {
  /** `--as-of` as typed (2024-03-01, a date-time with offset, today) or already parsed. */
  asOf: string | AsOf;
  /** IANA zone of calendar days and months; the policy's metadata.timezone. Ignored for a parsed asOf. */
  timezone?: string;
  /** The clock for `today`. */
  now?: number;
  /** The data set aggregated; facts with another `from` belong to another plan. */
  from?: string;
}

interface CompiledFact {
  id: string;
  stream: number;
  definition: AggregateDefinition;
  min: number;
  max: number;
  pii: boolean;
}

/**
 * Compiles the aggregate facts of a policy once: the as-of instant, every window's bounds in
 * epoch ms, and which totals each customer needs. The accumulator then does two comparisons and
 * a few additions per transaction and allocates only the day and month sets some facts need.
 */
export function compileAggregates(
  facts: Readonly<Record<string, Fact>>,
  options: AggregateOptions,
): AggregatePlan | Diagnostic[] {
  const asOf =
    typeof options.asOf === 'string'
      ? parseAsOf(options.asOf, { timezone: options.timezone, now: options.now })
      : options.asOf;
  if (!isAsOf(asOf)) return asOf;
  const zone = zoneCalendar(asOf.timezone);
  const from = options.from ?? 'transactions';
  const diagnostics: Diagnostic[] = [];
  const specs = new Map<string, StreamSpec>();
  const compiled: CompiledFact[] = [];
  for (const [id, fact] of Object.entries(facts)) {
    if (fact.aggregate === undefined || (fact.from ?? 'transactions') !== from) continue;
    const pointer = joinPointer('/facts', id);
    const definition = definitionOf({ ...fact, aggregate: fact.aggregate });
    const misuses = optionMisuses(fact);
    if (misuses.length > 0) {
      for (const misuse of misuses) {
        diagnostics.push(
          diagnostic('TW0211', misuse.message, {
            pointer: joinPointer(pointer, misuse.key),
            help: misuse.help,
          }),
        );
      }
      continue;
    }
    if (AGGREGATE_SHAPES[fact.aggregate].needsField && fact.of === undefined) {
      diagnostics.push(
        diagnostic('TW0211', msg('facts.aggregateNeedsField', { aggregate: fact.aggregate }), {
          pointer: joinPointer(pointer, 'aggregate'),
          help: msg('facts.aggregateNeedsFieldHelp'),
        }),
      );
      continue;
    }
    const bounds = windowBounds({ window: fact.window, calendar: fact.calendar }, asOf, zone, pointer);
    if (!isWindowBounds(bounds)) {
      diagnostics.push(bounds);
      continue;
    }
    const key = streamKey(bounds, fact.of);
    const spec = specs.get(key) ?? { ...bounds, field: fact.of, ...NO_COLLECTIONS };
    specs.set(key, { ...spec, ...definition.keeps });
    compiled.push({
      id,
      stream: [...specs.keys()].indexOf(key),
      definition,
      min: fact.min ?? Number.NEGATIVE_INFINITY,
      max: fact.max ?? Number.POSITIVE_INFINITY,
      pii: fact.pii === true,
    });
  }
  if (diagnostics.length > 0) return diagnostics;
  const streams = [...specs.values()].map((spec) => layoutOf(spec, zone));
  const context: ResultContext = { asOfDay: asOf.day, zone };
  return {
    asOf,
    factIds: compiled.map((f) => f.id),
    accumulator: () => new Accumulator(streams, compiled, context),
  };
}

export function isAggregatePlan(value: AggregatePlan | Diagnostic[]): value is AggregatePlan {
  return !Array.isArray(value);
}

function streamKey(bounds: WindowBounds, field: string | undefined): string {
  return `${bounds.after}\u0000${bounds.upTo}\u0000${field ?? ''}`;
}

class Accumulator implements CustomerAccumulator {
  readonly #states: StreamState[];
  readonly #needsDay: boolean[];
  readonly #facts: readonly CompiledFact[];
  readonly #context: ResultContext;
  /** The union of all windows: a transaction outside it (or after the as-of) is dropped at once. */
  readonly #after: number;
  readonly #upTo: number;
  #breaches: DomainBreach[] = [];

  constructor(streams: readonly StreamLayout[], facts: readonly CompiledFact[], context: ResultContext) {
    this.#states = streams.map((spec) => new StreamState(spec));
    this.#needsDay = streams.map(needsDay);
    this.#facts = facts;
    this.#context = context;
    this.#after = Math.min(...streams.map((s) => s.after));
    this.#upTo = Math.max(...streams.map((s) => s.upTo));
  }

  add(tx: Transaction): void {
    const at = tx.at;
    // Written as a negation so that a NaN instant is dropped too.
    if (!(at > this.#after && at <= this.#upTo)) return;
    let day = Number.NaN;
    const states = this.#states;
    for (let i = 0; i < states.length; i++) {
      const state = states[i]!;
      const value = readIn(state.layout, tx);
      if (value === undefined) continue;
      if (Number.isNaN(day) && this.#needsDay[i]) day = this.#context.zone.dayOf(at);
      state.add(at, value, day, tx.row);
    }
  }

  result(): FactValues {
    const values: FactValues = {};
    const breaches: DomainBreach[] = [];
    for (const fact of this.#facts) {
      const state = this.#states[fact.stream]!;
      const value = fact.definition.value(state, this.#context);
      if (typeof value === 'number' && (value < fact.min || value > fact.max)) {
        const below = value < fact.min;
        breaches.push({
          fact: fact.id,
          value,
          bound: below ? 'min' : 'max',
          limit: below ? fact.min : fact.max,
          row: below ? state.minRow : state.maxRow,
          pii: fact.pii,
        });
        values[fact.id] = undefined;
        continue;
      }
      values[fact.id] = value;
    }
    this.#breaches = breaches;
    return values;
  }

  breaches(): DomainBreach[] {
    this.result();
    return [...this.#breaches];
  }
}
