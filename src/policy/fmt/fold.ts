import { type Document, isPair, isScalar, type Node, parse, type Scalar } from 'yaml';
import { displayWidth, lineStart, MAX_WIDTH, type Rendering, render } from './render.js';
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
  const long: Scalar[] = [];
  for (const { scalar, indent } of blockStrings(document.contents, laidOut)) {
    if (!overflows(laidOut.text, laidOut.placed.get(scalar))) continue;
    if (foldsWithin(scalar.value as string, MAX_WIDTH - indent)) long.push(scalar);
  }
  if (long.length === 0) return laidOut.text;
  for (const scalar of long) scalar.type = 'BLOCK_FOLDED';
  const folded = render(document);
  // From the end, so that each splice leaves the offsets of the ones before it in place.
  const starts = long.map((scalar) => ({ scalar, at: folded.placed.get(scalar)?.range?.[0] ?? -1 }));
  starts.sort((a, b) => b.at - a.at);
  return starts.reduce((text, { scalar, at }) => spliceFolded(text, at, scalar.value as string), folded.text);
}

/** Whether the text runs past MAX_WIDTH where it was written; a block's header line holds none of it. */
function overflows(text: string, placed: Node | undefined): boolean {
  if (!isScalar(placed) || !placed.range) return false;
  const lines = text.slice(lineStart(text, placed.range[0]), placed.range[1]).split('\n');
  const block = placed.type === 'BLOCK_LITERAL' || placed.type === 'BLOCK_FOLDED';
  return (block ? lines.slice(1) : lines).some((line) => displayWidth(line) > MAX_WIDTH);
}

/**
 * yaml wrote the text on one line below the `>-` header at `at`; it becomes the lines `foldLines`
 * chooses for that indentation. Anything else yaml may have written is left as it is.
 */
function spliceFolded(text: string, at: number, value: string): string {
  const start = text.indexOf('\n', at) + 1;
  const end = text.indexOf('\n', start);
  const line = text.slice(start, end);
  const body = value.replace(/\n$/, '');
  const indent = line.slice(0, line.length - body.length);
  if (at < 0 || start === 0 || end < 0 || !line.endsWith(body) || indent.trim() !== '') return text;
  const lines = foldLines(value, MAX_WIDTH - indent.length);
  if (lines?.join(' ') !== body) return text;
  return text.slice(0, start) + lines.map((l) => indent + l).join('\n') + text.slice(end);
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

/** What yaml writes only in double quotes, whatever style was asked for. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const NEEDS_ESCAPE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;

/**
 * The lines of a folded block holding `value`, each within `width` columns where a space allows;
 * undefined when a folded block could not give back the same string.
 */
function foldLines(value: string, width: number): string[] | undefined {
  const body = value.endsWith('\n') ? value.slice(0, -1) : value;
  // A line that starts with a blank is "more indented" and keeps its break; a blank at the end
  // is invisible in an editor and lost to the first one that trims lines; a line that starts
  // with `#` is text, but reads as a comment.
  if (
    body.includes('\n') ||
    /^[ \t#]|[ \t]$/.test(body) ||
    body === '' ||
    NEEDS_ESCAPE.test(body) ||
    INVISIBLE.test(body)
  ) {
    return undefined;
  }
  // A single space between two visible characters reads back as the line break that replaced it.
  const words = body.split(/(?<=[^ \t]) (?=[^ \t#])/);
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
  return readsBack(lines, value) ? lines : undefined;
}

/** Whether a folded block helps: it breaks the text, or fits it below its key. */
function foldsWithin(value: string, width: number): boolean {
  const lines = foldLines(value, width);
  return lines !== undefined && (lines.length > 1 || displayWidth(lines[0]!) <= width);
}

function readsBack(lines: string[], value: string): boolean {
  const chomp = value.endsWith('\n') ? '' : '-';
  return parse(`>${chomp}\n${lines.map((l) => `  ${l}`).join('\n')}\n`) === value;
}
