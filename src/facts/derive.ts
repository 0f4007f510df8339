import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { type Expr, nodes } from '../policy/expr/ast.js';
import { type DerivedFact, derivedFacts } from '../policy/expr/derived.js';
import { FUNCTIONS, isFunctionName } from '../policy/expr/functions.js';
import { kindOf, type ValueType } from '../policy/expr/types.js';
import type { Fact } from '../policy/schema/facts.js';
import type { Policy } from '../policy/schema/policy.js';
import { type AsOf, isAsOf, parseAsOf } from './asof.js';
import { hasDateValues } from './date-values.js';
import { and, finite, or, roundHalfAway } from './expr-math.js';
import { fractionalMonths, instantText, toInstant } from './instant.js';
import { DEFAULT_TIMEZONE, type ZoneCalendar, zoneCalendar } from './zone.js';

type Facts = Readonly<Record<string, unknown>>;
type Value = number | string | boolean | undefined;

/**
 * What evaluation does to a customer's facts before scoring, as plain data: which facts are dates
 * (compared as instants, epoch ms), and the derived facts in the order they are computed. The
 * interpreter below and the generated code of src/compile both follow it.
 */
export interface FactPlan {
  timezone: string;
  /** Facts of type date read from data: their text becomes an instant. */
  dates: readonly string[];
  derived: readonly DerivedFact[];
  /** The kind each fact is read as inside expressions. */
  kinds: ReadonlyMap<string, ValueType['kind']>;
  /** Some expression measures from the as-of instant (daysSince, …). */
  usesAsOf: boolean;
}

export function factPlan(policy: Policy): FactPlan {
  const facts: Record<string, Fact> = policy.facts ?? {};
  const derived = derivedFacts(facts).ordered;
  const usesAsOf = derived.some((d) => callsAsOf(d.expr));
  return {
    timezone: policy.metadata.timezone ?? DEFAULT_TIMEZONE,
    dates: Object.entries(facts)
      .filter(([, f]) => f.type === 'date' && f.expr === undefined)
      .map(([id]) => id),
    derived,
    kinds: new Map(Object.entries(facts).map(([id, f]) => [id, kindOf(f.type)])),
    usesAsOf,
  };
}

/** Whether evaluation changes a customer's facts at all: no date facts, no derived facts → no copy. */
export function isIdentity(plan: FactPlan): boolean {
  return plan.dates.length === 0 && plan.derived.length === 0;
}

/** What an expression is measured against: the as-of day in the policy's zone. */
export interface DeriveContext {
  zone: ZoneCalendar;
  /** The zone-local day of the as-of instant; NaN when no as-of is known (and none is needed). */
  asOfDay: number;
}

/**
 * The as-of evaluation measures from: the one given, else today in the policy's zone (as `--as-of`
 * defaults), so that `daysSince` means the same on every surface.
 */
export function deriveContext(plan: FactPlan, asOf?: AsOf, now?: number): DeriveContext {
  const zone = zoneCalendar(asOf?.timezone ?? plan.timezone);
  if (asOf) return { zone, asOfDay: asOf.day };
  if (!plan.usesAsOf) return { zone, asOfDay: Number.NaN };
  const today = parseAsOf('today', { timezone: plan.timezone, now });
  return { zone, asOfDay: isAsOf(today) ? today.day : Number.NaN };
}

/**
 * The as-of a run measures derived facts and `{ ago: … }` dates from: `--as-of` as typed (today
 * by default) in the policy's zone, or the diagnostics that say why it cannot be read. Undefined
 * when nothing in the policy measures from it.
 */
/** Whether something in the policy measures from the as-of: a derived fact's daysSince, a date `{ ago }`. */
export function needsAsOf(policy: Policy): boolean {
  return factPlan(policy).usesAsOf || hasDateValues(policy);
}

export function runAsOf(
  policy: Policy,
  text: string | undefined,
  now?: number,
): { asOf?: AsOf; diagnostics: Diagnostic[] } {
  if (!needsAsOf(policy)) return { diagnostics: [] };
  const parsed = parseAsOf(text ?? 'today', { timezone: policy.metadata.timezone ?? DEFAULT_TIMEZONE, now });
  return isAsOf(parsed) ? { asOf: parsed, diagnostics: [] } : { diagnostics: parsed };
}

