import { msg, type Text } from '../i18n/text.js';

/**
 * Why the operating system refused a file, for "cannot read X: …": the words "no such file" for
 * a missing one, else Node's message, which the catalogue replaces by its code in other languages.
 */
export function systemReason(error: unknown): Text {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return msg('parse.noSuchFile');
  return systemError(error);
}

/** Node's message as it is in English (no "no such file"), for errors other than a missing file. */
export function systemError(error: unknown): Text {
  const { code, message } = error as NodeJS.ErrnoException;
  return msg('parse.systemError', { code: code ?? '', detail: String(message) });
}
