import { joinPointer } from '../diagnostics/pointer.js';
import { topLevel } from '../engine/conditions/top-level.js';
import type { Condition } from '../policy/schema/condition.js';
import type { Column, Scope } from './scope.js';
import { Untranslatable } from './scope.js';

type Named = Readonly<Record<string, Condition>>;

/**
 * A condition as a SQL predicate that is never NULL: json-rules-engine decides every comparison
 * true or false (a missing fact makes `lessThan` false and `notEqual` true), so each comparison is
 * settled to TRUE or FALSE before NOT, AND and OR see it. The operators follow
 * src/compile/conditions.ts, which reproduces json-rules-engine's defaults: `equal` is ===, the
 * order operators need a number-like fact and compare as JavaScript does.
 */
export function conditionSql(condition: Condition, named: Named, scope: Scope, pointer: string): string {
  return predicate(topLevel(condition) as unknown as Condition, named, scope, pointer, []);
}

function predicate(
  c: Condition,
  named: Named,
  scope: Scope,
  pointer: string,
  seen: readonly string[],
): string {
  const group = (parts: readonly Condition[], key: 'all' | 'any') => {
    if (parts.length === 0) return 'TRUE';
    const sql = parts.map((p, i) => predicate(p, named, scope, joinPointer(pointer, key, i), seen));
    return `(${sql.join(key === 'all' ? ' AND ' : ' OR ')})`;
  };
  if (c.all) return group(c.all, 'all');
  if (c.any) return group(c.any, 'any');
  if (c.not) return `(NOT ${predicate(c.not, named, scope, joinPointer(pointer, 'not'), seen)})`;
  if (c.condition !== undefined) {
    const target = Object.hasOwn(named, c.condition) ? named[c.condition] : undefined;
    if (!target || seen.includes(c.condition))
      throw new Untranslatable(`named condition '${c.condition}' is missing or circular`, pointer);
    return predicate(
      topLevel(target) as unknown as Condition,
      named,
      scope,
      joinPointer('/conditions', c.condition),
      [...seen, c.condition],
    );
  }
  if (c.path !== undefined || c.params !== undefined)
    throw new Untranslatable('a comparison with path or params', pointer);
  return comparison(c, scope, pointer);
}

const settle = (sql: string) => `COALESCE(${sql}, FALSE)`;

function comparison(c: Condition, scope: Scope, pointer: string): string {
  const d = scope.dialect;
  const left = scope.read(c.fact!);
  const value = c.value;
  const other = isFactRef(value) ? scope.read(referenced(value, pointer)) : undefined;
  switch (c.operator) {
    case 'equal':
      return equal(left, value, other, scope);
    case 'notEqual':
      return `(NOT ${equal(left, value, other, scope)})`;
    case 'in':
    case 'notIn': {
      if (other || !Array.isArray(value))
        throw new Untranslatable(
          `'${c.operator}' with a value that is not a list`,
          joinPointer(pointer, 'value'),
        );
      const items = value.filter((v) => kindOfValue(v) === left.kind).map((v) => literal(v, scope));
      const test = items.length === 0 ? 'FALSE' : settle(`${left.sql} IN (${items.join(', ')})`);
      return c.operator === 'in' ? test : `(NOT ${test})`;
    }
    case 'contains':
    case 'doesNotContain':
      // A fact read from data is never a list, and json-rules-engine holds both false for anything else.
      return 'FALSE';
    case 'lessThan':
    case 'lessThanInclusive':
    case 'greaterThan':
    case 'greaterThanInclusive':
    case 'before':
    case 'onOrBefore':
    case 'after':
    case 'onOrAfter': {
      const date = ['before', 'onOrBefore', 'after', 'onOrAfter'].includes(c.operator);
      if (left.kind === 'string' && !date)
        throw new Untranslatable(`'${c.operator}' on the text fact '${c.fact}'`, pointer);
      if (left.kind !== 'number') return 'FALSE';
      const op = ORDER[c.operator];
      if (other) {
        if (other.kind === 'number') return settle(`${left.sql} ${op} ${other.sql}`);
        if (other.kind === 'unknown' || date) return 'FALSE';
        // JavaScript would convert the other fact's text or boolean to a number first.
        throw new Untranslatable(`'${c.operator}' between a number and a ${other.kind} fact`, pointer);
      }
      // JavaScript compares a number with anything by converting it to a number; dates need a number.
      const bound = date ? (typeof value === 'number' ? value : Number.NaN) : Number(value);
      return Number.isFinite(bound) ? settle(`${left.sql} ${op} ${d.num(bound)}`) : 'FALSE';
    }
    default:
      throw new Untranslatable(`the operator '${String(c.operator)}'`, pointer);
  }
}

const ORDER: Record<string, string> = {
  lessThan: '<',
  lessThanInclusive: '<=',
  greaterThan: '>',
  greaterThanInclusive: '>=',
  before: '<',
  onOrBefore: '<=',
  after: '>',
  onOrAfter: '>=',
};

/** `a === b`: a missing fact equals only another missing fact; values of different kinds never. */
function equal(left: Column, value: unknown, other: Column | undefined, scope: Scope): string {
  if (other) {
    const bothMissing = `(${left.sql} IS NULL AND ${other.sql} IS NULL)`;
    if (left.kind !== other.kind || left.kind === 'unknown') return bothMissing;
    return `(${settle(`${left.sql} = ${other.sql}`)} OR ${bothMissing})`;
  }
  if (kindOfValue(value) !== left.kind) return 'FALSE';
  return settle(`${left.sql} = ${literal(value, scope)}`);
}

function kindOfValue(v: unknown): Column['kind'] | 'other' {
  if (typeof v === 'number') return Number.isFinite(v) ? 'number' : 'other';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'boolean';
  return 'other';
}

function literal(v: unknown, scope: Scope): string {
  if (typeof v === 'number') return scope.dialect.num(v);
  if (typeof v === 'string') return scope.dialect.text(v);
  return v ? 'TRUE' : 'FALSE';
}

function isFactRef(v: unknown): v is { fact: string } {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.hasOwn(v, 'fact');
}

function referenced(v: { fact: string; path?: unknown; params?: unknown }, pointer: string): string {
  if (v.path !== undefined || v.params !== undefined)
    throw new Untranslatable('a value that reads a fact with path or params', joinPointer(pointer, 'value'));
  return v.fact;
}
