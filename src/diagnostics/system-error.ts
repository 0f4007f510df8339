import { msg, type Text } from '../i18n/text.js';

/**
 * Why the operating system refused a file, for "cannot read X: …": the words "no such file" for
 * a missing one, else Node's message, which the catalogue replaces by its code in other languages.
 */
export function systemReason(error: unknown): Text {
  const { code, message } = error as NodeJS.ErrnoException;
  if (code === 'ENOENT') return msg('parse.noSuchFile');
  return msg('parse.systemError', { code: code ?? '', detail: String(message) });
}
