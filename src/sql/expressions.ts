import type { AsOf } from '../facts/asof.js';
import { toInstant } from '../facts/instant.js';
import { zoneCalendar } from '../facts/zone.js';
import type { Expr } from '../policy/expr/ast.js';
import { type Column, type Scope, Untranslatable } from './scope.js';
import { dayOf } from './zone.js';

export interface ExprContext {
  scope: Scope;
  timezone: string;
  /** The as-of: `daysSince` measures to its day. */
  asOf?: AsOf;
  pointer: string;
  /**
   * Computes a value once, in a step before the expression, and gives the column holding it: an
   * operand that the SQL must read more than once (round, min, a division's divisor) would
   * otherwise be written out again at every use, and nested calls would grow exponentially.
   */
  bind(sql: string): string;
}

/**
 * A derived fact's expression in SQL, with the interpreter's meaning (src/facts/derive.ts): a
 * missing operand makes the result missing, `&&` and `||` are Kleene's (SQL's own), a division
 * by zero is missing. The operations are the interpreter's, in its order, so doubles agree.
 */
export function expressionSql(e: Expr, c: ExprContext): Column {
  const d = c.scope.dialect;
  const num = (sql: string): Column => ({ sql, kind: 'number' });
  switch (e.kind) {
    case 'number':
      return num(d.num(e.value));
    case 'string':
      return { sql: d.text(e.value), kind: 'string' };
    case 'boolean':
      return { sql: e.value ? 'TRUE' : 'FALSE', kind: 'boolean' };
    case 'fact':
      return c.scope.read(e.name);
    case 'unary': {
      const arg = expressionSql(e.arg, c);
      if (e.op === '!') return { sql: `(NOT ${arg.sql})`, kind: 'boolean' };
      return e.op === '-' ? num(`(-${arg.sql})`) : arg;
    }
    case 'binary': {
      const l = expressionSql(e.left, c);
      const r = expressionSql(e.right, c);
      switch (e.op) {
        case '&&':
          return { sql: `(${l.sql} AND ${r.sql})`, kind: 'boolean' };
        case '||':
          return { sql: `(${l.sql} OR ${r.sql})`, kind: 'boolean' };
        case '+':
        case '-':
        case '*':
          return num(finite(`(${l.sql} ${e.op} ${r.sql})`, c));
        case '/':
          return num(finite(`(${l.sql} / NULLIF(${r.sql}, ${d.num(0)}))`, c));
        case '%': {
          const mod = d.mod(l.sql, `NULLIF(${r.sql}, ${d.num(0)})`);
          if (mod === undefined) throw new Untranslatable(`'%' in ${d.name} SQL`, c.pointer);
          return num(finite(mod, c));
        }
        case '==':
        case '!=': {
          if (l.kind !== r.kind && l.kind !== 'unknown' && r.kind !== 'unknown') {
            // Values of two kinds are never equal; missing stays missing.
            const missing = `${c.bind(l.sql)} IS NULL OR ${c.bind(r.sql)} IS NULL`;
            return { sql: `CASE WHEN ${missing} THEN NULL ELSE ${e.op === '!='} END`, kind: 'boolean' };
          }
          return { sql: `(${l.sql} ${e.op === '==' ? '=' : '<>'} ${r.sql})`, kind: 'boolean' };
        }
        default: {
          const text = l.kind === 'string' && r.kind === 'string';
          const a = text ? d.binaryOrder(l.sql) : l.sql;
          const b = text ? d.binaryOrder(r.sql) : r.sql;
          return { sql: `(${a} ${e.op} ${b})`, kind: 'boolean' };
        }
      }
    }
    case 'call':
      return call(e, c);
  }
}