/**
 * The reference interpretation: walks each derived fact's tree for every customer. Obviously
 * right rather than fast; src/compile/derive.ts generates code that must give the same values.
 */
export function interpretFacts(plan: FactPlan, context: DeriveContext): (facts: Facts) => Facts {
  if (isIdentity(plan)) return (facts) => facts;
  return (facts) => {
    const out: Record<string, unknown> = { ...facts };
    for (const id of plan.dates) out[id] = toInstant(out[id], context.zone);
    for (const d of plan.derived) {
      const value = evaluate(d.expr, out, plan, context);
      out[d.id] = settle(value, d.fact, context.zone);
    }
    return out;
  };
}

/**
 * A derived fact's value as the fact declares it: an enum outside its values, or none, takes the
 * default — for a date, the default's instant, as a date read from data becomes one.
 */
export function settle(value: Value, fact: Fact, zone: ZoneCalendar): unknown {
  if (value !== undefined && fact.type === 'enum' && !(fact.values ?? []).includes(value as string))
    return fact.default;
  if (value !== undefined) return value;
  return fact.type === 'date' && fact.default !== undefined ? toInstant(fact.default, zone) : fact.default;
}

function read(facts: Facts, id: string, kind: ValueType['kind'] | undefined): Value {
  const v = facts[id];
  switch (kind) {
    case 'number':
    case 'date':
      // finite: a −0 in the data is 0 here too, as every result is.
      return typeof v === 'number' ? finite(v) : undefined;
    case 'string':
      return typeof v === 'string' ? v : undefined;
    case 'boolean':
      return typeof v === 'boolean' ? v : undefined;
    default:
      return undefined;
  }
}

function evaluate(e: Expr, facts: Facts, plan: FactPlan, c: DeriveContext): Value {
  switch (e.kind) {
    case 'number':
    case 'string':
    case 'boolean':
      return e.value;
    case 'fact':
      return read(facts, e.name, plan.kinds.get(e.name));
    case 'unary': {
      const v = evaluate(e.arg, facts, plan, c);
      if (v === undefined) return undefined;
      if (e.op === '!') return !v;
      return e.op === '-' ? finite(-(v as number)) : v;
    }
    case 'binary': {
      const l = evaluate(e.left, facts, plan, c);
      const r = evaluate(e.right, facts, plan, c);
      if (e.op === '&&') return and(l as boolean | undefined, r as boolean | undefined);
      if (e.op === '||') return or(l as boolean | undefined, r as boolean | undefined);
      if (l === undefined || r === undefined) return undefined;
      const a = l as number;
      const b = r as number;
      switch (e.op) {
        case '+':
          return finite(a + b);
        case '-':
          return finite(a - b);
        case '*':
          return finite(a * b);
        case '/':
          return b === 0 ? undefined : finite(a / b);
        case '%':
          return b === 0 ? undefined : finite(a % b);
        case '<':
          return a < b;
        case '<=':
          return a <= b;
        case '>':
          return a > b;
        case '>=':
          return a >= b;
        case '==':
          return l === r;
        case '!=':
          return l !== r;
      }
      return undefined;
    }
    case 'call':
      return call(e, facts, plan, c);
  }
}

function call(e: Extract<Expr, { kind: 'call' }>, facts: Facts, plan: FactPlan, c: DeriveContext): Value {
  const arg = (i: number) => evaluate(e.args[i]!, facts, plan, c);
  switch (e.fn) {
    case 'if': {
      const test = arg(0);
      if (test === undefined) return undefined;
      return test ? arg(1) : arg(2);
    }
    case 'coalesce':
      for (let i = 0; i < e.args.length; i++) {
        const v = arg(i);
        if (v !== undefined) return v;
      }
      return undefined;
    case 'date':
      return dateLiteral(e, c.zone);
    default:
      break;
  }
  const args: number[] = [];
  for (let i = 0; i < e.args.length; i++) {
    const v = arg(i);
    if (v === undefined) return undefined;
    args.push(v as number);
  }
  return numeric(e.fn, args, c);
}

