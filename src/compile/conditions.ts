import { DATE_COMPARISONS } from '../engine/conditions/date-operators.js';
import { topLevel } from '../engine/conditions/top-level.js';
import type { ConditionTrace } from '../engine/conditions/trace.js';
import type { Condition, Operator } from '../policy/schema/condition.js';

export type Facts = Readonly<Record<string, unknown>>;
/**
 * The values evaluation computes beside the facts. The reference spreads them into a copy of the
 * facts for every customer; the compiled path passes them alongside instead, with the same
 * precedence: a computed score replaces a `score` fact, and once tiers are assigned `tier` is
 * always the computed one.
 */
export interface Computed {
  score?: number;
  tier?: string;
  withTier: boolean;
}
export type Test = (facts: Facts, computed?: Computed) => boolean;
export type Tracer = (facts: Facts, computed?: Computed) => ConditionTrace;
type Read = (facts: Facts, computed?: Computed) => unknown;

/** How a fact is read: `score` and `tier` may come from the computed values. */
function reader(fact: string): Read {
  if (fact === 'score') return (facts, c) => (c?.score !== undefined ? c.score : facts.score);
  if (fact === 'tier') return (facts, c) => (c?.withTier ? c.tier : facts.tier);
  return (facts) => facts[fact];
}

/** Raised for condition features the compiler does not reproduce (JSONPath, params): use the reference path. */
export class UnsupportedCondition extends Error {}

/**
 * json-rules-engine's default operators, reproduced exactly (engine-default-operators.js): a
 * fact-value validator first (arrays for contains, parseFloat for the order operators), then the
 * comparison. Any difference here would make the fast path disagree with the reference.
 */
const isNumberLike = (v: unknown): boolean => Number.parseFloat(v as string).toString() !== 'NaN';
const OPERATORS: Record<Operator, (a: unknown, b: unknown) => boolean> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => (b as unknown[]).indexOf(a) > -1,
  notIn: (a, b) => (b as unknown[]).indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => isNumberLike(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => isNumberLike(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => isNumberLike(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => isNumberLike(a) && (a as number) >= (b as number),
  ...DATE_COMPARISONS,
};

type Named = Readonly<Record<string, Condition>>;

/** The right-hand side as json-rules-engine resolves it: `{ fact: x }` reads another fact. */
function rightHandSide(value: unknown): Read {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, 'fact')) {
    const fact = (value as { fact: string }).fact;
    if (
      (value as { path?: unknown }).path !== undefined ||
      (value as { params?: unknown }).params !== undefined
    ) {
      throw new UnsupportedCondition('a value that reads a fact with path or params');
    }
    return reader(fact);
  }
  return () => value;
}

/** A condition → a plain synchronous predicate. Groups follow json-rules-engine: an empty group holds. */
export function compileTest(condition: Condition, named: Named, seen: readonly string[] = []): Test {
  if (condition.all) {
    const parts = condition.all.map((c) => compileTest(c, named, seen));
    return (facts, c) => {
      for (const part of parts) if (!part(facts, c)) return false;
      return true;
    };
  }
  if (condition.any) {
    const parts = condition.any.map((c) => compileTest(c, named, seen));
    if (parts.length === 0) return () => true;
    return (facts, c) => {
      for (const part of parts) if (part(facts, c)) return true;
      return false;
    };
  }
  if (condition.not) {
    const inner = compileTest(condition.not, named, seen);
    return (facts, c) => !inner(facts, c);
  }
  if (condition.condition !== undefined)
    return compileTest(resolve(condition.condition, named, seen), named, [...seen, condition.condition]);
  const { read, compare, value } = leaf(condition);
  return (facts, c) => compare(read(facts, c), value(facts, c));
}

/** The same condition, returning the trace the reference builds from json-rules-engine's results. */
export function compileTracer(condition: Condition, named: Named, seen: readonly string[] = []): Tracer {
  if (condition.all || condition.any) {
    const kind = condition.all ? 'all' : 'any';
    const parts = (condition.all ?? condition.any ?? []).map((c) => compileTracer(c, named, seen));
    return (facts, c) => {
      const children = parts.map((p) => p(facts, c));
      const result =
        children.length === 0 ||
        (kind === 'all' ? children.every((c) => c.result) : children.some((c) => c.result));
      return { kind, result, children };
    };
  }
  if (condition.not) {
    const inner = compileTracer(condition.not, named, seen);
    return (facts, c) => {
      const child = inner(facts, c);
      return { kind: 'not', result: !child.result, child };
    };
  }
  if (condition.condition !== undefined) {
    // json-rules-engine reports a referenced condition as its own tree, wrapped in nothing.
    return compileTracer(resolve(condition.condition, named, seen), named, [...seen, condition.condition]);
  }
  const { fact, read, compare, value } = leaf(condition);
  const operator = condition.operator!;
  const written = condition.value;
  return (facts, c) => {
    const factValue = read(facts, c);
    return {
      kind: 'fact',
      fact,
      operator,
      value: written,
      factValue,
      result: compare(factValue, value(facts, c)),
    };
  };
}

function leaf(condition: Condition) {
  if (condition.path !== undefined || condition.params !== undefined)
    throw new UnsupportedCondition('a comparison with path or params');
  const compare = OPERATORS[condition.operator!];
  return {
    fact: condition.fact!,
    read: reader(condition.fact!),
    compare,
    value: rightHandSide(condition.value),
  };
}

/** A named condition as the reference registers it: a lone comparison is wrapped in `all`. */
function resolve(name: string, named: Named, seen: readonly string[]): Condition {
  const target = Object.hasOwn(named, name) ? named[name] : undefined;
  if (!target || seen.includes(name))
    throw new UnsupportedCondition(`named condition '${name}' is missing or circular`);
  return topLevel(target) as unknown as Condition;
}
