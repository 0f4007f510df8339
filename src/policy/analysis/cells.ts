import { joinPointer } from '../../diagnostics/pointer.js';
import { type FactInfo, isNumeric } from '../catalogue.js';
import type { Condition, Operator } from '../schema/condition.js';
import { type Domain, INTEGER, type Interval, isEmpty, pickValue, REAL } from './interval.js';

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
export type Problem = { kind: 'invalid' } | { kind: 'unsupported'; reason: string; pointer: string };

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
}

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
  for (const [i, level] of input.levels.entries()) {
    const tree = levelTree(level, i, input);
    if (isProblem(tree)) return tree;
    trees.push(tree);
  }
  const axes = buildAxes(trees, input);
  if (!axes) return INVALID;
  return { axes, predicates: trees.map((tree) => compile(tree, axes)) };
}

function levelTree(level: CriteriaLevel, i: number, input: CriteriaInput): Node | Problem {
  const last = i === input.levels.length - 1;
  if (level.otherwise) return level.when || !last ? INVALID : { kind: 'always' };
  if (!level.when) return INVALID;
  return build(level.when, `/tiers/levels/${i}/when`, { input, owner: `tier '${level.id}'`, stack: [] });
}

interface BuildScope {
  input: CriteriaInput;
  owner: string;
  /** Named conditions being expanded, to stop at a cycle. */
  stack: string[];
}

function build(node: Condition, pointer: string, scope: BuildScope): Node | Problem {
  const groups = (['all', 'any', 'not', 'condition'] as const).filter((k) => node[k] !== undefined);
  const comparison = (['fact', 'operator', 'value'] as const).filter((k) => k in node);
  if (groups.length > 1 || (groups.length === 1 && comparison.length > 0)) return INVALID;
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
  const unsupported = (what: string): Problem => ({
    kind: 'unsupported',
    reason: `${scope.owner} ${what}`,
    pointer,
  });
  if (node.path !== undefined) return unsupported(`reads a path inside '${fact}'`);
  if (node.params !== undefined) return unsupported(`passes params to '${fact}'`);
  const other = factReference(value);
  if (other !== undefined) return unsupported(`compares '${fact}' with another fact ('${other}')`);
  if (operator === 'contains' || operator === 'doesNotContain')
    return unsupported(`uses '${operator}' on '${fact}', which is not a list`);
  if (info.type === 'date') return unsupported(`compares the date fact '${fact}'`);
  if (ORDER_OPERATORS.includes(operator)) {
    if (!isNumeric(info.type)) return unsupported(`compares ${info.type} fact '${fact}' with '${operator}'`);
    if (typeof value !== 'number' || !Number.isFinite(value))
      return unsupported(`compares '${fact}' with ${JSON.stringify(value)}, which is not a number`);
  }
  if ((operator === 'in' || operator === 'notIn') && !Array.isArray(value))
    return unsupported(`uses '${operator}' on '${fact}' without a list of values`);
  return { kind: 'compare', fact, operator, value };
}

/** json-rules-engine reads any object value with a `fact` key as a reference to that fact. */
function factReference(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || !Object.hasOwn(value, 'fact')) return undefined;
  return String((value as { fact: unknown }).fact);
}

function isProblem(x: Node | Problem): x is Problem {
  return x.kind === 'invalid' || x.kind === 'unsupported';
}

/** The facts the tiers read, in the order they are first mentioned. */
function buildAxes(trees: readonly Node[], input: CriteriaInput): Axis[] | undefined {
  const constants = new Map<string, unknown[]>();
  const visit = (node: Node): void => {
    if (node.kind === 'all' || node.kind === 'any') node.children.forEach(visit);
    else if (node.kind === 'not') visit(node.child);
    else if (node.kind === 'compare') {
      const list = constants.get(node.fact) ?? [];
      list.push(...(Array.isArray(node.value) ? node.value : [node.value]));
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
    if (!axis) return undefined;
    axes.push(axis);
  }
  return axes;
}

function numericAxis(fact: string, info: FactInfo, constants: unknown[], grid?: Domain): Axis | undefined {
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
    if (p <= lo || p >= domain.hi) continue;
    cells.push({ lo, loClosed, hi: p, hiClosed: false }, { lo: p, loClosed: true, hi: p, hiClosed: true });
    lo = p;
    loClosed = false;
  }
  cells.push({ lo, loClosed, hi: domain.hi, hiClosed: domain.hiClosed });
  const kept = cells.filter((cell) => !isEmpty(cell, valueGrid));
  if (kept.length === 0) return undefined;
  return {
    fact,
    values: kept.map((cell) => representative(cell, valueGrid)),
    numeric: { domain, grid: valueGrid, cells: kept },
  };
}

/** pickValue never settles on a single point of the real line, so a point stands for itself. */
export function representative(cell: Interval, grid: Domain): number {
  return cell.lo === cell.hi ? cell.lo : pickValue(cell, grid)!;
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
    // json-rules-engine: an empty `all` or `any` holds.
    case 'all': {
      const parts = node.children.map((c) => compile(c, axes));
      return (cells) => parts.every((p) => p(cells));
    }
    case 'any': {
      const parts = node.children.map((c) => compile(c, axes));
      return (cells) => parts.length === 0 || parts.some((p) => p(cells));
    }
    case 'not': {
      const child = compile(node.child, axes);
      return (cells) => !child(cells);
    }
    case 'compare': {
      const a = axes.findIndex((axis) => axis.fact === node.fact);
      const truth = axes[a]!.values.map((v) => applyOperator(node.operator, v, node.value));
      return (cells) => truth[cells[a]!]!;
    }
  }
}

/** json-rules-engine's default operators, for the comparisons the analysis accepts. */
function applyOperator(operator: Operator, fact: FactValue, value: unknown): boolean {
  switch (operator) {
    case 'equal':
      return fact === value;
    case 'notEqual':
      return fact !== value;
    case 'in':
      return (value as unknown[]).indexOf(fact) > -1;
    case 'notIn':
      return (value as unknown[]).indexOf(fact) === -1;
    case 'lessThan':
      return (fact as number) < (value as number);
    case 'lessThanInclusive':
      return (fact as number) <= (value as number);
    case 'greaterThan':
      return (fact as number) > (value as number);
    case 'greaterThanInclusive':
      return (fact as number) >= (value as number);
    default:
      return false;
  }
}
