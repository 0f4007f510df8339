import { joinPointer } from '../../diagnostics/pointer.js';
import { formatCount } from '../../format/number.js';
import { msg, type Text } from '../../i18n/text.js';
import { type FactInfo, isNumeric } from '../catalogue.js';
import type { Condition, Operator } from '../schema/condition.js';
import { contains, type Domain, INTEGER, type Interval, isEmpty, pickValue, REAL } from './interval.js';

/**
 * Criteria conditions over cells: the constants the conditions compare a fact with cut its
 * domain into cells inside which every comparison keeps one truth value, so a condition decided
 * on one representative per cell is decided for every value of that cell.
 */

export type FactValue = number | string | boolean;
export type Customer = Record<string, FactValue>;

export interface CriteriaLevel {
  id: string;
  when?: Condition;
  otherwise?: boolean;
}

export interface CriteriaInput {
  /** Best tier first, as in `tiers.levels`; pointers are `/tiers/levels/<index>`. */
  levels: readonly CriteriaLevel[];
  named: Readonly<Record<string, Condition>>;
  facts: ReadonlyMap<string, FactInfo>;
  /** The values a numeric fact can take when not its type's own (a rounded score). */
  grids?: ReadonlyMap<string, Domain>;
}

/** Malformed levels or conditions are 'invalid': other lint rules report them. */
export type Problem = { kind: 'invalid' } | { kind: 'unsupported'; reason: Text; pointer: string };

export interface NumericCells {
  domain: Interval;
  grid: Domain;
  cells: Interval[];
}

/** One fact cut into cells, each with the value that stands for it. */
export interface Axis {
  fact: string;
  values: FactValue[];
  numeric?: NumericCells;
  /** Index of the value standing for every string no condition names. */
  other?: number;
}

/** Whether a level's condition holds, given the cell of each axis. */
export type Predicate = (cells: Int32Array) => boolean;

export interface CellModel {
  axes: Axis[];
  predicates: Predicate[];
  /** Groups and comparisons after named conditions are expanded: the cost of one evaluation. */
  size: number;
}

/** Named conditions can double a tree at each level of reference; past this it is not expanded. */
export const MAX_CONDITION_NODES = 100_000;

type Node =
  | { kind: 'all' | 'any'; children: Node[] }
  | { kind: 'not'; child: Node }
  | { kind: 'always' }
  | { kind: 'compare'; fact: string; operator: Operator; value: unknown };

const INVALID: Problem = { kind: 'invalid' };

const ORDER_OPERATORS: readonly Operator[] = [
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
];

/** The facts the levels read, cut into cells, and each level as a predicate on those cells. */
export function cellModel(input: CriteriaInput): CellModel | Problem {
  const trees: Node[] = [];
  const count = { nodes: 0 };
  for (const [i, level] of input.levels.entries()) {
    const tree = levelTree(level, i, input, count);
    if (isProblem(tree)) return tree;
    trees.push(tree);
  }
  const axes = buildAxes(trees, input);
  if (isProblem(axes)) return axes;
  return { axes, predicates: trees.map((tree) => compile(tree, axes)), size: count.nodes };
}

function levelTree(
  level: CriteriaLevel,
  i: number,
  input: CriteriaInput,
  count: { nodes: number },
): Node | Problem {
  const last = i === input.levels.length - 1;
  if (level.otherwise) return level.when || !last ? INVALID : { kind: 'always' };
  if (!level.when) return INVALID;
  return build(level.when, `/tiers/levels/${i}/when`, { input, tier: level.id, stack: [], count });
}

interface BuildScope {
  input: CriteriaInput;
  /** The tier whose condition this is, for the reason a condition is left unchecked. */
  tier: string;
  /** Named conditions being expanded, to stop at a cycle. */
  stack: string[];
  /** Nodes built so far, shared by every level. */
  count: { nodes: number };
}

