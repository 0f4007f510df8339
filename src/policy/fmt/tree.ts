import { isMap, isNode, isPair, isSeq, type Node, type YAMLMap, type YAMLSeq } from 'yaml';

/** The yaml tree as fmt walks it: collections, their entries, and where each one sits. */

export type Collection = YAMLMap<unknown, unknown> | YAMLSeq<unknown>;

/** Where a collection sits decides where yaml writes a comment that stands above its first item. */
export type Place = 'root' | 'value' | 'item';

export const isCollectionNode = (node: unknown): node is Collection => isMap(node) || isSeq(node);

/** Keys and values of a map, items of a sequence, in order. */
export const entries = (node: Collection): unknown[] =>
  (node.items as unknown[]).flatMap((item) => (isPair(item) ? [item.key, item.value] : [item]));

/** What each entry of a collection holds: the value of a pair, or the item itself. */
export const children = (node: Collection): unknown[] =>
  (node.items as unknown[]).map((item) => (isPair(item) ? item.value : item));

/**
 * Every node in document order. The same walk over the tree fmt built and over its rendered text
 * parsed again pairs each node with where it was written.
 */
export function nodesInOrder(node: unknown, out: Node[] = []): Node[] {
  if (!isNode(node)) return out;
  out.push(node);
  if (isCollectionNode(node)) for (const part of entries(node)) nodesInOrder(part, out);
  return out;
}
