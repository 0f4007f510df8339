/**
 * Where JSON text goes wrong, found without JSON.parse's message: V8 quotes the text around the
 * error ("Unexpected token '张', …"联系人": 张三丰"), which puts personal data into a diagnostic.
 * Called only after JSON.parse has failed, so the common path pays nothing. Iterative: a line of
 * a million '[' is scanned with a stack of bytes, never with the call stack.
 */

/** What the text should have held where it went wrong (messages: data.jsonExpected*). */
export type JsonExpected =
  | 'value'
  | 'name'
  | 'colon'
  | 'commaOrBrace'
  | 'commaOrBracket'
  | 'end'
  | 'stringEnd'
  | 'escape'
  | 'digit'
  | 'control';

export interface JsonFault {
  /** UTF-16 offset into the text. */
  offset: number;
  expected: JsonExpected;
}

/**
 * Records are flat, one value per column; a nested object or array is kept as its JSON text. A
 * value nested deeper than this (the record itself is level 1) is refused (TW0630): copying such
 * a value recurses once per level, and 100,000 levels overflowed the stack.
 */
export const MAX_JSON_DEPTH = 64;

/** What the scanner expects next. */
const Mode = { Value: 0, ValueOrClose: 1, NameOrClose: 2, Name: 3, After: 4 } as const;
type Mode = (typeof Mode)[keyof typeof Mode];

const OBJECT = 0x7b;
const ARRAY = 0x5b;

/** The first place the text is not JSON, or undefined when it is JSON. */
export function jsonSyntaxFault(text: string): JsonFault | undefined {
  const stack: number[] = [];
  const n = text.length;
  let mode: Mode = Mode.Value;
  let i = 0;
  const fault = (offset: number, expected: JsonExpected): JsonFault => ({ offset, expected });
  for (;;) {
    i = skipSpace(text, i);
    if (i >= n) {
      if (mode === Mode.After && stack.length === 0) return undefined;
      return fault(i, expectedIn(mode, stack.at(-1)));
    }
    const c = text.charCodeAt(i);
    switch (mode) {
      case Mode.ValueOrClose:
        if (c === 0x5d) {
          stack.pop();
          i++;
          mode = Mode.After;
          continue;
        }
        mode = Mode.Value;
        continue;
      case Mode.NameOrClose:
        if (c === 0x7d) {
          stack.pop();
          i++;
          mode = Mode.After;
          continue;
        }
        mode = Mode.Name;
        continue;
      case Mode.Name: {
        if (c !== 0x22) return fault(i, 'name');
        const end = scanString(text, i);
        if (typeof end !== 'number') return end;
        i = skipSpace(text, end);
        if (text.charCodeAt(i) !== 0x3a) return fault(i, 'colon');
        i++;
        mode = Mode.Value;
        continue;
      }
      case Mode.After: {
        const top = stack.at(-1);
        if (top === undefined) return fault(i, 'end');
        const close = top === OBJECT ? 0x7d : 0x5d;
        if (c === close) {
          stack.pop();
          i++;
          continue;
        }
        if (c !== 0x2c) return fault(i, top === OBJECT ? 'commaOrBrace' : 'commaOrBracket');
        i++;
        mode = top === OBJECT ? Mode.Name : Mode.Value;
        continue;
      }
      case Mode.Value: {
        if (c === OBJECT || c === ARRAY) {
          stack.push(c);
          i++;
          mode = c === OBJECT ? Mode.NameOrClose : Mode.ValueOrClose;
          continue;
        }
        const end =
          c === 0x22
            ? scanString(text, i)
            : c === 0x2d || (c >= 0x30 && c <= 0x39)
              ? scanNumber(text, i)
              : scanWord(text, i);
        if (typeof end !== 'number') return end;
        i = end;
        mode = Mode.After;
        continue;
      }
    }
  }
}

/**
 * How deep a parsed value nests (a scalar is 0, `{}` is 1), counted up to `limit` + 1 with an
 * explicit stack.
 */
export function depthOf(value: unknown, limit: number): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [v, depth] = pending.pop()!;
    if (v === null || typeof v !== 'object') continue;
    const level = depth + 1;
    if (level > deepest) deepest = level;
    if (deepest > limit) return deepest;
    for (const child of Object.values(v))
      if (child !== null && typeof child === 'object') pending.push([child, level]);
  }
  return deepest;
}

