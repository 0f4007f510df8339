import { type Document, isAlias, isNode, isPair, isScalar, type Node, type Scalar, type YAMLMap } from 'yaml';
import { fitsOneLine, type Rendering, render } from './render.js';
import { type Collection, children, entries, isCollectionNode, type Place } from './tree.js';

/**
 * Flow or block. Below the sections, a collection is written inline when it holds no comment and
 * its inline form, where it lands (indentation and key included), fits MAX_WIDTH columns;
 * otherwise it is a block and each entry is laid out by the same rule. A section (the value of a
 * top-level key) is inline only when it holds nothing but plain values: `metadata: { … }` and
 * `score: { … }` read well on a line, `tiers:` or `facts:` folded onto one never do.
 *
 * Widths are measured on the rendered text, not estimated: a collection's place depends only on
 * the blocks around it, so the outermost candidates are rendered inline, the ones too wide become
 * blocks, and their entries are tried next, until everything inline fits.
 */
export function layOut(document: Document, root: YAMLMap<unknown, unknown>): Rendering {
  const plan = planLayout(root);
  const tooWide = new Set<Collection>();
  for (;;) {
    const inline = applyLayout(plan, root, tooWide);
    const rendering = render(document);
    const wide = inline.filter((node) => !fitsOneLine(rendering.text, rendering.placed.get(node)));
    if (wide.length === 0) return rendering;
    for (const node of wide) tooWide.add(node);
  }
}

/** Where a list item's line comment goes when the item is a block: after its first entry. */
type LineTarget = { scalar: Scalar } | { collection: Collection };

interface Plan {
  /** Collections that may be inline: nothing in them carries a comment or spans lines. */
  candidates: Set<Collection>;
  /** The comment on the line each collection starts on, held apart while the layout is chosen. */
  lineComments: Map<Collection, string>;
  /** The key of each collection that is a pair's value. */
  keyOf: Map<Collection, Scalar>;
  firstLine: Map<Collection, LineTarget>;
  /** Blank lines above entries, dropped inside braces and put back if the collection is a block. */
  spaced: Set<Node>;
}

function planLayout(root: YAMLMap<unknown, unknown>): Plan {
  const plan: Plan = {
    candidates: new Set(),
    lineComments: new Map(),
    keyOf: new Map(),
    firstLine: new Map(),
    spaced: new Set(),
  };
  const visit = (node: unknown, place: Place, depth: number, key?: unknown): void => {
    if (isNode(node) && node.spaceBefore) plan.spaced.add(node);
    if (!isCollectionNode(node)) return;
    if (place === 'value' && isScalar(key)) plan.keyOf.set(node, key);
    takeLineComment(plan, node, place);
    for (const item of node.items) {
      if (isPair(item)) {
        if (isNode(item.key) && item.key.spaceBefore) plan.spaced.add(item.key);
        visit(item.value, 'value', depth + 1, item.key);
      } else visit(item, 'item', depth + 1);
    }
    if (place !== 'root' && mayBeInline(plan, node, place, depth)) plan.candidates.add(node);
  };
  visit(root, 'root', 0);
  for (const node of plan.lineComments.keys()) {
    const target = plan.keyOf.has(node) ? undefined : firstLineTarget(plan, node);
    if (target) plan.firstLine.set(node, target);
  }
  return plan;
}

/**
 * `key: { … } # why` and `key: # why` above a block are one comment in two layouts, so it follows
 * the collection: after the braces when inline, after the key when a block. A list item's goes
 * after the item's first entry when the item becomes a block (`- id: vip # why`).
 */
function takeLineComment(plan: Plan, node: Collection, place: Place): void {
  const own = node.flow && isOneLine(node.comment) ? node.comment : null;
  const key = plan.keyOf.get(node);
  if (key) {
    const onKey = isOneLine(key.comment) ? key.comment : null;
    // Two comments on one line cannot both stay there; each keeps its node, the layout a block.
    if (onKey && own) return;
    const comment = onKey ?? own;
    if (!comment) return;
    plan.lineComments.set(node, comment);
    if (onKey) key.comment = null;
    else node.comment = null;
  } else if (place === 'item' && own) {
    plan.lineComments.set(node, own);
    node.comment = null;
  }
}

