import { type Document, isPair, isScalar, type Node, parse, type Scalar } from 'yaml';
import { displayWidth, MAX_WIDTH, type Rendering, render, widestLine } from './render.js';
import { INVISIBLE } from './scalars.js';
import { type Collection, isCollectionNode } from './tree.js';

/**
 * Text with line breaks is written as a literal block (`|`), which yaml does by itself and which
 * keeps every break. A one-line text whose line runs past MAX_WIDTH is folded (`>-`, or `>` when
 * it ends in a newline) at single spaces, so that a reader sees the sentence without scrolling and
 * reading it back gives the same string. Text that cannot fold that way (no space to break at,
 * spaces at its ends, characters that need escapes) stays on its line as it was written.
 */
export function foldLongText(document: Document, laidOut: Rendering): string {
  const widths = new Map<Scalar, number>();
  for (const { scalar, indent } of blockStrings(document.contents, laidOut)) {
    const placed = laidOut.placed.get(scalar)?.range;
    if (!placed || widestLine(laidOut.text, placed[0], placed[1]) <= MAX_WIDTH) continue;
    const width = MAX_WIDTH - indent;
    if (folds(scalar.value as string, width)) widths.set(scalar, width);
  }
  if (widths.size === 0) return laidOut.text;
  for (const scalar of widths.keys()) scalar.type = 'BLOCK_FOLDED';
  const folded = render(document);
  let { text } = folded;
  // From the end, so that each splice leaves the offsets of the ones before it in place.
  const spliced = [...widths].map(([scalar, width]) => ({ scalar, width, at: folded.placed.get(scalar) }));
  spliced.sort((a, b) => (b.at?.range?.[0] ?? 0) - (a.at?.range?.[0] ?? 0));
  for (const { scalar, width, at } of spliced) text = spliceFolded(text, at, scalar.value as string, width);
  return text;
}

/**
 * yaml wrote the folded text on one line below its header; it becomes the lines `foldLines` chose,
 * at the same indentation.
 */
function spliceFolded(text: string, at: Node | undefined, value: string, width: number): string {
  const start = at?.range ? text.indexOf('\n', at.range[0]) + 1 : 0;
  const body = value.replace(/\n$/, '');
  const end = text.indexOf('\n', start);
  const line = text.slice(start, end < 0 ? undefined : end);
  const indent = line.slice(0, line.length - body.length);
  if (start === 0 || !line.endsWith(body) || indent.trim() !== '' || MAX_WIDTH - indent.length !== width) {
    throw new Error('fmt: a folded string was not written where expected');
  }
  const lines = foldLines(value, width).map((l) => indent + l);
  return text.slice(0, start) + lines.join('\n') + (end < 0 ? '' : text.slice(end));
}

/** Strings that are values in block collections, with the indentation yaml gives a block scalar there. */
function* blockStrings(node: unknown, laidOut: Rendering): Generator<{ scalar: Scalar; indent: number }> {
  if (!isCollectionNode(node) || node.flow) return;
  const column = columnOf(laidOut, node);
  for (const item of node.items as unknown[]) {
    const value = isPair(item) ? item.value : item;
    if (isScalar(value) && typeof value.value === 'string') {
      yield { scalar: value, indent: column + 2 };
    } else yield* blockStrings(value, laidOut);
  }
}

/** The column a block collection's entries (keys, or dashes) start at. */
function columnOf(laidOut: Rendering, node: Collection): number {
  const offset = laidOut.placed.get(node)?.range?.[0] ?? 0;
  return offset - (laidOut.text.lastIndexOf('\n', offset - 1) + 1);
}

const NEEDS_ESCAPE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;

/**
 * The lines of a folded block holding `value`, each within `width` columns where a space allows;
 * `[value]` itself when a folded block could not give back the same string.
 */
export function foldLines(value: string, width: number): string[] {
  const body = value.endsWith('\n') ? value.slice(0, -1) : value;
  // A line that starts with a blank is "more indented" and keeps its break; a blank at the end
  // is invisible in an editor and lost to the first one that trims lines.
  if (
    body.includes('\n') ||
    /^[ \t]|[ \t]$/.test(body) ||
    body === '' ||
    NEEDS_ESCAPE.test(body) ||
    INVISIBLE.test(body)
  ) {
    return [value];
  }
  // A single space between two visible characters reads back as the line break that replaced it.
  const words = body.split(/(?<=[^ \t]) (?=[^ \t])/);
  const lines: string[] = [];
  let line = words[0]!;
  for (const word of words.slice(1)) {
    if (displayWidth(`${line} ${word}`) <= width) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  return readsBack(lines, value) ? lines : [value];
}

/** Whether the folded block is narrower than the line it replaces: it breaks, or fits below its key. */
function folds(value: string, width: number): boolean {
  const lines = foldLines(value, width);
  return lines[0] !== value && (lines.length > 1 || displayWidth(lines[0]!) <= width);
}

function readsBack(lines: string[], value: string): boolean {
  const chomp = value.endsWith('\n') ? '' : '-';
  return parse(`>${chomp}\n${lines.map((l) => `  ${l}`).join('\n')}\n`) === value;
}
