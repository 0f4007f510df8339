/**
 * The expression language of derived facts (`expr:`), as plain data the project owns. jsep
 * parses the text; src/policy/expr/parse.ts turns its tree into this one, refusing everything
 * outside the grammar, so that the reference interpreter (src/facts/derive.ts), the compiled path
 * (src/compile/derive.ts) and a later SQL translation all read the same small tree.
 */

/** Offsets into the expression text: [start, end). */
export type Span = readonly [start: number, end: number];

export const BINARY_OPERATORS = [
  '+',
  '-',
  '*',
  '/',
  '%',
  '<',
  '<=',
  '>',
  '>=',
  '==',
  '!=',
  '&&',
  '||',
] as const;
export type BinaryOperator = (typeof BINARY_OPERATORS)[number];

export const UNARY_OPERATORS = ['-', '+', '!'] as const;
export type UnaryOperator = (typeof UNARY_OPERATORS)[number];

export type Expr =
  | { kind: 'number'; value: number; at: Span }
  | { kind: 'string'; value: string; at: Span }
  | { kind: 'boolean'; value: boolean; at: Span }
  | { kind: 'fact'; name: string; at: Span }
  | { kind: 'unary'; op: UnaryOperator; arg: Expr; at: Span }
  | { kind: 'binary'; op: BinaryOperator; left: Expr; right: Expr; at: Span }
  | { kind: 'call'; fn: string; args: Expr[]; at: Span; nameAt: Span };

/** The facts an expression reads, each once, in the order they first appear. */
export function factsRead(expr: Expr): string[] {
  const out = new Set<string>();
  const walk = (e: Expr): void => {
    switch (e.kind) {
      case 'fact':
        out.add(e.name);
        return;
      case 'unary':
        walk(e.arg);
        return;
      case 'binary':
        walk(e.left);
        walk(e.right);
        return;
      case 'call':
        for (const a of e.args) walk(a);
        return;
      default:
        return;
    }
  };
  walk(expr);
  return [...out];
}

/** Every node of the tree, parents before children. */
export function* nodes(expr: Expr): Generator<Expr> {
  yield expr;
  if (expr.kind === 'unary') yield* nodes(expr.arg);
  else if (expr.kind === 'binary') {
    yield* nodes(expr.left);
    yield* nodes(expr.right);
  } else if (expr.kind === 'call') for (const a of expr.args) yield* nodes(a);
}