function build(node: Condition, pointer: string, scope: BuildScope): Node | Problem {
  if (++scope.count.nodes > MAX_CONDITION_NODES) {
    const reason = msg('tiers.tooManyNodes', { limit: formatCount(MAX_CONDITION_NODES) });
    return { kind: 'unsupported', reason, pointer };
  }
  const groups = (['all', 'any', 'not', 'condition'] as const).filter((k) => node[k] !== undefined);
  const comparison = (['fact', 'operator', 'value'] as const).filter((k) => k in node);
  if (groups.length > 1 || (groups.length === 1 && comparison.length > 0)) return INVALID;
  // json-rules-engine 7.3 holds an empty `any` true while lint (TW0301) rejects it as never
  // true: an error either way, and not one to build findings on.
  if (node.any?.length === 0) return INVALID;
  if (node.all !== undefined || node.any !== undefined) {
    const kind = node.all !== undefined ? 'all' : 'any';
    const children: Node[] = [];
    for (const [i, child] of (node[kind] ?? []).entries()) {
      const built = build(child, joinPointer(pointer, kind, i), scope);
      if (isProblem(built)) return built;
      children.push(built);
    }
    return { kind, children };
  }
  if (node.not !== undefined) {
    const child = build(node.not, joinPointer(pointer, 'not'), scope);
    return isProblem(child) ? child : { kind: 'not', child };
  }
  if (node.condition !== undefined) {
    const name = node.condition;
    const named = scope.input.named;
    if (!Object.hasOwn(named, name) || scope.stack.includes(name)) return INVALID;
    return build(named[name]!, joinPointer('/conditions', name), { ...scope, stack: [...scope.stack, name] });
  }
  if (comparison.length < 3) return INVALID;
  return comparisonNode(node, pointer, scope);
}

function comparisonNode(node: Condition, pointer: string, scope: BuildScope): Node | Problem {
  const fact = node.fact!;
  const operator = node.operator!;
  const { value } = node;
  const info = scope.input.facts.get(fact);
  if (!info) return INVALID;
  const unsupported = (reason: Text): Problem => ({ kind: 'unsupported', reason, pointer });
  const { tier } = scope;
  if (node.path !== undefined) return unsupported(msg('tiers.readsPath', { tier, fact }));
  if (node.params !== undefined) return unsupported(msg('tiers.passesParams', { tier, fact }));
  const other = factReference(value);
  if (other !== undefined) return unsupported(msg('tiers.comparesFacts', { tier, fact, other }));
  if (operator === 'contains' || operator === 'doesNotContain')
    return unsupported(msg('tiers.containsOnScalar', { tier, operator, fact }));
  if (info.type === 'date') return unsupported(msg('tiers.comparesDate', { tier, fact }));
  if (ORDER_OPERATORS.includes(operator)) {
    if (!isNumeric(info.type))
      return unsupported(msg('tiers.ordersNonNumber', { tier, type: info.type, fact, operator }));
    if (typeof value !== 'number' || !Number.isFinite(value))
      return unsupported(msg('tiers.comparesNotNumber', { tier, fact, json: String(JSON.stringify(value)) }));
  }
  if ((operator === 'in' || operator === 'notIn') && !Array.isArray(value))
    return unsupported(msg('tiers.inWithoutList', { tier, operator, fact }));
  return { kind: 'compare', fact, operator, value };
}

/** json-rules-engine reads any object value with a `fact` key as a reference to that fact. */
function factReference(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || !Object.hasOwn(value, 'fact')) return undefined;
  return String((value as { fact: unknown }).fact);
}

function isProblem<T extends object>(x: T | Problem): x is Problem {
  return 'kind' in x && (x.kind === 'invalid' || x.kind === 'unsupported');
}

/** The facts the tiers read, in the order they are first mentioned. */
function buildAxes(trees: readonly Node[], input: CriteriaInput): Axis[] | Problem {
  const constants = new Map<string, unknown[]>();
  const visit = (node: Node): void => {
    if (node.kind === 'all' || node.kind === 'any') node.children.forEach(visit);
    else if (node.kind === 'not') visit(node.child);
    else if (node.kind === 'compare') {
      const list = constants.get(node.fact) ?? [];
      for (const value of Array.isArray(node.value) ? node.value : [node.value]) list.push(value);
      constants.set(node.fact, list);
    }
  };
  trees.forEach(visit);
  const axes: Axis[] = [];
  for (const [fact, values] of constants) {
    const info = input.facts.get(fact)!;
    const axis = isNumeric(info.type)
      ? numericAxis(fact, info, values, input.grids?.get(fact))
      : categoryAxis(fact, info, values);
    if (isProblem(axis)) return axis;
    axes.push(axis);
  }
  return axes;
}

