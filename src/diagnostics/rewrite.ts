import type { Text } from '../i18n/text.js';
import type { Diagnostic } from './diagnostic.js';

/**
 * A diagnostic with `replace` applied to every text it shows, in every language: its message and
 * help, and the parameters of their catalogue texts. For naming files the way the user named
 * them (a temporary directory becomes `REF:` or `ARTIFACT!`).
 */
export function rewriteTexts(d: Diagnostic, replace: (text: string) => string): Diagnostic {
  const out: Diagnostic = { ...d, message: replace(d.message) };
  if (d.help !== undefined) out.help = replace(d.help);
  if (d.i18n) {
    const i18n: NonNullable<Diagnostic['i18n']> = {};
    if (d.i18n.message) i18n.message = rewriteText(d.i18n.message, replace);
    if (d.i18n.help) i18n.help = rewriteText(d.i18n.help, replace);
    out.i18n = i18n;
  }
  return out;
}

function rewriteText(text: Text, replace: (text: string) => string): Text {
  return text.params === undefined ? text : { id: text.id, params: rewriteParams(text.params, replace) };
}

function rewriteParams(params: Record<string, unknown>, replace: (text: string) => string) {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, rewriteValue(v, replace)]));
}

function rewriteValue(value: unknown, replace: (text: string) => string): unknown {
  if (typeof value === 'string') return replace(value);
  if (Array.isArray(value)) return value.map((v) => rewriteValue(v, replace));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  // A phrase within the text: its id is the catalogue's, never a file name.
  if (typeof record.id === 'string' && Object.keys(record).every((k) => k === 'id' || k === 'params'))
    return rewriteText(record as unknown as Text, replace);
  return rewriteParams(record, replace);
}
