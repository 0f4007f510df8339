import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar } from 'yaml';
import { type Diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import { addSchemaLine, joinComments, liftHeader, reattachTrailingComments } from './fmt/comments.js';
import { foldLongText } from './fmt/fold.js';
import { layOut } from './fmt/layout.js';
import { canonicalisePolicy } from './fmt/order.js';
import { MAX_WIDTH } from './fmt/render.js';
import { parsePolicyText } from './parse.js';

/**
 * `tierwise fmt`: one canonical layout for a policy, so that a pull request shows what changed
 * and never how someone's editor indents. Keys follow the order the schema declares them in,
 * collections that fit on a line are written inline, long text is folded, comments stay on the
 * node they were written on. The data never changes: the output is parsed again and compared.
 */

export interface FormatOptions {
  /** Absolute path of policy.schema.json, for the editor's `$schema` line; defaults to tierwise's own. */
  schemaFile?: string;
}

export interface FormatResult {
  /** The formatted text; absent when the file is not valid YAML. */
  text?: string;
  diagnostics: Diagnostic[];
}

export const MAX_FLOW_WIDTH = MAX_WIDTH;

const DEFAULT_SCHEMA_FILE = fileURLToPath(new URL('../../schemas/policy.schema.json', import.meta.url));

export function formatPolicyText(text: string, file?: string, options: FormatOptions = {}): FormatResult {
  // YAML reads CR LF and CR as LF inside scalars too, so this changes no value; it keeps the
  // comment positions below in one line-ending convention.
  const parsed = parsePolicyText(text.replace(/\r\n?/g, '\n'), file);
  const { document } = parsed;
  if (!document || !isMap(document.contents) || hasErrors(parsed.diagnostics)) {
    return { diagnostics: parsed.diagnostics };
  }
  const root = document.contents;
  reattachTrailingComments(document, parsed.text);
  // Below the last key, yaml reads a comment back as the document's; write it there.
  document.comment = joinComments(root.comment, document.comment);
  root.comment = null;
  const pinned = liftHeader(document, root);
  canonicalisePolicy(document, root);
  const first = root.items[0]?.key;
  if (isScalar(first)) first.commentBefore = joinComments(pinned, first.commentBefore);
  addSchemaLine(document, root, file, options.schemaFile ?? DEFAULT_SCHEMA_FILE);
  const out = foldLongText(document, layOut(document, root));
  const again = parsePolicyText(out, file);
  if (hasErrors(again.diagnostics) || !isDeepStrictEqual(again.value, parsed.value)) {
    throw new Error(`fmt changed the data of ${file ?? 'a policy'}: a tierwise bug, please report it`);
  }
  return { text: out, diagnostics: parsed.diagnostics };
}
