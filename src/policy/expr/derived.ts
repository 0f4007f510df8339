import type { Fact } from '../schema/facts.js';
import { type Expr, factsRead } from './ast.js';
import { parseExpression, type SyntaxProblem } from './parse.js';

/** A fact computed from other facts by its `expr`. */
export interface DerivedFact {
  id: string;
  fact: Fact;
  expr: Expr;
  /** The facts its expression reads (declared or not: the checker reports unknown ones). */
  reads: readonly string[];
}

export interface DerivedFacts {
  /** Every derived fact whose expression reads, ordered so that each comes after the derived facts it reads. */
  ordered: DerivedFact[];
  /** Expressions that cannot be read, by fact id. */
  unreadable: { id: string; problem: SyntaxProblem }[];
  /** A circle of derived facts reading each other, first fact repeated at the end; undefined when none. */
  cycle?: string[];
}

export function isDerived(fact: Fact): fact is Fact & { expr: string } {
  return typeof fact.expr === 'string';
}

/**
 * The derived facts of a policy in evaluation order. Plain data for every consumer — the checker,
 * the interpreter, the code generator and, later, SQL — so that all of them agree on what is
 * computed and in which order.
 */
export function derivedFacts(facts: Readonly<Record<string, Fact>> | undefined): DerivedFacts {
  const parsed = new Map<string, DerivedFact>();
  const unreadable: DerivedFacts['unreadable'] = [];
  for (const [id, fact] of Object.entries(facts ?? {})) {
    if (!isDerived(fact)) continue;
    const result = parseExpression(fact.expr);
    if ('problem' in result) unreadable.push({ id, problem: result.problem });
    else parsed.set(id, { id, fact, expr: result.expr, reads: factsRead(result.expr) });
  }
  const ordered: DerivedFact[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  let cycle: string[] | undefined;
  const visit = (id: string): void => {
    const node = parsed.get(id);
    if (!node || state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      cycle ??= [...path.slice(path.indexOf(id)), id];
      return;
    }
    state.set(id, 'visiting');
    path.push(id);
    for (const read of node.reads) visit(read);
    path.pop();
    state.set(id, 'done');
    ordered.push(node);
  };
  for (const id of parsed.keys()) visit(id);
  const inCycle = new Set(cycle ?? []);
  return {
    ordered: cycle ? ordered.filter((d) => !inCycle.has(d.id)) : ordered,
    unreadable,
    cycle,
  };
}
