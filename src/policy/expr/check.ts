import { msg, type Text } from '../../i18n/text.js';
import { DATE_TEXT, isRealDay } from '../date-value.js';
import type { FactType } from '../schema/facts.js';
import type { Expr, Span } from './ast.js';
import { FUNCTIONS, isFunctionName, MAX_ROUND_DIGITS } from './functions.js';
import { kindOf, type ValueType } from './types.js';

/** What the checker needs to know of a fact an expression reads. */
export interface FactShape {
  type: FactType;
  unit?: string;
  values?: readonly string[];
}

/** One finding inside an expression: a code, a catalogue text and the span it is about. */
export interface ExprProblem {
  code: 'TW0201' | 'TW0221' | 'TW0222' | 'TW0223' | 'TW0224';
  message: Text;
  help?: Text;
  at: Span;
  /** For an unknown name: the name, so the caller can suggest a close one. */
  unknown?: string;
}

export interface Checked {
  /** The expression's type; undefined when a problem makes it unknowable. */
  type?: ValueType;
  problems: ExprProblem[];
  /** Whether it measures from the as-of instant (daysSince, …). */
  usesAsOf: boolean;
}

const NUMBER: ValueType = { kind: 'number' };
const WHOLE: ValueType = { kind: 'number', integer: true };
const BOOLEAN: ValueType = { kind: 'boolean' };

/**
 * Types an expression against the facts it may read: kinds must fit each operator and function,
 * units must agree where values are added, subtracted or compared (CNY + days is a mistake, not a
 * number), and an integer stays known as one so a fact declared `integer` can be checked.
 */
