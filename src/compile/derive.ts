import {
  type DeriveContext,
  dateLiteral,
  type FactPlan,
  isIdentity,
  numeric,
  settle,
} from '../facts/derive.js';
import { and, finite, or } from '../facts/expr-math.js';
import { toInstant } from '../facts/instant.js';
import type { Expr } from '../policy/expr/ast.js';
import type { Fact } from '../policy/schema/facts.js';

type Facts = Readonly<Record<string, unknown>>;

/**
 * Derived facts compiled to one JavaScript function, as ajv compiles a schema: each expression
 * tree becomes straight-line code over local variables, so a customer costs a few operations per
 * node instead of a tree walk. Source is generated from the checked policy's trees (never from
 * customer data or raw expression text: identifiers reach the code only as JSON string keys), and
 * every operation calls or mirrors src/facts/derive.ts, which test/compile holds it to.
 */
export function compileFacts(plan: FactPlan, context: DeriveContext): (facts: Facts) => Facts {
  if (isIdentity(plan)) return (facts) => facts;
  const constants: unknown[] = [];
  const constant = (value: unknown): string => {
    constants.push(value);
    return `k[${constants.length - 1}]`;
  };
  let temps = 0;
  const temp = () => `t${temps++}`;
  const lines: string[] = ['const out = Object.assign({}, facts);'];
  for (const id of plan.dates) {
    const key = JSON.stringify(id);
    lines.push(`out[${key}] = h.toInstant(out[${key}], zone);`);
  }

  const read = (id: string): string => {
    const key = JSON.stringify(id);
    const v = temp();
    lines.push(`let ${v} = out[${key}];`);
    switch (plan.kinds.get(id)) {
      case 'number':
      case 'date':
        lines.push(`${v} = typeof ${v} === 'number' ? h.finite(${v}) : undefined;`);
        break;
      case 'string':
        lines.push(`if (typeof ${v} !== 'string') ${v} = undefined;`);
        break;
      case 'boolean':
        lines.push(`if (typeof ${v} !== 'boolean') ${v} = undefined;`);
        break;
      default:
        lines.push(`${v} = undefined;`);
    }
    return v;
  };

  /** Emits statements computing `e` into a fresh variable and returns its name. */
  const emit = (e: Expr): string => {
    switch (e.kind) {
      case 'number':
      case 'string':
      case 'boolean':
        return constant(e.value);
      case 'fact':
        return read(e.name);
      case 'unary': {
        const a = emit(e.arg);
        const v = temp();
        const op = e.op === '!' ? `!${a}` : e.op === '-' ? `h.finite(-${a})` : a;
        lines.push(`const ${v} = ${a} === undefined ? undefined : ${op};`);
        return v;
      }
      case 'binary': {
        const l = emit(e.left);
        const r = emit(e.right);
        const v = temp();
        if (e.op === '&&' || e.op === '||') {
          lines.push(`const ${v} = h.${e.op === '&&' ? 'and' : 'or'}(${l}, ${r});`);
          return v;
        }
        const guard = `${l} === undefined || ${r} === undefined`;
        let value: string;
        switch (e.op) {
          case '+':
          case '-':
          case '*':
            value = `h.finite(${l} ${e.op} ${r})`;
            break;
          case '/':
          case '%':
            value = `${r} === 0 ? undefined : h.finite(${l} ${e.op} ${r})`;
            break;
          case '==':
            value = `${l} === ${r}`;
            break;
          case '!=':
            value = `${l} !== ${r}`;
            break;
          default:
            value = `${l} ${e.op} ${r}`;
        }
        lines.push(`const ${v} = ${guard} ? undefined : ${value};`);
        return v;
      }
      case 'call':
        return call(e);
    }
  };

  const call = (e: Extract<Expr, { kind: 'call' }>): string => {
    const v = temp();
    if (e.fn === 'date') return constant(dateLiteral(e, context.zone));
    if (e.fn === 'if') {
      const test = emit(e.args[0]!);
      lines.push(`let ${v};`, `if (${test} !== undefined) {`, `if (${test}) {`);
      lines.push(`${v} = ${emit(e.args[1]!)};`, '} else {');
      lines.push(`${v} = ${emit(e.args[2]!)};`, '}', '}');
      return v;
    }
    if (e.fn === 'coalesce') {
      lines.push(`let ${v};`);
      let open = 0;
      for (const a of e.args) {
        lines.push(`${v} = ${emit(a)};`, `if (${v} === undefined) {`);
        open++;
      }
      lines.push('}'.repeat(open));
      return v;
    }
    const args = e.args.map(emit);
    const missing = args.map((a) => `${a} === undefined`).join(' || ');
    const fn = JSON.stringify(e.fn);
    lines.push(`const ${v} = ${missing} ? undefined : h.numeric(${fn}, [${args.join(', ')}], ctx);`);
    return v;
  };

  const facts: Fact[] = [];
  for (const d of plan.derived) {
    lines.push('{');
    const v = emit(d.expr);
    facts.push(d.fact);
    lines.push(`out[${JSON.stringify(d.id)}] = h.settle(${v}, f[${facts.length - 1}], zone);`, '}');
  }
  lines.push('return out;');
  const helpers = { finite, and, or, numeric, settle, toInstant };
  // Generated from the checked policy's expression trees, never from customer data.
  const factory = new Function(
    'h',
    'k',
    'f',
    'ctx',
    'zone',
    `return function prepare(facts) {\n${lines.join('\n')}\n};`,
  );
  return factory(helpers, constants, facts, context, context.zone) as (facts: Facts) => Facts;
}
