import { resolve } from 'node:path';
import { type CheckedPolicy, type CheckOptions, finish, parsePolicy, readPolicyFile } from './check.js';
import { resolveExtends } from './extends.js';
import { expandPolicyPaths } from './files.js';

/**
 * Loads one policy file the way every surface does: read, parse, validate, resolve its base
 * (metadata.extends), lint. The result's `policy` is set only when there are no errors.
 */
export async function loadPolicy(path: string, options: CheckOptions = {}): Promise<CheckedPolicy> {
  const read = await readPolicyFile(path, options);
  if (read.text === undefined) return { file: path, diagnostics: read.diagnostics, sources: new Map() };
  const parsed = parsePolicy(read.text, path);
  if (!parsed.document?.metadata.extends) return finish(parsed);
  return finish(await resolveExtends(parsed, resolve(path), options));
}

/**
 * Loads policy text that is not a file of its own (a registry version, a request body) the way
 * loadPolicy loads a file: `file` names it in diagnostics, and a variant's base comes from
 * `options.readBase`.
 */
export async function loadPolicyText(
  text: string,
  file: string,
  options: CheckOptions = {},
): Promise<CheckedPolicy> {
  const parsed = parsePolicy(text, file);
  if (!parsed.document?.metadata.extends) return finish(parsed);
  return finish(await resolveExtends(parsed, resolve(file), options));
}

/** `tierwise check PATHS…`: every policy file under the paths, each loaded and checked. */
export async function checkPaths(
  paths: readonly string[],
  options: CheckOptions = {},
): Promise<CheckedPolicy[]> {
  const files = await expandPolicyPaths(paths);
  const results: CheckedPolicy[] = [];
  // A variant repeats findings about its base's lines; a base checked in the same run shows them once.
  const seen = new Set<string>();
  for (const file of files) {
    const result = await loadPolicy(file, options);
    const diagnostics = result.diagnostics.filter((d) => {
      const identity = JSON.stringify([d.file, d.range, d.code, d.message]);
      if (seen.has(identity)) return false;
      seen.add(identity);
      return true;
    });
    results.push({ ...result, diagnostics });
  }
  return results;
}