/** 1-based line and column (in characters, as an editor counts them) of a UTF-16 offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    // CRLF is one line break; CR alone is one too (classic Mac OS).
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      start = i + 1;
    }
  }
  let column = 1;
  for (let i = start; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A character outside the BMP is two UTF-16 units but one character.
    if (!(c >= 0xdc00 && c <= 0xdfff && i > start)) column++;
  }
  return { line, column };
}

function expectedIn(mode: Mode, top: number | undefined): JsonExpected {
  switch (mode) {
    case Mode.Name:
    case Mode.NameOrClose:
      return 'name';
    case Mode.After:
      return top === OBJECT ? 'commaOrBrace' : 'commaOrBracket';
    default:
      return 'value';
  }
}

function skipSpace(text: string, from: number): number {
  let i = from;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
  }
  return i;
}

const ESCAPES = new Set([0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74]);

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** The offset after the string that starts at `from` (a '"'), or where it goes wrong. */
function scanString(text: string, from: number): number | JsonFault {
  for (let i = from + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return { offset: i, expected: 'control' };
    if (c !== 0x5c) continue;
    const e = text.charCodeAt(i + 1);
    if (ESCAPES.has(e)) {
      i++;
      continue;
    }
    if (e !== 0x75) return { offset: i + 1, expected: 'escape' };
    for (let k = 2; k < 6; k++)
      if (!isHex(text.charCodeAt(i + k))) return { offset: i + k, expected: 'escape' };
    i += 5;
  }
  return { offset: text.length, expected: 'stringEnd' };
}

function digitsFrom(text: string, from: number): number {
  let i = from;
  while (i < text.length && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
  return i;
}

function scanNumber(text: string, from: number): number | JsonFault {
  let i = text.charCodeAt(from) === 0x2d ? from + 1 : from;
  if (text.charCodeAt(i) === 0x30) i++;
  else {
    const end = digitsFrom(text, i);
    if (end === i) return { offset: i, expected: 'digit' };
    i = end;
  }
  if (text.charCodeAt(i) === 0x2e) {
    const end = digitsFrom(text, i + 1);
    if (end === i + 1) return { offset: i + 1, expected: 'digit' };
    i = end;
  }
  const e = text.charCodeAt(i);
  if (e === 0x65 || e === 0x45) {
    i++;
    const sign = text.charCodeAt(i);
    if (sign === 0x2b || sign === 0x2d) i++;
    const end = digitsFrom(text, i);
    if (end === i) return { offset: i, expected: 'digit' };
    i = end;
  }
  return i;
}

function scanWord(text: string, from: number): number | JsonFault {
  for (const word of ['true', 'false', 'null']) {
    if (text.charCodeAt(from) !== word.charCodeAt(0)) continue;
    for (let k = 1; k < word.length; k++)
      if (text.charCodeAt(from + k) !== word.charCodeAt(k)) return { offset: from + k, expected: 'value' };
    return from + word.length;
  }
  return { offset: from, expected: 'value' };
}

/**
 * The top-level number literals of a JSON object that JSON.parse turns into 0 though they are
 * not zero (1e-400), by key with their text. The data layer then reads that text as a CSV cell
 * is read, so the value is refused (TW0603) rather than silently 0. Called only for lines that
 * hold an exponent with a minus sign.
 */
export function underflowingNumbers(text: string): Map<string, string> {
  return underflowingByRecord(text, 1).get(0) ?? new Map();
}

/**
 * The same for a `.json` file, an array of records: by element index (0 for the first). Called
 * only for files that hold an exponent with a minus sign.
 */
export function underflowingElements(text: string): Map<number, Map<string, string>> {
  return underflowingByRecord(text, 2);
}

/** Records sit at `recordDepth` (1: the text is one object; 2: an array of them). */
function underflowingByRecord(text: string, recordDepth: number): Map<number, Map<string, string>> {
  const found = new Map<number, Map<string, string>>();
  let depth = 0;
  let element = -1;
  let key: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const end = scanString(text, i);
      if (typeof end !== 'number') return found;
      if (depth === recordDepth && text.charCodeAt(skipSpace(text, end)) === 0x3a)
        key = JSON.parse(text.slice(i, end));
      i = end - 1;
    } else if (c === OBJECT || c === ARRAY) {
      depth++;
      if (depth === recordDepth) element++;
    } else if (c === 0x7d || c === 0x5d) depth--;
    else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      const end = scanNumber(text, i);
      if (typeof end !== 'number') return found;
      const literal = text.slice(i, end);
      if (
        depth === recordDepth &&
        key !== undefined &&
        Number(literal) === 0 &&
        /[1-9]/.test(literal.split(/[eE]/)[0]!)
      ) {
        if (!found.has(element)) found.set(element, new Map());
        found.get(element)!.set(key, literal);
      }
      i = end - 1;
    }
  }
  return found;
}