/** The functions whose arguments are all present numbers (dates as instants). */
export function numeric(fn: string, args: readonly number[], c: DeriveContext): number | undefined {
  switch (fn) {
    case 'min':
      return finite(Math.min(...args));
    case 'max':
      return finite(Math.max(...args));
    case 'abs':
      return finite(Math.abs(args[0]!));
    case 'floor':
      return finite(Math.floor(args[0]!));
    case 'ceil':
      return finite(Math.ceil(args[0]!));
    case 'round':
      return roundHalfAway(args[0]!, args[1] ?? 0);
    case 'daysSince':
      return finite(c.asOfDay - c.zone.dayOf(args[0]!));
    case 'weeksSince':
      return finite((c.asOfDay - c.zone.dayOf(args[0]!)) / 7);
    case 'monthsSince':
      return finite(fractionalMonths(c.zone.dayOf(args[0]!), c.asOfDay));
    case 'daysBetween':
      return finite(c.zone.dayOf(args[1]!) - c.zone.dayOf(args[0]!));
    case 'weeksBetween':
      return finite((c.zone.dayOf(args[1]!) - c.zone.dayOf(args[0]!)) / 7);
    case 'monthsBetween':
      return finite(fractionalMonths(c.zone.dayOf(args[0]!), c.zone.dayOf(args[1]!)));
    default:
      return undefined;
  }
}

/** `date('2024-03-01')`: the start of that day in the policy's zone; a date that does not exist is none. */
export function dateLiteral(e: Extract<Expr, { kind: 'call' }>, zone: ZoneCalendar): number | undefined {
  const arg = e.args[0];
  return arg?.kind === 'string' ? toInstant(arg.value, zone) : undefined;
}

function callsAsOf(e: Expr): boolean {
  for (const n of nodes(e))
    if (n.kind === 'call' && isFunctionName(n.fn) && 'asOf' in FUNCTIONS[n.fn]) return true;
  return false;
}

/**
 * Facts as outputs show them (exports, explanations): instants of date facts back to ISO 8601
 * with the zone's offset, as the data layer writes dates read from a file.
 */
export function presentFacts(plan: FactPlan, facts: Facts): Record<string, unknown> {
  const out: Record<string, unknown> = { ...facts };
  const dates = [...plan.dates, ...plan.derived.filter((d) => d.fact.type === 'date').map((d) => d.id)];
  for (const id of dates) {
    const v = out[id];
    if (typeof v === 'number') out[id] = instantText(v, plan.timezone);
  }
  return out;
}

/**
 * Adds each customer's derived facts, as outputs show facts (dates in ISO 8601), to the facts a
 * run read: what `tierwise facts`, `eval --facts` and explanations print beside the input facts.
 * The values are the reference interpreter's unless a caller above the engine passes the compiled
 * path's generated code (`derive`), proven to give the same; inputs take their `default` first, as
 * evaluation gives it to them. The identity when nothing is derived.
 */
export function derivedFactsAdder(
  policy: Policy,
  asOf?: AsOf,
  derive: (plan: FactPlan, context: DeriveContext) => (facts: Facts) => Facts = interpretFacts,
): (facts: Readonly<Record<string, unknown>>) => Record<string, unknown> {
  const plan = factPlan(policy);
  if (plan.derived.length === 0) return (facts) => facts as Record<string, unknown>;
  const interpret = derive(plan, deriveContext(plan, asOf));
  const defaults = Object.entries(policy.facts ?? {}).filter(
    ([, f]) => f.default !== undefined && f.expr === undefined,
  );
  const present = derivedPresenter(plan);
  return (facts) => {
    const complete: Record<string, unknown> = { ...facts };
    for (const [id, fact] of defaults) {
      if (complete[id] === undefined || complete[id] === null) complete[id] = fact.default;
    }
    const prepared = interpret(complete);
    const out: Record<string, unknown> = { ...facts };
    for (const d of plan.derived) out[d.id] = present(d.id, prepared[d.id]);
    return out;
  };
}

function derivedPresenter(plan: FactPlan): (id: string, value: unknown) => unknown {
  const dates = new Set(plan.derived.filter((d) => d.fact.type === 'date').map((d) => d.id));
  return (id, value) =>
    dates.has(id) && typeof value === 'number' ? instantText(value, plan.timezone) : value;
}
