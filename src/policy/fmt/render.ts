import { type Document, type Node, parseDocument, type ToStringOptions } from 'yaml';
import { charWidth } from '../../diagnostics/render/width.js';
import { escapeInvisible } from './scalars.js';
import { nodesInOrder } from './tree.js';

/** Editors and review tools show about this many columns; the layout keeps lines within it. */
export const MAX_WIDTH = 100;

const OUTPUT: ToStringOptions = {
  indent: 2,
  indentSeq: true,
  // yaml would break long inline collections and long strings on its own count of characters;
  // fmt decides both itself, measuring display columns on the text it wrote.
  lineWidth: 0,
  minContentWidth: 0,
  flowCollectionPadding: true,
  defaultStringType: 'PLAIN',
  defaultKeyType: null,
};

/** The text of a document, and where each node of its tree landed in it. */
export interface Rendering {
  text: string;
  /** Node of the tree → the same node read back from `text`, whose range is its place there. */
  placed: ReadonlyMap<Node, Node>;
}

export function render(document: Document): Rendering {
  const text = escapeInvisible(document.toString(OUTPUT));
  const before = nodesInOrder(document.contents);
  // Keys were checked when the policy was read; yaml's own check is quadratic in a mapping's size.
  const after = nodesInOrder(parseDocument(text, { uniqueKeys: false }).contents);
  if (before.length !== after.length) throw new Error('fmt: rendered YAML does not match its tree');
  return { text, placed: new Map(before.map((node, i) => [node, after[i]!])) };
}

export const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;

/** Display columns of a piece of one line; editors give a Chinese character two. */
export function displayWidth(line: string): number {
  let width = 0;
  for (const char of line) width += charWidth(char.codePointAt(0)!);
  return width;
}

/** Whether the node was written on one line that ends within MAX_WIDTH columns. */
export function fitsOneLine(text: string, placed: Node | undefined): boolean {
  const range = placed?.range;
  if (!range) return false;
  const written = text.slice(lineStart(text, range[0]), range[1]);
  return !written.includes('\n') && displayWidth(written) <= MAX_WIDTH;
}
