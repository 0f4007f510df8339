import { dirname, relative, resolve, sep } from 'node:path';
import { type Document, isMap, isNode, isPair, isScalar, isSeq, type Pair, type YAMLMap } from 'yaml';
import type { Collection } from './tree.js';

/**
 * Comments stay on the node they were written on. yaml attaches most of them well; these are the
 * places where it does not, or where sorting keys would carry a comment away from its line.
 */

const MODELINE = /^\s*yaml-language-server:\s*\$schema=/m;

export const joinComments = (...parts: (string | null | undefined)[]) =>
  parts.filter((p): p is string => Boolean(p)).join('\n') || null;

interface Frame {
  node: Collection;
  column: number;
  /** The item on the way down to the collection being looked at. */
  index: number;
}
interface CommentLine {
  text: string;
  column?: number;
}

/**
 * yaml files every comment after the last entry of a block collection under that collection,
 * however little it is indented: `# Tiers` written at column 0 above `tiers:` would be rewritten
 * inside the section before it. Here each such line goes where its indentation puts it: the
 * collection at that depth, or the entry that follows.
 */
export function reattachTrailingComments(document: Document, text: string): void {
  const walk = (node: unknown, chain: Frame[]): void => {
    if ((!isMap(node) && !isSeq(node)) || node.flow || !node.range) return;
    const frame: Frame = { node, column: columnAt(text, node.range[0]), index: 0 };
    const path = [...chain, frame];
    if (node.comment) redistribute(document, path, commentLines(text, node.range[1], node.range[2]));
    node.items.forEach((item, i) => {
      frame.index = i;
      if (isPair(item)) keepKeyLineComment(item, text);
      walk(isPair(item) ? item.value : item, path);
    });
  };
  walk(document.contents, []);
}

/** `facts:   # what the policy reads`: yaml files it above the first fact; it stays on its line. */
function keepKeyLineComment(pair: Pair<unknown, unknown>, text: string): void {
  const { key, value } = pair;
  if (!isScalar(key) || !key.range || !(isMap(value) || isSeq(value))) return;
  if (!value.range || !value.commentBefore) return;
  const between = text.slice(key.range[1], value.range[0]);
  if (!between.split('\n')[0]?.includes('#')) return;
  const [line, ...rest] = value.commentBefore.split('\n');
  key.comment = joinComments(key.comment, line);
  value.commentBefore = joinComments(rest.join('\n').replace(/^\n+/, ''));
}

function redistribute(document: Document, path: Frame[], lines: CommentLine[] | undefined): void {
  const self = path.length - 1;
  const collection = path[self]!.node;
  // A blank line between the last comment and the next entry shows as trailing newlines.
  if (!lines || joinLines(lines) !== collection.comment?.replace(/\n+$/, '')) return;
  const groups = new Map<number, { lines: string[]; spaced: boolean }>();
  let level = self;
  let blanks = 0;
  for (const line of lines) {
    if (line.column === undefined) {
      blanks++;
      continue;
    }
    while (level > 0 && path[level]!.column > line.column) level--;
    const group = groups.get(level) ?? { lines: [], spaced: blanks > 0 };
    if (group.lines.length > 0) group.lines.push(...Array<string>(blanks).fill(''));
    group.lines.push(line.text);
    groups.set(level, group);
    blanks = 0;
  }
  // The deepest ancestor with an entry after the one we came through owns the next line of text.
  let next = self - 1;
  while (next >= 0 && path[next]!.index >= path[next]!.node.items.length - 1) next--;
  const after = next >= 0 ? path[next]!.node.items[path[next]!.index + 1] : undefined;
  const follower = isPair(after) ? after.key : after;
  const target = isNode(follower) ? follower : undefined;
  const ahead: string[] = [];
  let lastAhead = false;
  collection.comment = null;
  for (const [depth, group] of groups) {
    lastAhead = depth <= next && target !== undefined;
    if (target && lastAhead) {
      if (ahead.length === 0) target.spaceBefore ||= group.spaced;
      else if (group.spaced) ahead.push('');
      ahead.push(...group.lines);
    } else if (depth === 0 && next < 0) {
      document.comment = joinComments(group.lines.join('\n'), document.comment);
    } else {
      const owner = path[depth]!.node;
      owner.comment = joinComments(group.lines.join('\n'), owner.comment);
    }
  }
  if (!target) return;
  if (blanks > 0 && lastAhead) ahead.push('');
  else if (blanks > 0) target.spaceBefore = true;
  if (ahead.length > 0) target.commentBefore = joinComments(ahead.join('\n'), target.commentBefore);
}

/** The comment lines between a collection's last value and its end, or undefined if anything else is there. */
function commentLines(text: string, from: number, to: number): CommentLine[] | undefined {
  const rows = text.slice(from, to).split('\n');
  // What follows the last newline is the indentation of the next entry, not a blank line.
  if (rows.at(-1)?.trim() === '') rows.pop();
  // The first row may be the rest of the value's own line: a comment there stays where it is.
  const sameLine = from > 0 && text[from - 1] !== '\n';
  const out: CommentLine[] = [];
  for (const [i, row] of rows.entries()) {
    const trimmed = row.trim();
    if (trimmed === '' && i === 0 && sameLine) continue;
    if (trimmed === '') out.push({ text: '' });
    else if (!trimmed.startsWith('#')) return undefined;
    else {
      const column = i === 0 && sameLine ? Number.POSITIVE_INFINITY : row.indexOf('#');
      out.push({ text: trimmed.slice(1) || ' ', column });
    }
  }
  return out;
}

const joinLines = (lines: CommentLine[]) =>
  lines
    .map((l) => l.text)
    .join('\n')
    .replace(/^\n+|\n+$/g, '');

const columnAt = (text: string, offset: number) => offset - (text.lastIndexOf('\n', offset - 1) + 1);

/**
 * The comments above the first key are the file's header down to the last blank line (yaml files
 * them under the first key, which sorting may move); without a blank line only the editor's
 * `$schema` line is header. The header goes to the document; what it returns is put back above
 * whichever key comes first once keys are sorted.
 */
export function liftHeader(document: Document, root: YAMLMap<unknown, unknown>): string | null {
  const first = root.items[0]?.key;
  if (!isScalar(first)) return null;
  const lines = (joinComments(root.commentBefore, first.commentBefore) ?? '').split('\n');
  root.commentBefore = null;
  const blank = lines.lastIndexOf('');
  if (blank >= 0) {
    let start = blank;
    while (lines[start - 1] === '') start--;
    document.commentBefore = joinComments(document.commentBefore, lines.slice(0, start).join('\n'));
    first.commentBefore = joinComments(lines.slice(blank + 1).join('\n'));
    return null;
  }
  let modelines = 0;
  while (modelines < lines.length && MODELINE.test(lines[modelines]!)) modelines++;
  first.commentBefore = joinComments(lines.slice(modelines).join('\n'));
  return joinComments(lines.slice(0, modelines).join('\n'));
}

export function addSchemaLine(
  document: Document,
  root: YAMLMap<unknown, unknown>,
  file: string | undefined,
  schemaFile: string,
): void {
  const first = root.items[0]?.key;
  if (file === undefined || !isScalar(first)) return;
  if (MODELINE.test(document.commentBefore ?? '') || MODELINE.test(first.commentBefore ?? '')) return;
  const path = relative(dirname(resolve(file)), schemaFile)
    .split(sep)
    .join('/');
  const line = ` yaml-language-server: $schema=${path}`;
  if (document.commentBefore) document.commentBefore = joinComments(line, document.commentBefore);
  else first.commentBefore = joinComments(line, first.commentBefore);
}
