import jsep from 'jsep';
import {
  BINARY_OPERATORS,
  type BinaryOperator,
  type Expr,
  type Span,
  UNARY_OPERATORS,
  type UnaryOperator,
} from './ast.js';

/** Why an expression cannot be read, and where in its text. */
export interface SyntaxProblem {
  /** What went wrong, as a catalogue key of the `expr` area and its values. */
  reason: /** `found`: the character the reading stopped at; undefined when the text ended too early. */
    | { key: 'syntax'; found?: string }
    | { key: 'nesting' }
    | { key: 'empty' }
    | { key: 'oneExpression' }
    | { key: 'notAllowed'; what: string; help?: 'ternary' | 'member' | 'strictEquality' }
    | { key: 'tooLong'; limit: number };
  at: Span;
}

export type Parsed = { expr: Expr } | { problem: SyntaxProblem };

/** A fact's formula is a line or two; a longer text is a mistake or an attack, not a formula. */
export const MAX_EXPRESSION_LENGTH = 2000;
/** Deeper nesting than this is not a formula a person wrote; it would only exhaust the stack. */
const MAX_DEPTH = 64;

const BINARY: ReadonlySet<string> = new Set<BinaryOperator>(BINARY_OPERATORS);

interface JsepNode {
  type: string;
  start?: number;
  end?: number;
  [key: string]: unknown;
}

/** The parts of jsep's parser class used here; its typings describe only the function. */
interface JsepParser {
  index: number;
  gobbleSpaces(): void;
  gobbleToken(): unknown;
  parse(): unknown;
}
const Jsep = (jsep as unknown as { Jsep: new (text: string) => JsepParser }).Jsep;

/**
 * jsep with token positions: jsep keeps none, and a diagnostic must point inside the expression.
 * Every token passes through gobbleToken, so recording its start and end there places every leaf,
 * call and parenthesised group; binary nodes span their operands.
 */
class Located extends Jsep {
  override gobbleToken(): unknown {
    this.gobbleSpaces();
    const start = this.index;
    const node = super.gobbleToken() as JsepNode | false | undefined;
    if (node) {
      node.start ??= start;
      node.end = this.index;
    }
    return node;
  }
}

/** Reads an expression into the project's tree, or says what is wrong and where. */
export function parseExpression(text: string): Parsed {
  if (text.length > MAX_EXPRESSION_LENGTH)
    return { problem: { reason: { key: 'tooLong', limit: MAX_EXPRESSION_LENGTH }, at: [0, text.length] } };
  if (depthOf(text) > MAX_DEPTH) return { problem: { reason: { key: 'nesting' }, at: [0, text.length] } };
  let root: JsepNode;
  try {
    root = new Located(text).parse() as unknown as JsepNode;
  } catch (error) {
    // jsep's messages are English sentences; the place and the character are what a reader needs.
    const e = error as { index?: number };
    let index = Math.min(Math.max(e.index ?? 0, 0), text.length);
    // jsep reports an unclosed quote or bracket after reading to the end.
    if (index > 0 && index === text.length && /\S/.test(text)) index = text.length;
    const found = index < text.length ? String.fromCodePoint(text.codePointAt(index)!) : undefined;
    return {
      problem: {
        reason: { key: 'syntax', found },
        at: [index, found === undefined ? index : index + found.length],
      },
    };
  }
  try {
    return { expr: new Converter(text).convert(root) };
  } catch (error) {
    if (error instanceof Refused) return { problem: error.problem };
    throw error;
  }
}

/**
 * Brackets nested deeper than the limit, counted before jsep recurses into them; brackets inside
 * a quoted string are text, not nesting.
 */