function firstLineTarget(plan: Plan, node: Collection): LineTarget | undefined {
  const first = node.items[0];
  if (!isPair(first)) return undefined;
  if (isScalar(first.value) && !first.value.comment) return { scalar: first.value };
  const { value } = first;
  if (
    isCollectionNode(value) &&
    plan.keyOf.has(value) &&
    !plan.lineComments.has(value) &&
    !plan.keyOf.get(value)!.comment
  )
    return { collection: value };
  return undefined;
}

const isOneLine = (comment: string | null | undefined): comment is string =>
  Boolean(comment) && !comment!.includes('\n');

function mayBeInline(plan: Plan, node: Collection, place: Place, depth: number): boolean {
  // Above a list item a comment stands above the dash in either style; elsewhere it is inside.
  if (node.commentBefore && place !== 'item') return false;
  // Left on the node, a comment is one below a block or one that shares its line with another.
  if (node.comment || plan.keyOf.get(node)?.comment) return false;
  if (depth === 1) return entries(node).every((part) => part === null || isPlainScalar(part));
  return (node.items as unknown[]).every((item) =>
    isPair(item) ? isPlainScalar(item.key) && isInlineEntry(plan, item.value) : isInlineEntry(plan, item),
  );
}

function isInlineEntry(plan: Plan, part: unknown): boolean {
  if (part === null) return true;
  if (isAlias(part)) return false;
  if (isScalar(part)) return isPlainScalar(part);
  return (
    isCollectionNode(part) && plan.candidates.has(part) && !part.commentBefore && !plan.lineComments.has(part)
  );
}

/** A one-line scalar without comments: text with line breaks is a block scalar, never inline. */
const isPlainScalar = (part: unknown): boolean =>
  part === null ||
  (isScalar(part) &&
    !part.commentBefore &&
    !part.comment &&
    !(typeof part.value === 'string' && part.value.includes('\n')));

/** Sets every collection's style for this round; returns the outermost inline ones, to measure. */
function applyLayout(plan: Plan, root: Collection, tooWide: ReadonlySet<Collection>): Collection[] {
  const inline: Collection[] = [];
  const inherited = new Map<Collection, string>();
  const walk = (node: Collection): void => {
    const flow = plan.candidates.has(node) && !tooWide.has(node);
    if (flow) inline.push(node);
    setStyle(plan, node, flow);
    placeLineComment(plan, node, flow, inherited);
    if (!flow) for (const child of children(node)) if (isCollectionNode(child)) walk(child);
  };
  walk(root);
  return inline;
}

function setStyle(plan: Plan, node: Collection, flow: boolean): void {
  node.flow = flow;
  for (const part of entries(node)) {
    // A blank line between entries would be written inside the braces.
    if (isNode(part)) part.spaceBefore = !flow && plan.spaced.has(part);
    if (flow && isCollectionNode(part)) setStyle(plan, part, true);
  }
}

function placeLineComment(plan: Plan, node: Collection, flow: boolean, inherited: Map<Collection, string>) {
  const comment = plan.lineComments.get(node) ?? inherited.get(node);
  if (!comment) return;
  const key = plan.keyOf.get(node);
  const target = plan.firstLine.get(node);
  // A block's own comment, below it, is not this one; a block that was inline last round has none.
  if (flow || (!key && !target)) node.comment = comment;
  else if (plan.candidates.has(node)) node.comment = null;
  if (key) key.comment = flow ? null : comment;
  if (target && 'scalar' in target) target.scalar.comment = flow ? null : comment;
  if (target && 'collection' in target) {
    if (flow) inherited.delete(target.collection);
    else inherited.set(target.collection, comment);
  }
}
