// The smallest edit between two texts, so CodeMirror keeps the cursor, scroll and undo history
// of the lines a form edit did not touch. Pure.

/**
 * The one replacement between two texts (common prefix and suffix kept), so a form edit moves
 * neither the cursor nor the scroll position of the lines around it, and undo undoes just it.
 */
export function minimalChange(before: string, after: string): { from: number; to: number; insert: string } {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before[start] === after[start]) start++;
  let end = 0;
  while (end < shorter - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}
