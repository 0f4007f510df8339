import { isUnsafe } from '../diagnostics/render/width.js';

/** Every character isUnsafe can refuse, and a few neighbours it lets through: a fast first sieve. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CANDIDATES = /[\u0000-\u001f\u007f-\u009f\u2000-\u206f]/g;

const escaped = (char: string) => `\\u${char.codePointAt(0)!.toString(16).padStart(4, '0')}`;

/**
 * Customer ids, names and labels come from data files anyone could have filled: an ESC in one
 * ("\e[2J" clears the screen, "\e]8;;…" makes a link, "\e]52;…" writes the clipboard) or a
 * bidirectional override would act on the reader's terminal instead of being shown. The text
 * reports (tables, Markdown) spell such characters out as diagnostics do (\u001b); their own
 * line breaks stay line breaks.
 */
export function terminalText(text: string): string {
  return text.replace(CANDIDATES, (char) =>
    char !== '\n' && isUnsafe(char.codePointAt(0)!) ? escaped(char) : char,
  );
}

/**
 * JSON.stringify escapes C0 controls but leaves DEL, the C1 controls (U+009B is a one-character
 * CSI to some terminals) and bidirectional overrides as they are. Written as \u escapes they are
 * the same JSON value, so `eval --format json` read in a terminal shows them and acts on nothing.
 * (The C0 controls left in the text are JSON's own line breaks.)
 */
export function escapeJsonControls(json: string): string {
  return json.replace(CANDIDATES, (char) => {
    const codePoint = char.codePointAt(0)!;
    return codePoint >= 0x7f && isUnsafe(codePoint) ? escaped(char) : char;
  });
}
