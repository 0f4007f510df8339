import { type Document, isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { joinPointer } from '../diagnostics/pointer.js';
import { msg, type Text } from '../i18n/text.js';
import { SourceMap } from './source-map.js';

export const DEFAULT_MAX_BYTES = 1024 * 1024;
/** A real policy has a few thousand nodes; a billion-laughs file hits this in milliseconds. */
const MAX_NODES = 200_000;
const MAX_ALIAS_EXPANSIONS = 10_000;

export interface ParsedYaml {
  /** Plain JSON data; undefined when the file could not be parsed at all. */
  value: unknown;
  sourceMap: SourceMap;
  document?: Document;
  text: string;
  diagnostics: Diagnostic[];
}

export function tooLarge(size: number, file: string | undefined, maxBytes: number): Diagnostic {
  return diagnostic('TW0002', msg('parse.tooLarge', { size, limit: maxBytes }), {
    file,
    help: msg('parse.tooLargeHelp'),
  });
}

/** Bytes → text, refusing what is too large, binary or not UTF-8. */
export function decodePolicyBytes(
  bytes: Uint8Array,
  file: string | undefined,
  maxBytes = DEFAULT_MAX_BYTES,
): { text?: string; diagnostics: Diagnostic[] } {
  if (bytes.byteLength > maxBytes) return { diagnostics: [tooLarge(bytes.byteLength, file, maxBytes)] };
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return {
      diagnostics: [
        diagnostic('TW0003', msg('parse.nulByte', { offset: nul }), {
          file,
          range: rangeAtOffset(bytes, nul),
        }),
      ],
    };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, diagnostics: [] };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    return {
      diagnostics: [
        diagnostic('TW0003', msg('parse.notUtf8', { offset }), {
          file,
          range: rangeAtOffset(bytes, offset),
          help: msg('parse.notUtf8Help'),
        }),
      ],
    };
  }
}

/** Text → plain data with a source map. Never throws for bad input. */
export function parsePolicyText(text: string, file?: string): ParsedYaml {
  const lines = new LineCounter();
  const sourceMap = new SourceMap(lines);
  const diagnostics: Diagnostic[] = [];
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  for (const error of document.errors) {
    const code =
      error.code === 'DUPLICATE_KEY' ? 'TW0005' : error.code === 'MULTIPLE_DOCS' ? 'TW0007' : 'TW0004';
    const message =
      code === 'TW0007' ? msg('parse.multipleDocuments') : yamlMessage(error.code, error.message);
    diagnostics.push(
      diagnostic(code, message, {
        file,
        range: sourceMap.rangeOfOffsets(error.pos[0], error.pos[1]),
      }),
    );
  }
  for (const warning of document.warnings) {
    diagnostics.push(
      diagnostic('TW0008', yamlMessage(warning.code, warning.message), {
        file,
        severity: 'warning',
        range: sourceMap.rangeOfOffsets(warning.pos[0], warning.pos[1]),
      }),
    );
  }
  if (diagnostics.some((d) => d.severity === 'error'))
    return { value: undefined, sourceMap, text, diagnostics };
  if (!isMap(document.contents)) {
    diagnostics.push(
      diagnostic('TW0007', msg('parse.notMapping'), {
        file,
        range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
      }),
    );
    return { value: undefined, sourceMap, text, diagnostics };
  }
  const size = expandedSize(document, document.contents);
  if (size.total > MAX_NODES) {
    const at = size.largestAlias?.range;
    diagnostics.push(
      diagnostic(
        'TW0006',
        msg('parse.aliasesExpandTo', {
          total: size.total > 1e15 ? undefined : size.total,
          limit: MAX_NODES,
        }),
        {
          file,
          range: at ? sourceMap.rangeOfOffsets(at[0], at[1]) : undefined,
          help: msg('parse.aliasesHelp'),
        },
      ),
    );
    return { value: undefined, sourceMap, text, diagnostics };
  }
  const builder = new DataBuilder(document, sourceMap, file);
  const value = builder.build(document.contents, '');
  diagnostics.push(...builder.diagnostics);
  return { value: builder.aborted ? undefined : value, sourceMap, document, text, diagnostics };
}

/**
 * How many values the tree holds once every alias is expanded, computed without expanding:
 * each anchored node's size is memoised, so a billion-laughs file is measured in microseconds.
 */
