/**
 * Terminal columns of source text, so that carets land under the characters they mark. Ranges
 * count UTF-16 code units (the `yaml` library's LineCounter); a terminal counts cells, in which a
 * CJK character takes two. The tables are the East Asian Wide/Fullwidth and zero-width blocks a
 * policy can plausibly hold (Chinese labels, full-width punctuation, emoji), not all of Unicode.
 */

const TAB_WIDTH = 4;

const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], // Hangul Jamo initials
  [0x2e80, 0x303e], // CJK radicals, ideographic space and punctuation (，。、「」)
  [0x3041, 0x33ff], // kana, bopomofo, CJK compatibility
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe30, 0xfe4f], // CJK compatibility forms
  [0xff00, 0xff60], // full-width forms (（），：％)
  [0xffe0, 0xffe6], // full-width signs (￥)
  [0x1f300, 0x1f64f], // pictographs and emoticons
  [0x1f680, 0x1f6ff], // transport and map symbols
  [0x1f900, 0x1f9ff], // supplemental symbols
  [0x1fa70, 0x1faff], // symbols and pictographs extended-A
  [0x20000, 0x2fffd], // CJK extensions B–F
  [0x30000, 0x3fffd], // CJK extension G
];

const ZERO_WIDTH: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f], // combining diacritics
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x200b, 0x200d], // zero-width space, non-joiner, joiner
  [0x20d0, 0x20ff],
  [0xfe00, 0xfe0f], // variation selectors (emoji presentation)
  [0xfe20, 0xfe2f],
  [0xe0100, 0xe01ef],
];

function inRanges(codePoint: number, ranges: readonly (readonly [number, number])[]): boolean {
  return ranges.some(([lo, hi]) => codePoint >= lo && codePoint <= hi);
}

/**
 * Characters that would act on the terminal instead of being shown: C0/C1 controls (an escaped
 * "\e[2J" in a double-quoted YAML key is legal YAML) and bidirectional overrides, which can make
 * a line read differently from what it holds ("Trojan Source").
 */
export function isUnsafe(codePoint: number): boolean {
  return (
    (codePoint < 0x20 && codePoint !== 0x09) ||
    (codePoint >= 0x7f && codePoint <= 0x9f) ||
    (codePoint >= 0x202a && codePoint <= 0x202e) ||
    (codePoint >= 0x2066 && codePoint <= 0x2069)
  );
}

export function charWidth(codePoint: number): number {
  if (codePoint === 0x09) return TAB_WIDTH;
  if (inRanges(codePoint, ZERO_WIDTH)) return 0;
  return inRanges(codePoint, WIDE) ? 2 : 1;
}

/** A source line as shown, and the terminal column where each UTF-16 offset of it starts. */
export interface DisplayLine {
  text: string;
  /** `columns[i]` is the 0-based cell of UTF-16 offset i; one entry past the end. */
  columns: number[];
}

/** Tabs become spaces (a terminal's tab stops would not match our count) and unsafe characters U+FFFD. */
export function displayLine(source: string): DisplayLine {
  let text = '';
  const columns: number[] = [];
  let cell = 0;
  for (let i = 0; i < source.length; ) {
    const codePoint = source.codePointAt(i)!;
    const units = codePoint > 0xffff ? 2 : 1;
    for (let u = 0; u < units; u++) columns.push(cell);
    if (codePoint === 0x09) text += ' '.repeat(TAB_WIDTH);
    else text += isUnsafe(codePoint) ? '\ufffd' : String.fromCodePoint(codePoint);
    cell += isUnsafe(codePoint) ? 1 : charWidth(codePoint);
    i += units;
  }
  columns.push(cell);
  return { text, columns };
}

/** The cell of a 1-based UTF-16 column; a column past the end (an insertion point) keeps counting. */
export function cellOf(line: DisplayLine, column: number): number {
  const offset = Math.max(0, column - 1);
  const last = line.columns.length - 1;
  return offset <= last ? line.columns[offset]! : line.columns[last]! + (offset - last);
}

/** The characters isUnsafe refuses (all in the BMP, so a UTF-16 class finds them). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** One character as the escape that shows it: ESC is \u001b. */
export function unicodeEscape(char: string): string {
  return `\\u${char.codePointAt(0)!.toString(16).padStart(4, '0')}`;
}

/**
 * Unsafe characters of a message spelled out as escapes, so the terminal shows rather than obeys
 * them; those in `keep` (a report's own line breaks) stay as they are.
 */
export function escapeUnsafe(text: string, keep = ''): string {
  return text.replace(UNSAFE, (char) => (keep.includes(char) ? char : unicodeEscape(char)));
}