export function checkExpression(expr: Expr, facts: ReadonlyMap<string, FactShape>): Checked {
  const problems: ExprProblem[] = [];
  let usesAsOf = false;
  const problem = (p: ExprProblem): undefined => {
    problems.push(p);
    return undefined;
  };
  const expect = (e: Expr, t: ValueType | undefined, kinds: ValueType['kind'][], where: string): boolean => {
    if (t === undefined) return false;
    if (kinds.includes(t.kind)) return true;
    problem({
      code: 'TW0223',
      message: msg('expr.wrongKind', { where, expected: kinds, got: t.kind }),
      at: e.at,
    });
    return false;
  };
  const sameUnit = (a: ValueType, b: ValueType, at: Span, op: string): string | undefined => {
    if (a.unit !== undefined && b.unit !== undefined && a.unit !== b.unit) {
      problem({
        code: 'TW0224',
        message: msg('expr.unitMismatch', { op, left: a.unit, right: b.unit }),
        help: msg('expr.unitMismatchHelp'),
        at,
      });
    }
    return a.unit ?? b.unit;
  };

  const visit = (e: Expr): ValueType | undefined => {
    switch (e.kind) {
      case 'number':
        return Number.isInteger(e.value) ? WHOLE : NUMBER;
      case 'string':
        return { kind: 'string' };
      case 'boolean':
        return BOOLEAN;
      case 'fact': {
        const fact = facts.get(e.name);
        if (!fact)
          return problem({
            code: 'TW0201',
            message: msg('lint.unknownFact', { id: e.name }),
            at: e.at,
            unknown: e.name,
          });
        return {
          kind: kindOf(fact.type),
          unit: fact.unit,
          integer: fact.type === 'integer' || undefined,
          values: fact.values,
        };
      }
      case 'unary': {
        const t = visit(e.arg);
        if (e.op === '!') return expect(e.arg, t, ['boolean'], e.op) ? BOOLEAN : undefined;
        return expect(e.arg, t, ['number'], e.op) ? t : undefined;
      }
      case 'binary':
        return binary(e);
      case 'call':
        return call(e);
    }
  };

  const binary = (e: Extract<Expr, { kind: 'binary' }>): ValueType | undefined => {
    const l = visit(e.left);
    const r = visit(e.right);
    if (l === undefined || r === undefined) return undefined;
    switch (e.op) {
      case '&&':
      case '||':
        return expect(e.left, l, ['boolean'], e.op) && expect(e.right, r, ['boolean'], e.op)
          ? BOOLEAN
          : undefined;
      case '==':
      case '!=':
        if (l.kind !== r.kind) {
          return problem({
            code: 'TW0223',
            message: msg('expr.compareKinds', { op: e.op, left: l.kind, right: r.kind }),
            at: e.at,
          });
        }
        if (l.kind === 'number') sameUnit(l, r, e.at, e.op);
        enumLiteral(e.left, l, e.right);
        enumLiteral(e.right, r, e.left);
        return BOOLEAN;
      case '<':
      case '<=':
      case '>':
      case '>=':
        if (!(expect(e.left, l, ['number', 'date'], e.op) && expect(e.right, r, ['number', 'date'], e.op)))
          return undefined;
        if (l.kind !== r.kind)
          return problem({
            code: 'TW0223',
            message: msg('expr.compareKinds', { op: e.op, left: l.kind, right: r.kind }),
            at: e.at,
          });
        if (l.kind === 'number') sameUnit(l, r, e.at, e.op);
        return BOOLEAN;
      case '+':
      case '-':
        if (!(expect(e.left, l, ['number'], e.op) && expect(e.right, r, ['number'], e.op))) {
          if (l.kind === 'date' || r.kind === 'date')
            problems[problems.length - 1]!.help = msg('expr.dateArithmeticHelp');
          return undefined;
        }
        return {
          kind: 'number',
          unit: sameUnit(l, r, e.at, e.op),
          integer: (l.integer && r.integer) || undefined,
        };
      case '*':
        if (!(expect(e.left, l, ['number'], e.op) && expect(e.right, r, ['number'], e.op))) return undefined;
        return {
          kind: 'number',
          // A unit times a plain number keeps its unit (spend × 0.1 is still CNY); unit × unit has none we name.
          unit: l.unit === undefined ? r.unit : r.unit === undefined ? l.unit : undefined,
          integer: (l.integer && r.integer) || undefined,
        };
      case '/':
      case '%':
        if (!(expect(e.left, l, ['number'], e.op) && expect(e.right, r, ['number'], e.op))) return undefined;
        return {
          kind: 'number',
          unit: r.unit === undefined ? l.unit : undefined,
          integer: e.op === '%' ? (l.integer && r.integer) || undefined : undefined,
        };
    }
  };

  /** `tierCode == 'vipp'` can never hold when tierCode is an enum without that value. */
  const enumLiteral = (side: Expr, t: ValueType, other: Expr): void => {
    if (t.values === undefined || other.kind !== 'string' || t.values.includes(other.value)) return;
    problem({
      code: 'TW0223',
      message: msg('expr.notEnumValue', { value: other.value, values: [...t.values] }),
      at: other.at,
    });
    void side;
  };

  const call = (e: Extract<Expr, { kind: 'call' }>): ValueType | undefined => {
    if (!isFunctionName(e.fn)) {
      for (const a of e.args) visit(a);
      return problem({
        code: 'TW0221',
        message: msg('expr.unknownFunction', { name: e.fn }),
        at: e.nameAt,
        unknown: e.fn,
      });
    }
    const spec = FUNCTIONS[e.fn];
    if (e.args.length < spec.arity[0] || e.args.length > spec.arity[1]) {
      for (const a of e.args) visit(a);
      return problem({
        code: 'TW0222',
        message: msg('expr.arity', { name: e.fn, signature: spec.signature, n: e.args.length }),
        at: e.at,
      });
    }
    if ('asOf' in spec && spec.asOf) usesAsOf = true;
    if (e.fn === 'date') return dateLiteral(e);
    const args = e.args.map(visit);
    if (args.some((a) => a === undefined)) return undefined;
    const ts = args as ValueType[];
    switch (e.fn) {
      case 'min':
      case 'max': {
        if (!e.args.every((a, i) => expect(a, ts[i], ['number', 'date'], e.fn))) return undefined;
        return same(e, ts);
      }
      case 'abs':
        return expect(e.args[0]!, ts[0], ['number'], e.fn) ? ts[0] : undefined;
      case 'floor':
      case 'ceil':
        return expect(e.args[0]!, ts[0], ['number'], e.fn) ? { ...ts[0]!, integer: true } : undefined;
      case 'round': {
        if (!expect(e.args[0]!, ts[0], ['number'], e.fn)) return undefined;
        const digits = e.args[1];
        if (digits !== undefined) {
          if (
            digits.kind !== 'number' ||
            !Number.isInteger(digits.value) ||
            digits.value < 0 ||
            digits.value > MAX_ROUND_DIGITS
          )
            return problem({
              code: 'TW0223',
              message: msg('expr.roundDigits', { max: MAX_ROUND_DIGITS }),
              at: digits.at,
            });
        }
        return {
          ...ts[0]!,
          integer: digits === undefined || (digits.kind === 'number' && digits.value === 0) || undefined,
        };
      }
      case 'if': {
        if (!expect(e.args[0]!, ts[0], ['boolean'], e.fn)) return undefined;
        return same(e, ts.slice(1), 1);
      }
      case 'coalesce':
        return same(e, ts);
      case 'daysSince':
      case 'weeksSince':
      case 'monthsSince':
        if (!expect(e.args[0]!, ts[0], ['date'], e.fn)) return undefined;
        return elapsed(e.fn);
      case 'daysBetween':
      case 'weeksBetween':
      case 'monthsBetween':
        if (!(expect(e.args[0]!, ts[0], ['date'], e.fn) && expect(e.args[1]!, ts[1], ['date'], e.fn)))
          return undefined;
        return elapsed(e.fn);
    }
  };

  /** Arguments that become one value (min, max, coalesce, if's branches) share kind and unit. */
  const same = (e: Extract<Expr, { kind: 'call' }>, ts: ValueType[], offset = 0): ValueType | undefined => {
    const first = ts[0]!;
    let unit = first.unit;
    for (let i = 1; i < ts.length; i++) {
      const t = ts[i]!;
      if (t.kind !== first.kind)
        return problem({
          code: 'TW0223',
          message: msg('expr.argumentKinds', { name: e.fn, first: first.kind, other: t.kind }),
          at: e.args[i + offset]!.at,
        });
      if (first.kind === 'number') unit = sameUnit({ kind: 'number', unit }, t, e.args[i + offset]!.at, e.fn);
    }
    const values =
      first.values && ts.every((t) => t.values) ? [...new Set(ts.flatMap((t) => t.values!))] : undefined;
    return {
      kind: first.kind,
      unit,
      integer: ts.every((t) => t.integer) || undefined,
      values: first.kind === 'string' ? values : undefined,
    };
  };

  const dateLiteral = (e: Extract<Expr, { kind: 'call' }>): ValueType | undefined => {
    const arg = e.args[0]!;
    const shape = arg.kind === 'string' ? DATE_TEXT.exec(arg.value) : null;
    if (arg.kind !== 'string' || !shape)
      return problem({
        code: 'TW0223',
        message: msg('expr.dateLiteral'),
        help: msg('expr.dateLiteralHelp'),
        at: arg.at,
      });
    if (!isRealDay(Number(shape[1]), Number(shape[2]), Number(shape[3])))
      return problem({ code: 'TW0223', message: msg('expr.notRealDate', { text: arg.value }), at: arg.at });
    return { kind: 'date' };
  };

  const type = visit(expr);
  return { type: problems.length === 0 ? type : undefined, problems, usesAsOf };
}

function elapsed(fn: string): ValueType {
  if (fn.startsWith('days')) return { kind: 'number', unit: 'days', integer: true };
  if (fn.startsWith('weeks')) return { kind: 'number', unit: 'weeks' };
  return { kind: 'number', unit: 'months' };
}