function expandedSize(
  document: Document,
  root: Node | null | undefined,
): { total: number; largestAlias?: Node } {
  const memo = new Map<Node, number>();
  let largestAlias: Node | undefined;
  let largest = 0;
  const sizeOf = (node: Node | null | undefined, depth: number): number => {
    if (node == null) return 1;
    const known = memo.get(node);
    if (known !== undefined) return known;
    let size = 1;
    // An alias to its own ancestor is a cycle; yaml reports it, and it must not recurse forever.
    if (depth > 10_000) return Number.POSITIVE_INFINITY;
    if (isAlias(node)) {
      size = sizeOf(node.resolve(document) as Node | undefined, depth + 1);
      if (size > largest) {
        largest = size;
        largestAlias = node;
      }
    } else if (isSeq(node)) {
      for (const item of node.items) size += sizeOf(item as Node, depth + 1);
    } else if (isMap(node)) {
      for (const pair of node.items)
        size += sizeOf(pair.key as Node, depth + 1) + sizeOf(pair.value as Node, depth + 1);
    }
    memo.set(node, size);
    return size;
  };
  return { total: sizeOf(root, 0), largestAlias };
}

/**
 * Builds plain data from the YAML tree, recording where each pointer stands. Written by hand
 * rather than with yaml's toJS so that `__proto__` becomes an ordinary own property, aliases
 * are expanded under a budget, and non-finite numbers are refused with a location.
 */
class DataBuilder {
  readonly diagnostics: Diagnostic[] = [];
  aborted = false;
  private nodes = 0;
  private aliases = 0;

  constructor(
    private readonly document: Document,
    private readonly sourceMap: SourceMap,
    private readonly file: string | undefined,
  ) {}

  build(node: Node | null | undefined, pointer: string, keySpan?: readonly [number, number]): unknown {
    if (this.aborted) return undefined;
    if (++this.nodes > MAX_NODES) return this.abort(node, msg('parse.tooManyValues', { limit: MAX_NODES }));
    if (node == null) return null;
    if (node.range) this.sourceMap.set(pointer, [node.range[0], node.range[1]], keySpan);
    if (isAlias(node)) {
      if (++this.aliases > MAX_ALIAS_EXPANSIONS)
        return this.abort(node, msg('parse.tooManyAliases', { limit: MAX_ALIAS_EXPANSIONS }));
      return this.build(node.resolve(this.document) as Node | undefined, pointer);
    }
    if (isScalar(node)) return this.scalar(node.value, node, pointer);
    if (isSeq(node)) return node.items.map((item, i) => this.build(item as Node, joinPointer(pointer, i)));
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        const key = isScalar(keyNode) && keyNode.value !== null ? String(keyNode.value) : undefined;
        if (key === undefined || (isScalar(keyNode) && typeof keyNode.value === 'object')) {
          this.unsupported(keyNode ?? node, msg('parse.keysPlainText'));
          continue;
        }
        const childPointer = joinPointer(pointer, key);
        const span = keyNode?.range ? ([keyNode.range[0], keyNode.range[1]] as const) : undefined;
        const child = this.build(pair.value as Node | null, childPointer, span);
        if (pair.value == null && span) this.sourceMap.set(childPointer, span, span);
        // defineProperty, not assignment: "__proto__" must stay data, never a prototype.
        Object.defineProperty(out, key, {
          value: child,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    return this.unsupported(node, msg('parse.unsupportedNode'));
  }

  private scalar(value: unknown, node: Node, pointer: string): unknown {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      return this.unsupported(node, msg('parse.notFinite', { value: String(value) }), pointer);
    }
    if (typeof value === 'bigint') return this.unsupported(node, msg('parse.integerTooLarge'), pointer);
    if (
      value instanceof Uint8Array ||
      value instanceof Date ||
      value instanceof Map ||
      value instanceof Set
    ) {
      return this.unsupported(node, msg('parse.onlyPlainValues'), pointer);
    }
    return value;
  }

  private unsupported(node: Node, message: Text, pointer?: string): undefined {
    const range = node.range ? this.sourceMap.rangeOfOffsets(node.range[0], node.range[1]) : undefined;
    this.diagnostics.push(diagnostic('TW0008', message, { file: this.file, range, pointer }));
    return undefined;
  }

  private abort(node: Node | null | undefined, message: Text): undefined {
    this.aborted = true;
    const range = node?.range ? this.sourceMap.rangeOfOffsets(node.range[0], node.range[1]) : undefined;
    this.diagnostics.push(
      diagnostic('TW0006', message, { file: this.file, range, help: msg('parse.aliasesHelp') }),
    );
    return undefined;
  }
}

/** yaml's message is English only: its first line stays the English text, its code picks the others. */
function yamlMessage(code: string, message: string): Text {
  return msg('parse.yaml', { code, detail: message.split('\n')[0] ?? message });
}

function rangeAtOffset(bytes: Uint8Array, offset: number) {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const position = { line, column: offset - lineStart + 1 };
  return { start: position, end: position };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // Largest prefix that decodes (allowing a cut multi-byte tail) bounds the bad byte from below.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  // The prefix may end inside the bad character: report where that character starts.
  for (let k = lo - 1; k >= Math.max(0, lo - 3); k--) {
    const byte = bytes[k]!;
    if (byte >= 0xc0) return k;
    if (byte < 0x80) break;
  }
  return lo;
}
