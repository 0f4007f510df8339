import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import type { Policy } from '../policy/schema/policy.js';
import { type LoadFromOptions, loadPolicyFrom } from './load.js';

export interface LoadPoliciesOptions extends LoadFromOptions {
  /** `--mapping`: a column mapping file naming the export's columns (docs/data.md). */
  mapping?: string;
}

export interface LoadedPolicies {
  /** Set only when every policy (and the mapping) is usable; in the order of the paths. */
  policies?: Policy[];
  diagnostics: Diagnostic[];
  /** The text of every file involved, for code frames. */
  sources: Map<string, string>;
}

/**
 * The policies a population command runs (one for eval and simulate, two for a diff), each
 * loaded as loadPolicyFrom loads it, then read through the column mapping when one is given —
 * one mapping for all of them, since they read the same export.
 */
export async function loadPoliciesFrom(
  paths: readonly string[],
  options: LoadPoliciesOptions = {},
): Promise<LoadedPolicies> {
  const loaded = [];
  for (const path of paths) loaded.push(await loadPolicyFrom(path, options));
  const diagnostics = loaded.flatMap((l) => l.diagnostics);
  const sources = new Map(loaded.flatMap((l) => [...l.sources]));
  if (loaded.some((l) => !l.policy)) return { diagnostics, sources };
  const policies = loaded.map((l) => l.policy!);
  if (options.mapping === undefined) return { policies, diagnostics, sources };
  // The mapping's schema (TypeBox, ajv) loads only with a mapping: every population command starts here.
  const { applyColumnMapping, readColumnMapping } = await import('../policy/mapping/index.js');
  const read = await readColumnMapping(options.mapping, options);
  for (const [file, text] of read.sources) sources.set(file, text);
  diagnostics.push(...read.diagnostics);
  if (!read.mapping || hasErrors(read.diagnostics)) return { diagnostics, sources };
  const mapped = applyColumnMapping(policies, read.mapping, read.locator);
  diagnostics.push(...mapped.diagnostics);
  return { policies: mapped.policies, diagnostics, sources };
}
