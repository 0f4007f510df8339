import { escapeUnsafe, unicodeEscape } from '../diagnostics/render/width.js';

/**
 * Customer ids, names and labels come from data files anyone could have filled: an ESC in one
 * ("\e[2J" clears the screen, "\e]8;;…" makes a link, "\e]52;…" writes the clipboard) or a
 * bidirectional override would act on the reader's terminal instead of being shown. The text
 * reports (tables, Markdown) spell such characters out as diagnostics do (\u001b); their own
 * line breaks stay line breaks.
 */
export function terminalText(text: string): string {
  return escapeUnsafe(text, '\n');
}

/** DEL, the C1 controls and the bidirectional controls: what isUnsafe refuses from U+007F up. */
const ABOVE_C0 = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON.stringify escapes C0 controls but leaves DEL, the C1 controls (U+009B is a one-character
 * CSI to some terminals) and bidirectional overrides as they are. Written as \u escapes they are
 * the same JSON value, so `eval --format json` read in a terminal shows them and acts on nothing.
 * (The C0 controls left in the text are JSON's own line breaks.)
 */
export function escapeJsonControls(json: string): string {
  return json.replace(ABOVE_C0, unicodeEscape);
}
