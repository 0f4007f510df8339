import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import {
  type Document,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  type Pair,
  parseDocument,
  type Scalar,
  type ToStringOptions,
  visit,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { type Diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import { charWidth } from '../diagnostics/render/width.js';
import { parsePolicyText } from './parse.js';
import { Policy } from './schema/policy.js';

/**
 * `tierwise fmt`: one canonical layout for a policy, so that a pull request shows what changed
 * and never how someone's editor indents. Keys follow the order the schema declares them in,
 * collections of plain values that fit on a line are written inline, comments stay on the node
 * they were written on. The data never changes: the output is parsed again and compared.
 */

export interface FormatOptions {
  /** Absolute path of policy.schema.json, for the editor's `$schema` line; defaults to tierwise's own. */
  schemaFile?: string;
}

export interface FormatResult {
  /** The formatted text; absent when the file is not valid YAML. */
  text?: string;
  diagnostics: Diagnostic[];
}

export const MAX_FLOW_WIDTH = 100;

const OUTPUT: ToStringOptions = {
  indent: 2,
  indentSeq: true,
  // Never fold a long description across lines: a diff should show the sentence that changed.
  lineWidth: 0,
  minContentWidth: 0,
  flowCollectionPadding: true,
  defaultStringType: 'PLAIN',
  defaultKeyType: null,
};

const DEFAULT_SCHEMA_FILE = fileURLToPath(new URL('../../schemas/policy.schema.json', import.meta.url));
const MODELINE = /^\s*yaml-language-server:\s*\$schema=/m;

type Collection = YAMLMap<unknown, unknown> | YAMLSeq<unknown>;

export function formatPolicyText(text: string, file?: string, options: FormatOptions = {}): FormatResult {
  // YAML reads CR LF and CR as LF inside scalars too, so this changes no value; it keeps the
  // comment positions below in one line-ending convention.
  const parsed = parsePolicyText(text.replace(/\r\n?/g, '\n'), file);
  const { document } = parsed;
  if (!document || !isMap(document.contents) || hasErrors(parsed.diagnostics)) {
    return { diagnostics: parsed.diagnostics };
  }
  const root = document.contents;
  reattachTrailingComments(document, parsed.text);
  // Below the last key, yaml reads a comment back as the document's; write it there.
  document.comment = joinComments(root.comment, document.comment);
  root.comment = null;
  const pinned = liftHeader(document, root);
  // Moving a key would put an alias before its anchor; a file with aliases keeps its key order.
  canonicalise(root, Policy, 'root', !containsAlias(document));
  const first = root.items[0]?.key;
  if (isScalar(first)) first.commentBefore = joinComments(pinned, first.commentBefore);
  addSchemaLine(document, root, file, options.schemaFile ?? DEFAULT_SCHEMA_FILE);
  chooseStyles(root, 'root');
  const out = render(document);
  const again = parsePolicyText(out, file);
  if (hasErrors(again.diagnostics) || !isDeepStrictEqual(again.value, parsed.value)) {
    throw new Error(`fmt changed the data of ${file ?? 'a policy'}: a tierwise bug, please report it`);
  }
  return { text: out, diagnostics: parsed.diagnostics };
}

// ── schema-derived key order ────────────────────────────────────────────────────────────────

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

/** Where a collection sits decides where yaml writes a comment that stands above its first item. */
type Place = 'root' | 'value' | 'item';

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

/**
 * Strings are quoted only where plain text would read as something else, booleans are true or
 * false, null is `null` (an empty entry of an inline list would be dropped by the next read).
 * Invisible and direction-changing characters stay escaped, or a diff could read unlike the data.
 */
function normaliseScalar(node: Scalar): void {
  if (typeof node.value === 'string') node.type = INVISIBLE.test(node.value) ? 'QUOTE_DOUBLE' : undefined;
  else if (typeof node.value === 'boolean' || node.value === null) node.source = undefined;
}

const INVISIBLE = /[\u0085\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
/** yaml writes these raw even in double quotes; in a comment an escape reads just as well. */
const escapeInvisible = (text: string) =>
  text.replace(
    new RegExp(INVISIBLE.source, 'g'),
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

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

// ── comments ───────────────────────────────────────────────────────────────────────────────

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
function reattachTrailingComments(document: Document, text: string): void {
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
  if (!isScalar(key) || !key.range || !(isMap(value) || isSeq(value)) || value.flow) return;
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

const joinComments = (...parts: (string | null | undefined)[]) =>
  parts.filter((p): p is string => Boolean(p)).join('\n') || null;

const columnAt = (text: string, offset: number) => offset - (text.lastIndexOf('\n', offset - 1) + 1);

/**
 * The comments above the first key are the file's header down to the last blank line (yaml files
 * them under the first key, which sorting may move); without a blank line only the editor's
 * `$schema` line is header. The header goes to the document; what it returns is put back above
 * whichever key comes first once keys are sorted.
 */
function liftHeader(document: Document, root: YAMLMap<unknown, unknown>): string | null {
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

function addSchemaLine(
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

// ── layout ──────────────────────────────────────────────────────────────────────────────────

/** Inline (`{ type: number, unit: CNY }`) when every value is a plain one-line scalar and nothing in it carries a comment. */
function chooseStyles(node: unknown, place: Place): void {
  if (!isMap(node) && !isSeq(node)) return;
  for (const item of node.items) {
    chooseStyles(isPair(item) ? item.value : item, isPair(item) ? 'value' : 'item');
    // Inline, a comment on the key's line would have nowhere to go but below the value.
    if (isPair(item) && (isMap(item.value) || isSeq(item.value)) && isScalar(item.key) && item.key.comment)
      item.value.flow = false;
  }
  node.flow = place !== 'root' && fitsFlow(node, place);
  // A blank line between entries would be written inside the braces.
  if (node.flow) for (const part of entries(node)) if (isNode(part)) part.spaceBefore = false;
}

const entries = (node: Collection) =>
  (node.items as unknown[]).flatMap((item) => (isPair(item) ? [item.key, item.value] : [item]));

function fitsFlow(node: Collection, place: Place): boolean {
  // Above a list item a comment stands above the dash in either style; elsewhere it is inside.
  if (node.commentBefore && place !== 'item') return false;
  // A comment below a block collection would become a line comment of the inline form.
  if (node.comment && (!node.flow || node.comment.includes('\n'))) return false;
  return entries(node).every(
    (part) =>
      part === null ||
      (isScalar(part) &&
        !part.commentBefore &&
        !part.comment &&
        !(typeof part.value === 'string' && part.value.includes('\n'))),
  );
}

/**
 * Renders, then measures each inline collection where it landed (indentation, key and quoting
 * included) and writes the ones wider than MAX_FLOW_WIDTH as blocks. Only leaf collections are
 * inline, so a line holds at most one and one correction is enough.
 */
function render(document: Document): string {
  const text = escapeInvisible(document.toString(OUTPUT));
  const before = collections(document.contents);
  const after = collections(parseDocument(text).contents);
  if (before.length !== after.length) throw new Error('fmt: rendered YAML does not match its tree');
  let narrowed = false;
  before.forEach((node, i) => {
    const end = after[i]?.range?.[1];
    if (node.flow && end !== undefined && widthBefore(text, end) > MAX_FLOW_WIDTH) {
      node.flow = false;
      narrowed = true;
    }
  });
  return narrowed ? escapeInvisible(document.toString(OUTPUT)) : text;
}

function collections(node: unknown, out: Collection[] = []): Collection[] {
  if (!isMap(node) && !isSeq(node)) return out;
  out.push(node);
  for (const item of node.items) collections(isPair(item) ? item.value : item, out);
  return out;
}

/** Columns from the start of the line to an offset; editors give a Chinese character two. */
function widthBefore(text: string, offset: number): number {
  let width = 0;
  for (const char of text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset))
    width += charWidth(char.codePointAt(0)!);
  return width;
}
