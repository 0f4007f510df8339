// The policy text as the analyst wrote it, edited in place. The form never writes the YAML from an
// object: a value the form changes is replaced where it stands in the text, so comments, key
// order, flow or block style and blank lines stay exactly as they were. Pure (no DOM): tested in
// test/ui/editor-document.test.ts.
import { type Document, isScalar, isSeq, type Node, parseDocument, Scalar } from 'yaml';

export type Path = readonly (string | number)[];

/** What the form reads: the plain data of the text, or nothing while the text does not parse. */
export function readPolicy(text: string): Record<string, unknown> | undefined {
  const document = parseDocument(text, { prettyErrors: false });
  if (document.errors.length > 0) return undefined;
  const data = document.toJS({ maxAliasCount: 10_000 }) as unknown;
  return data !== null && typeof data === 'object' && !Array.isArray(data)
    ? (data as Record<string, unknown>)
    : undefined;
}

/** The value at `path` in the text (undefined when absent or when the text does not parse). */
export function valueAt(text: string, path: Path): unknown {
  let value: unknown = readPolicy(text);
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/**
 * The text with the value at `path` set. A scalar that is already there is replaced in the text
 * itself, its quoting kept; anything else (a key that is not there yet, a list or map as the value)
 * goes through the yaml Document (setIn, then toString), which also keeps comments. A text that
 * does not parse is returned as it is: the YAML view shows why.
 */
export function setValue(text: string, path: Path, value: unknown): string {
  const document = parseDocument(text, { keepSourceTokens: true });
  if (document.errors.length > 0) return text;
  const node = document.getIn(path, true) as Node | undefined;
  if (isScalar(node) && isPlainValue(value)) {
    const spliced = spliceScalar(text, node, value, path);
    if (spliced !== undefined) return spliced;
  }
  document.setIn(path, isPlainValue(value) ? value : document.createNode(value));
  return render(document);
}

/** The text without the entry at `path` (a key of a map, an item of a list). */
export function deleteValue(text: string, path: Path): string {
  const document = parseDocument(text);
  if (document.errors.length > 0 || !document.hasIn(path)) return text;
  document.deleteIn(path);
  return render(document);
}

/** The text with `value` appended to the list at `path` (created when missing). */
export function appendValue(text: string, path: Path, value: unknown): string {
  const document = parseDocument(text);
  if (document.errors.length > 0) return text;
  const list = document.getIn(path, true);
  if (isSeq(list)) list.add(document.createNode(value));
  else document.setIn(path, document.createNode([value]));
  return render(document);
}

type PlainValue = string | number | boolean | null;

const isPlainValue = (value: unknown): value is PlainValue =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value);

// lineWidth 0: yaml would otherwise fold long descriptions and labels the author kept on one line.
const render = (document: Document) => document.toString({ lineWidth: 0 });

/**
 * Replaces a scalar's source (not its trailing comment) with the new value written as the old one
 * was: quoted the same way, else plain, else double-quoted. Each candidate is parsed back and
 * kept only if the path then holds exactly the value, so a string that would read as a number or
 * break a flow map is never written.
 */
function spliceScalar(text: string, node: Scalar, value: PlainValue, path: Path): string | undefined {
  const [start, end] = node.range ?? [];
  if (start === undefined || end === undefined) return undefined;
  const block = node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL;
  if (block) return undefined;
  for (const source of candidates(value, node.type)) {
    const next = text.slice(0, start) + source + text.slice(end);
    const reread = parseDocument(next);
    if (reread.errors.length === 0 && Object.is(reread.getIn(path), value)) return next;
  }
  return undefined;
}

function candidates(value: PlainValue, type: Scalar['type']): string[] {
  if (typeof value !== 'string') return [String(value)];
  const single = `'${value.replaceAll("'", "''")}'`;
  const double = JSON.stringify(value);
  if (type === Scalar.QUOTE_SINGLE) return [single, double];
  if (type === Scalar.QUOTE_DOUBLE) return [double];
  return value.includes('\n') ? [double] : [value, single, double];
}