function call(e: Extract<Expr, { kind: 'call' }>, c: ExprContext): Column {
  const d = c.scope.dialect;
  const args = () => e.args.map((a) => expressionSql(a, c));
  const num = (sql: string): Column => ({ sql, kind: 'number' });
  const allPresent = (xs: readonly Column[], sql: string) =>
    num(`CASE WHEN ${xs.map((x) => `${x.sql} IS NULL`).join(' OR ')} THEN NULL ELSE ${sql} END`);
  const day = (x: Column) => dayOf(d, d.toBigint(x.sql), c.timezone);
  const asOfDay = () => {
    if (!c.asOf) throw new Untranslatable(`${e.fn}() without an as-of`, c.pointer);
    return d.int(c.asOf.day);
  };
  switch (e.fn) {
    case 'if': {
      const [test, then, otherwise] = args() as [Column, Column, Column];
      const kind = then.kind === 'unknown' ? otherwise.kind : then.kind;
      // A missing test matches neither arm: the value is missing, as in the interpreter.
      return {
        sql: `CASE ${test.sql} WHEN TRUE THEN ${then.sql} WHEN FALSE THEN ${otherwise.sql} END`,
        kind,
      };
    }
    case 'coalesce': {
      const xs = args();
      return {
        sql: `COALESCE(${xs.map((x) => x.sql).join(', ')})`,
        kind: xs.find((x) => x.kind !== 'unknown')?.kind ?? 'unknown',
      };
    }
    case 'date': {
      const arg = e.args[0];
      const at = arg?.kind === 'string' ? toInstant(arg.value, zoneCalendar(c.timezone)) : undefined;
      return at === undefined ? { sql: 'NULL', kind: 'number' } : num(d.int(at));
    }
    case 'min':
    case 'max': {
      const xs = args().map((x) => ({ ...x, sql: c.bind(x.sql) }));
      if (xs.length === 1) return xs[0]!;
      // LEAST and GREATEST skip NULLs in most engines; Math.min does not.
      return allPresent(xs, `${e.fn === 'min' ? 'LEAST' : 'GREATEST'}(${xs.map((x) => x.sql).join(', ')})`);
    }
    case 'abs':
      return num(`ABS(${args()[0]!.sql})`);
    case 'floor':
      return num(d.floor(args()[0]!.sql));
    case 'ceil':
      return num(d.ceil(args()[0]!.sql));
    case 'round': {
      const [x, digits] = args() as [Column, Column | undefined];
      const places = e.args[1] === undefined ? 0 : e.args[1].kind === 'number' ? e.args[1].value : undefined;
      if (places === undefined || (digits === undefined && e.args[1] !== undefined))
        throw new Untranslatable('round() with digits that are not a number written out', c.pointer);
      return num(roundHalfAwaySql(c.bind(x.sql), places, c));
    }
    case 'daysSince': {
      const [x] = args() as [Column];
      return num(d.toDouble(`(${asOfDay()} - ${day(x)})`));
    }
    case 'weeksSince': {
      const [x] = args() as [Column];
      return num(`${d.toDouble(`(${asOfDay()} - ${day(x)})`)} / ${d.num(7)}`);
    }
    case 'daysBetween': {
      const [a, b] = args() as [Column, Column];
      return num(d.toDouble(`(${day(b)} - ${day(a)})`));
    }
    case 'weeksBetween': {
      const [a, b] = args() as [Column, Column];
      return num(`${d.toDouble(`(${day(b)} - ${day(a)})`)} / ${d.num(7)}`);
    }
    default:
      throw new Untranslatable(`${e.fn}()`, c.pointer);
  }
}

/** expr-math's finite(): an infinite result is no value (NaN cannot arise once infinities are gone). */
function finite(sql: string, c: ExprContext): string {
  const d = c.scope.dialect;
  return `NULLIF(NULLIF(${sql}, ${d.infinity}), -${d.infinity})`;
}

/** src/facts/expr-math.ts roundHalfAway, step by step; `digits` is a constant. */
function roundHalfAwaySql(x: string, digits: number, c: ExprContext): string {
  const d = c.scope.dialect;
  const factor = d.num(10 ** digits);
  // Past this the product leaves the double range: JavaScript gets +∞ (and returns x below), but
  // PostgreSQL stops with an overflow error, so the product is never taken there.
  const largest = Number.MAX_VALUE / 10 ** digits / 2;
  const scaled = c.bind(
    `(CASE WHEN ABS(${x}) <= ${d.num(largest)} THEN ABS(${x}) * ${factor} ELSE ${d.infinity} END)`,
  );
  const floor = c.bind(d.floor(scaled));
  const fraction = `(${scaled} - ${floor})`;
  const up = `(${fraction} > ${d.num(0.5)} OR ABS(${fraction} - ${d.num(0.5)}) <= ${d.num(1e-9)})`;
  const magnitude = `(CASE WHEN ${up} THEN ${floor} + ${d.num(1)} ELSE ${floor} END) / ${factor}`;
  const rounded = `CASE WHEN ${x} < 0 THEN -(${magnitude}) ELSE ${magnitude} END`;
  return `CASE WHEN ${x} IS NULL THEN NULL WHEN NOT (${scaled} < ${d.num(2 ** 52)}) THEN ${x} ELSE ${rounded} END`;
}
