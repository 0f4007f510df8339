import { type Alias, type Document, isAlias, isMap, isScalar, isSeq, LineCounter, type Node } from 'yaml';
import type { Diagnostic, Range } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { joinPointer } from '../diagnostics/pointer.js';
import { msg, type Text } from '../i18n/text.js';
import { type ExpansionProblem, measureExpansion, resolveAliases } from './aliases.js';
import { composeYaml, MAX_DEPTH } from './compose.js';
import { SourceMap } from './source-map.js';

export const DEFAULT_MAX_BYTES = 1024 * 1024;
/** A real policy has a few thousand nodes; a billion-laughs file hits this in milliseconds. */
const MAX_NODES = 200_000;
const MAX_ALIAS_EXPANSIONS = 10_000;
/** How yaml names a standard tag (`!!float`) in the message of a tag it could not apply. */
const CORE_TAG = /tag:yaml\.org,2002:(\w+)/;

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
  const composed = composeYaml(text, lines);
  if ('tooDeepAt' in composed) {
    const at = composed.tooDeepAt;
    diagnostics.push(tooDeep(file, sourceMap.rangeOfOffsets(at, at)));
    return { value: undefined, sourceMap, text, diagnostics };
  }
  const { document } = composed;
  for (const error of document.errors) {
    // yaml reports a stack overflow as an error of its own; composeYaml keeps nesting below that.
    if (error.code === 'RESOURCE_EXHAUSTION') {
      diagnostics.push(tooDeep(file, sourceMap.rangeOfOffsets(error.pos[0], error.pos[1])));
      continue;
    }
    const code = error.code === 'MULTIPLE_DOCS' ? 'TW0007' : 'TW0004';
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
    const range = sourceMap.rangeOfOffsets(warning.pos[0], warning.pos[1]);
    // `!!float x`: a standard tag whose value is not of its kind. yaml keeps the text, but
    // writes it back as the tag's kind (.nan), so the value has no one meaning: an error.
    const core = warning.code === 'TAG_RESOLVE_FAILED' ? CORE_TAG.exec(warning.message) : null;
    if (core) {
      diagnostics.push(
        diagnostic('TW0008', msg('parse.coreTagMismatch', { tag: `!!${core[1]}` }), { file, range }),
      );
      continue;
    }
    diagnostics.push(
      diagnostic('TW0008', yamlMessage(warning.code, warning.message), { file, severity: 'warning', range }),
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
  const targets = resolveAliases(document.contents);
  const size = measureExpansion(document.contents, targets);
  if (size.problem) {
    diagnostics.push(expansionProblem(size.problem, file, sourceMap));
    return { value: undefined, sourceMap, text, diagnostics };
  }
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
  const builder = new DataBuilder(targets, sourceMap, file, text);
  const value = builder.build(document.contents, '');
  diagnostics.push(...builder.diagnostics);
  return { value: builder.failed ? undefined : value, sourceMap, document, text, diagnostics };
}

function tooDeep(file: string | undefined, range: Range | undefined): Diagnostic {
  return diagnostic('TW0012', msg('parse.tooDeep', { limit: MAX_DEPTH }), {
    file,
    range,
    help: msg('parse.tooDeepHelp'),
  });
}

function expansionProblem(problem: ExpansionProblem, file: string | undefined, sourceMap: SourceMap) {
  const node = problem.kind === 'tooDeep' ? problem.at : problem.alias;
  const range = node.range ? sourceMap.rangeOfOffsets(node.range[0], node.range[1]) : undefined;
  if (problem.kind === 'tooDeep') return tooDeep(file, range);
  const name = problem.alias.source;
  if (problem.kind === 'aliasCycle')
    return diagnostic('TW0013', msg('parse.aliasCycle', { name }), {
      file,
      range,
      help: msg('parse.aliasCycleHelp'),
    });
  return diagnostic('TW0014', msg('parse.undefinedAlias', { name }), {
    file,
    range,
    help: msg('parse.undefinedAliasHelp'),
  });
}

/**
 * Builds plain data from the YAML tree, recording where each pointer stands. Written by hand
 * rather than with yaml's toJS so that `__proto__` becomes an ordinary own property, aliases
 * are expanded under a budget, and non-finite numbers are refused with a location.
 */
class DataBuilder {
  readonly diagnostics: Diagnostic[] = [];
  /** The data is not the file's: expansion was cut short, or a mapping repeats a key. */
  failed = false;
  private aborted = false;
  private nodes = 0;
  private aliases = 0;
  /** Mappings already checked for repeated keys: an alias expands one mapping many times. */
  private readonly keysChecked = new Set<Node>();

  constructor(
    private readonly targets: ReadonlyMap<Alias, Node | undefined>,
    private readonly sourceMap: SourceMap,
    private readonly file: string | undefined,
    private readonly text: string,
  ) {}

  build(node: Node | null | undefined, pointer: string, keySpan?: readonly [number, number]): unknown {
    if (this.aborted) return undefined;
    if (++this.nodes > MAX_NODES) return this.abort(node, msg('parse.tooManyValues', { limit: MAX_NODES }));
    if (node == null) return null;
    if (node.range) this.sourceMap.set(pointer, [node.range[0], node.range[1]], keySpan);
    if (isAlias(node)) {
      if (++this.aliases > MAX_ALIAS_EXPANSIONS)
        return this.abort(node, msg('parse.tooManyAliases', { limit: MAX_ALIAS_EXPANSIONS }));
      return this.build(this.targets.get(node), pointer);
    }
    if (isScalar(node)) {
      if (typeof node.value === 'string' && node.range) this.verbatim(node, node.value, pointer);
      return this.scalar(node.value, node, pointer);
    }
    if (isSeq(node)) return node.items.map((item, i) => this.build(item as Node, joinPointer(pointer, i)));
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      const firstVisit = !this.keysChecked.has(node);
      this.keysChecked.add(node);
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        const key = isScalar(keyNode) && keyNode.value !== null ? String(keyNode.value) : undefined;
        if (key === undefined || (isScalar(keyNode) && typeof keyNode.value === 'object')) {
          this.unsupported(keyNode ?? node, msg('parse.keysPlainText'));
          continue;
        }
        if (firstVisit && Object.hasOwn(out, key)) this.duplicate(keyNode!);
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

  /** Plain or quoted text without escapes on one line: an offset in it is an offset in the file. */
  private verbatim(node: Node, value: string, pointer: string): void {
    const [start, end] = node.range!;
    const raw = this.text.slice(start, end);
    if (raw.includes('\n')) return;
    if (raw === value) this.sourceMap.setText(pointer, start);
    else if ((raw[0] === '"' || raw[0] === "'") && raw.slice(1, -1) === value && raw.at(-1) === raw[0])
      this.sourceMap.setText(pointer, start + 1);
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

  /** yaml's own check compares each key with every earlier one, quadratic in a mapping's size. */
  private duplicate(keyNode: Node): void {
    this.failed = true;
    const range = keyNode.range
      ? this.sourceMap.rangeOfOffsets(keyNode.range[0], keyNode.range[1])
      : undefined;
    this.diagnostics.push(
      diagnostic('TW0005', yamlMessage('DUPLICATE_KEY', 'Map keys must be unique'), {
        file: this.file,
        range,
      }),
    );
  }

  private abort(node: Node | null | undefined, message: Text): undefined {
    this.aborted = true;
    this.failed = true;
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