function numericAxis(fact: string, info: FactInfo, constants: unknown[], grid?: Domain): Axis | Problem {
  const domain: Interval = {
    lo: info.min ?? -Infinity,
    loClosed: info.min !== undefined,
    hi: info.max ?? Infinity,
    hiClosed: info.max !== undefined,
  };
  const valueGrid = grid ?? (info.type === 'integer' ? INTEGER : REAL);
  const points = [
    ...new Set(constants.filter((c): c is number => typeof c === 'number' && Number.isFinite(c))),
  ];
  points.sort((a, b) => a - b);
  // Each constant is a cell of its own with open cells between: `equal` needs the point alone,
  // and either side of it may be the one where `lessThan` and `lessThanInclusive` differ.
  const cells: Interval[] = [];
  let lo = domain.lo;
  let loClosed = domain.loClosed;
  for (const p of points) {
    if (!contains(domain, p)) continue;
    cells.push({ lo, loClosed, hi: p, hiClosed: false }, { lo: p, loClosed: true, hi: p, hiClosed: true });
    lo = p;
    loClosed = false;
  }
  cells.push({ lo, loClosed, hi: domain.hi, hiClosed: domain.hiClosed });
  const kept = cells.filter((cell) => !isEmpty(cell, valueGrid));
  // An empty domain (min above max) is the fact declaration's error, reported by lint (TW0211).
  if (kept.length === 0) return INVALID;
  const values = kept.map((cell) => representative(cell, valueGrid));
  if (values.some((v) => v === undefined || !Number.isFinite(v))) {
    const reason = msg('tiers.tooClose', { fact });
    return { kind: 'unsupported', reason, pointer: joinPointer('/facts', fact) };
  }
  return { fact, values: values as number[], numeric: { domain, grid: valueGrid, cells: kept } };
}

/**
 * A value inside a cell. pickValue never settles on a lone point of the real line, so a point
 * stands for itself; undefined only for cells floating-point numbers cannot split.
 */
export function representative(cell: Interval, grid: Domain): number | undefined {
  return cell.lo === cell.hi ? cell.lo : pickValue(cell, grid);
}

function categoryAxis(fact: string, info: FactInfo, constants: unknown[]): Axis {
  if (info.type === 'boolean') return { fact, values: [true, false] };
  if (info.type === 'enum' && info.values) return { fact, values: [...info.values] };
  // A string (or an enum missing its values) may hold any text: one more value stands for all
  // the texts no condition names.
  const named = [...new Set([...(info.values ?? []), ...constants.filter((c) => typeof c === 'string')])];
  let other = 'other';
  for (let n = 2; named.includes(other); n++) other = `other${n}`;
  return { fact, values: [...named, other], other: named.length };
}

function compile(node: Node, axes: readonly Axis[]): Predicate {
  switch (node.kind) {
    case 'always':
      return () => true;
    // json-rules-engine: an empty `all` holds.
    case 'all': {
      const parts = node.children.map((c) => compile(c, axes));
      return (cells) => parts.every((p) => p(cells));
    }
    case 'any': {
      const parts = node.children.map((c) => compile(c, axes));
      return (cells) => parts.some((p) => p(cells));
    }
    case 'not': {
      const child = compile(node.child, axes);
      return (cells) => !child(cells);
    }
    case 'compare': {
      const a = axes.findIndex((axis) => axis.fact === node.fact);
      const values = axes[a]!.values;
      const test = operatorTest(node.operator, node.value);
      return (cells) => test(values[cells[a]!]!);
    }
  }
}

/** json-rules-engine's default operators, for the comparisons the analysis accepts. */
function operatorTest(operator: Operator, value: unknown): (fact: FactValue) => boolean {
  // A Set answers as indexOf does for every value a cell can stand for (never NaN), without
  // scanning a long list once per combination.
  const list = Array.isArray(value) ? new Set<unknown>(value) : new Set<unknown>();
  const bound = value as number;
  switch (operator) {
    case 'equal':
      return (fact) => fact === value;
    case 'notEqual':
      return (fact) => fact !== value;
    case 'in':
      return (fact) => list.has(fact);
    case 'notIn':
      return (fact) => !list.has(fact);
    case 'lessThan':
      return (fact) => (fact as number) < bound;
    case 'lessThanInclusive':
      return (fact) => (fact as number) <= bound;
    case 'greaterThan':
      return (fact) => (fact as number) > bound;
    case 'greaterThanInclusive':
      return (fact) => (fact as number) >= bound;
    default:
      return () => false;
  }
}
