import { type Document, isMap, isNode, isScalar, isSeq, Scalar, visit, type YAMLMap } from 'yaml';
import { Policy } from '../schema/policy.js';
import { joinComments } from './comments.js';
import { normaliseScalar } from './scalars.js';
import type { Place } from './tree.js';

/**
 * Keys in the order the schema declares them, so that two policies read alike; maps whose keys the
 * author chooses (facts, metrics, classifiers) keep the author's order.
 */

type SchemaNode = Readonly<Record<string, unknown>>;
interface MapShape {
  /** Declared property → position; undefined for maps keyed by the author (facts, metrics, …). */
  order?: ReadonlyMap<string, number>;
  child(key: string): SchemaNode | undefined;
}

const asSchema = (value: unknown): SchemaNode | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as SchemaNode) : undefined;

/** Recursive schemas (Condition) refer to themselves by $id; collected once from the policy schema. */
const definitions = new Map<string, SchemaNode>();
(function collect(node: unknown): void {
  const schema = asSchema(node);
  if (schema && typeof schema.$id === 'string' && !definitions.has(schema.$id))
    definitions.set(schema.$id, schema);
  if (node !== null && typeof node === 'object') Object.values(node).forEach(collect);
})(Policy);

function branches(schema: SchemaNode | undefined, type: 'object' | 'array'): SchemaNode[] {
  const resolved = typeof schema?.$ref === 'string' ? definitions.get(schema.$ref) : schema;
  if (!resolved) return [];
  if (Array.isArray(resolved.anyOf)) return resolved.anyOf.flatMap((b) => branches(asSchema(b), type));
  return resolved.type === type ? [resolved] : [];
}

const shapes = new WeakMap<SchemaNode, MapShape>();
function mapShape(schema: SchemaNode | undefined): MapShape {
  if (!schema) return { child: () => undefined };
  const cached = shapes.get(schema);
  if (cached) return cached;
  const objects = branches(schema, 'object');
  const properties = Object.assign({}, ...objects.map((o) => asSchema(o.properties) ?? {})) as SchemaNode;
  const patterns = objects.flatMap((o) => Object.values(asSchema(o.patternProperties) ?? {}));
  const keys = Object.keys(properties);
  const shape: MapShape = {
    order: keys.length > 0 ? new Map(keys.map((key, i) => [key, i])) : undefined,
    child: (key) =>
      (Object.hasOwn(properties, key) ? asSchema(properties[key]) : undefined) ?? asSchema(patterns[0]),
  };
  shapes.set(schema, shape);
  return shape;
}

const itemSchema = (schema: SchemaNode | undefined) => asSchema(branches(schema, 'array')[0]?.items);

/** Sorts keys by the policy schema and normalises scalars, from the root down. */
export function canonicalisePolicy(document: Document, root: YAMLMap<unknown, unknown>): void {
  // Moving a key would put an alias before its anchor; a file with aliases keeps its key order.
  canonicalise(root, Policy, 'root', !containsAlias(document));
}

function canonicalise(node: unknown, schema: SchemaNode | undefined, place: Place, sortKeys: boolean): void {
  // A blank line between a key and its value says nothing.
  if (place === 'value' && isNode(node)) node.spaceBefore = false;
  if (isScalar(node)) normaliseScalar(node);
  else if (isSeq(node)) {
    for (const item of node.items) canonicalise(item, itemSchema(schema), 'item', sortKeys);
    if (isNode(node.items[0])) node.items[0].spaceBefore = false;
  } else if (isMap(node)) canonicaliseMap(node, mapShape(schema), place, sortKeys);
}

function canonicaliseMap(
  map: YAMLMap<unknown, unknown>,
  shape: MapShape,
  place: Place,
  sortKeys: boolean,
): void {
  for (const pair of map.items) {
    if (isScalar(pair.key)) normaliseScalar(pair.key);
    // `{ k, c: 1 }` gives k no value node, but `k: null` written back reads as one: the tree and
    // its rendering must hold the same nodes to be paired (render.ts).
    if (pair.value === null) pair.value = new Scalar(null);
    canonicalise(pair.value, shape.child(keyText(pair.key)), 'value', sortKeys);
  }
  // Under `key:` a comment above the first entry belongs to that entry and moves with it.
  if (place === 'value') moveCommentToFirstKey(map);
  const { order } = shape;
  if (sortKeys && order) {
    const rank = (key: unknown) => order.get(keyText(key)) ?? order.size;
    map.items.sort((a, b) => rank(a.key) - rank(b.key));
  }
  const first = map.items[0]?.key;
  if (!isScalar(first)) return;
  first.spaceBefore = false;
  // In a list item yaml writes the first key's comment after the dash; above the dash it stays put.
  if (place === 'item' && first.commentBefore) {
    map.commentBefore = joinComments(map.commentBefore, first.commentBefore);
    first.commentBefore = null;
  }
}

function moveCommentToFirstKey(map: YAMLMap<unknown, unknown>): void {
  const first = map.items[0]?.key;
  if (!map.commentBefore || !isScalar(first)) return;
  first.commentBefore = joinComments(map.commentBefore, first.commentBefore);
  map.commentBefore = null;
}

const keyText = (key: unknown) => (isScalar(key) ? String(key.value) : '');

function containsAlias(document: Document): boolean {
  let found = false;
  visit(document, {
    Alias: () => {
      found = true;
      return visit.BREAK;
    },
  });
  return found;
}
