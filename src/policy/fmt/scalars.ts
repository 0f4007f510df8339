import type { Scalar } from 'yaml';

/**
 * Strings are quoted only where plain text would read as something else, booleans are true or
 * false, null is `null` (an empty entry of an inline list would be dropped by the next read).
 * Invisible and direction-changing characters stay escaped, or a diff could read unlike the data.
 * The style the author chose (quotes, `>-`, `|`) is forgotten: the layout picks one from the value.
 */
export function normaliseScalar(node: Scalar): void {
  if (typeof node.value === 'string') node.type = INVISIBLE.test(node.value) ? 'QUOTE_DOUBLE' : undefined;
  else if (typeof node.value === 'boolean' || node.value === null) node.source = undefined;
}

export const INVISIBLE = /[\u0085\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/** yaml writes these raw even in double quotes; in a comment an escape reads just as well. */
export const escapeInvisible = (text: string) =>
  text.replace(
    new RegExp(INVISIBLE.source, 'g'),
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
