import { type Alias, isAlias, isMap, isNode, isPair, isSeq, type Node } from 'yaml';
import { MAX_DEPTH } from './compose.js';

/**
 * Each alias of a document and the node it names: the last node with its anchor before it, as
 * YAML defines it (the node itself counts as before its own contents, so `&a [ *a ]` names its
 * own list); undefined when no such anchor exists. One pass in document order: yaml's own
 * Alias.resolve walks the whole document for every alias, which is quadratic.
 */
export function resolveAliases(root: unknown): Map<Alias, Node | undefined> {
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, Node | undefined>();
  const visit = (node: unknown): void => {
    if (isAlias(node)) {
      targets.set(node, anchors.get(node.source));
      return;
    }
    if (!isNode(node)) return;
    if (node.anchor) anchors.set(node.anchor, node);
    if (!isMap(node) && !isSeq(node)) return;
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        visit(item.key);
        visit(item.value);
      } else visit(item);
    }
  };
  visit(root);
  return targets;
}

export type ExpansionProblem =
  | { kind: 'undefinedAlias'; alias: Alias }
  | { kind: 'aliasCycle'; alias: Alias }
  | { kind: 'tooDeep'; at: Node };

export interface Expansion {
  /** Values once every alias is expanded; may be astronomically large (or Infinity). */
  total: number;
  /** The alias whose expansion is largest, where a bomb is best shown. */
  largestAlias?: Alias;
  problem?: ExpansionProblem;
}

interface Extent {
  size: number;
  /** Levels of mappings and lists, this node's included. */
  height: number;
}

const SCALAR: Extent = { size: 1, height: 0 };

/**
 * The size and depth of the tree as if every alias were expanded, without expanding it: each
 * node's extent is computed once and reused wherever an alias names it, so the measure is linear
 * in the file whatever the expansion would be. Stops at the first alias that names nothing or
 * names a node that contains it, and at the first level deeper than MAX_DEPTH.
 */
export function measureExpansion(root: unknown, targets: ReadonlyMap<Alias, Node | undefined>): Expansion {
  const memo = new Map<Node, Extent>();
  const open = new Set<Node>();
  let problem: ExpansionProblem | undefined;
  let largest = 0;
  let largestAlias: Alias | undefined;

  // `depth` is the level the node stands at (the top mapping is level 1); `site` the place to
  // report a problem at, the alias through which a shared node was reached.
  const extent = (node: unknown, depth: number, site: Node | undefined): Extent => {
    if (problem || !isNode(node)) return SCALAR;
    if (isAlias(node)) {
      const target = targets.get(node);
      if (target === undefined) problem = { kind: 'undefinedAlias', alias: node };
      else if (open.has(target)) problem = { kind: 'aliasCycle', alias: node };
      if (problem) return SCALAR;
      const found = extent(target, depth, node);
      if (found.size > largest) {
        largest = found.size;
        largestAlias = node;
      }
      return found;
    }
    if (!isMap(node) && !isSeq(node)) return SCALAR;
    const known = memo.get(node);
    if (known) {
      if (depth - 1 + known.height > MAX_DEPTH) problem = { kind: 'tooDeep', at: site ?? node };
      return known;
    }
    if (depth > MAX_DEPTH) {
      problem = { kind: 'tooDeep', at: site ?? node };
      return SCALAR;
    }
    open.add(node);
    let size = 1;
    let below = 0;
    const add = (child: unknown) => {
      const e = extent(child, depth + 1, site);
      size += e.size;
      below = Math.max(below, e.height);
    };
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        add(item.key);
        add(item.value);
      } else add(item);
    }
    open.delete(node);
    const measured = { size, height: below + 1 };
    memo.set(node, measured);
    return measured;
  };

  const { size } = extent(root, 1, undefined);
  return { total: size, largestAlias, problem };
}