function depthOf(text: string): number {
  let depth = 0;
  let max = 0;
  let quote: string | undefined;
  let escaped = false;
  for (const ch of text) {
    if (quote !== undefined) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(' || ch === '[') max = Math.max(max, ++depth);
    else if (ch === ')' || ch === ']') depth--;
  }
  return max;
}

class Refused extends Error {
  constructor(readonly problem: SyntaxProblem) {
    super(problem.reason.key);
  }
}

class Converter {
  constructor(private readonly text: string) {}

  convert(node: JsepNode): Expr {
    if (node.type === 'Compound') {
      const body = node.body as JsepNode[];
      if (body.length === 0) throw new Refused({ reason: { key: 'empty' }, at: [0, this.text.length] });
      throw new Refused({ reason: { key: 'oneExpression' }, at: this.span(body[1]!) });
    }
    return this.node(node, 0);
  }

  private node(node: JsepNode, depth: number): Expr {
    if (depth > MAX_DEPTH)
      // A binary node has no position of its own (jsep records tokens): then the whole text.
      throw new Refused({
        reason: { key: 'nesting' },
        at: node.start === undefined ? [0, this.text.length] : this.span(node),
      });
    const at = this.span(node);
    switch (node.type) {
      case 'Literal': {
        const value = node.value;
        // 1e400 reads as Infinity: no value a fact can have, so not a literal either.
        if (typeof value === 'number')
          return Number.isFinite(value) ? { kind: 'number', value, at } : this.refuse(this.slice(at), at);
        if (typeof value === 'string') return { kind: 'string', value, at };
        if (typeof value === 'boolean') return { kind: 'boolean', value, at };
        return this.refuse(String(node.raw ?? 'null'), at);
      }
      case 'Identifier': {
        const name = String(node.name);
        return { kind: 'fact', name, at: [at[0], at[0] + name.length] };
      }
      case 'UnaryExpression': {
        const op = String(node.operator);
        if (!(UNARY_OPERATORS as readonly string[]).includes(op)) return this.refuse(op, at);
        const arg = this.node(node.argument as JsepNode, depth + 1);
        return { kind: 'unary', op: op as UnaryOperator, arg, at: [at[0], Math.max(at[1], arg.at[1])] };
      }
      case 'BinaryExpression': {
        const op = String(node.operator);
        const left = this.node(node.left as JsepNode, depth + 1);
        const right = this.node(node.right as JsepNode, depth + 1);
        const span: Span = node.start === undefined ? [left.at[0], right.at[1]] : at;
        if (op === '===' || op === '!==') return this.refuse(op, this.between(left, right), 'strictEquality');
        if (!BINARY.has(op)) return this.refuse(op, this.between(left, right));
        return { kind: 'binary', op: op as BinaryOperator, left, right, at: span };
      }
      case 'CallExpression': {
        const callee = node.callee as JsepNode;
        if (callee.type !== 'Identifier') return this.refuse(this.slice(at), at, 'member');
        const name = String(callee.name);
        // `(f)(x)` and `f(a)(b)`: a call is a name followed by its arguments, nothing else.
        if (
          this.text.slice(at[0], at[0] + name.length) !== name ||
          (node.callee as JsepNode).type !== 'Identifier'
        )
          return this.refuse(this.slice(at), at);
        const args = (node.arguments as JsepNode[]).map((a) => this.node(a, depth + 1));
        return { kind: 'call', fn: name, args, at, nameAt: [at[0], at[0] + name.length] };
      }
      case 'MemberExpression':
        return this.refuse(this.slice(at), at, 'member');
      case 'ConditionalExpression': {
        const test = node.test as JsepNode;
        const alternate = node.alternate as JsepNode;
        const span: Span = [this.startOf(test), this.span(alternate)[1]];
        return this.refuse('?:', span, 'ternary');
      }
      default:
        return this.refuse(this.slice(at) || node.type, at);
    }
  }

  private refuse(what: string, at: Span, help?: 'ternary' | 'member' | 'strictEquality'): never {
    throw new Refused({ reason: { key: 'notAllowed', what, help }, at });
  }

  /** A node's span with the spaces jsep swallowed after it left out. */
  private span(node: JsepNode): Span {
    const start = node.start ?? 0;
    let end = node.end ?? start;
    while (end > start && /\s/.test(this.text[end - 1]!)) end--;
    return [start, end];
  }

  /** Where a node's text begins; a binary node has no start of its own, its left operand has. */
  private startOf(node: JsepNode): number {
    if (node.start !== undefined) return node.start;
    return node.type === 'BinaryExpression' ? this.startOf(node.left as JsepNode) : 0;
  }

  /** The operator between two operands, for a message about the operator itself. */
  private between(left: Expr, right: Expr): Span {
    let start = left.at[1];
    let end = right.at[0];
    // The left operand's span may end inside its closing brackets: `(a) | b`.
    while (start < end && /[\s)]/.test(this.text[start]!)) start++;
    while (end > start && /[\s(]/.test(this.text[end - 1]!)) end--;
    return [start, end];
  }

  private slice(at: Span): string {
    return this.text.slice(at[0], at[1]);
  }
}
