import { readFile, stat } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { systemReason } from '../diagnostics/system-error.js';
import { msg } from '../i18n/text.js';
import type { BaseRead } from './base-file.js';
import { lintPolicy } from './lint/index.js';
import { fileLocator, type Locator } from './locate.js';
import { DEFAULT_MAX_BYTES, decodePolicyBytes, parsePolicyText, tooLarge } from './parse.js';
import type { Policy } from './schema/policy.js';
import { validatePolicySchema } from './validate-schema.js';

export interface CheckOptions {
  maxBytes?: number;
  /**
   * The folders a variant's bases may be read from (base-file.ts); by default the policy root of
   * the policy named: $TIERWISE_POLICY_ROOT, else its repository, else its folder.
   */
  policyRoots?: readonly string[];
  /**
   * Reads a variant's base by the name in `extends` instead of from the policy root: the registry
   * keeps its bases as versions, not files.
   */
  readBase?: (name: string, shown: string) => Promise<BaseRead>;
}

/** One policy file after every check: the policy (when it is usable) and all findings. */
export interface CheckedPolicy {
  file?: string;
  policy?: Policy;
  diagnostics: Diagnostic[];
  /** The text of every file involved (a variant and its bases), for code frames. */
  sources: Map<string, string>;
}

/** A parsed, schema-valid document and where its pointers stand; not yet linted. */
export interface ParsedPolicy {
  file?: string;
  document?: Policy;
  locator: Locator;
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  /** Set once a variant has been merged with its base (extends.ts). */
  merged?: boolean;
}

export function parsePolicy(text: string, file?: string): ParsedPolicy {
  const parsed = parsePolicyText(text, file);
  const sources = new Map(file ? [[file, text]] : []);
  const locator = fileLocator(file, parsed.sourceMap);
  if (parsed.value === undefined || hasErrors(parsed.diagnostics)) {
    return { file, locator, diagnostics: parsed.diagnostics, sources };
  }
  const isVariant =
    typeof (parsed.value as { metadata?: { extends?: unknown } }).metadata?.extends === 'string';
  const schemaDiagnostics = validatePolicySchema(parsed.value, locator, isVariant ? 'variant' : 'full');
  const diagnostics = [...parsed.diagnostics, ...schemaDiagnostics];
  if (schemaDiagnostics.length > 0) return { file, locator, diagnostics, sources };
  return { file, document: parsed.value as Policy, locator, diagnostics, sources };
}

/** Checks policy text that stands alone (no `extends`): parse, schema, lint. */
export function checkPolicyText(text: string, file?: string): CheckedPolicy {
  return finish(parsePolicy(text, file));
}

export function finish(parsed: ParsedPolicy): CheckedPolicy {
  const { file, document, locator, sources } = parsed;
  if (!document) return { file, diagnostics: sortDiagnostics(parsed.diagnostics), sources };
  if (document.metadata.extends !== undefined && !parsed.merged) {
    // A variant alone is a fragment: its semantics exist only merged with its base, which text
    // alone cannot reach. loadPolicy (and `tierwise check`) resolve the base from the file.
    const pointer = '/metadata/extends';
    const unresolved = diagnostic('TW0505', msg('parse.variantAlone'), {
      ...locator.locate(pointer),
      pointer,
      help: msg('parse.variantAloneHelp'),
    });
    return { file, diagnostics: sortDiagnostics([...parsed.diagnostics, unresolved]), sources };
  }
  const diagnostics = sortDiagnostics([...parsed.diagnostics, ...lintPolicy(document, locator)]);
  return { file, policy: hasErrors(diagnostics) ? undefined : document, diagnostics, sources };
}

/** Reads a file as bytes, refusing one over the limit before reading it. */
export async function readPolicyFile(
  path: string,
  options: CheckOptions = {},
): Promise<{ text?: string; diagnostics: Diagnostic[] }> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  try {
    const info = await stat(path);
    if (!info.isFile())
      return { diagnostics: [diagnostic('TW0001', msg('parse.notAFile', { path }), { file: path })] };
    if (info.size > maxBytes) return { diagnostics: [tooLarge(info.size, path, maxBytes)] };
    return decodePolicyBytes(await readFile(path), path, maxBytes);
  } catch (error) {
    const reason = systemReason(error);
    return { diagnostics: [diagnostic('TW0001', msg('parse.cannotRead', { path, reason }), { file: path })] };
  }
}
