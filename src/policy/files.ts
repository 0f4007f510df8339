import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Policy files are named *.tier.yaml (or .tier.yml); tests and mappings sit beside them. */
export const POLICY_FILE = /\.tier\.ya?ml$/;

/** Test files sit beside their policy: seed004-rfm.test.yaml tests seed004-rfm.tier.yaml. */
export const TEST_FILE = /\.test\.ya?ml$/;

/**
 * Expands the paths a user named: a file is taken as it is, a directory is searched
 * recursively for policy files in a stable (sorted) order.
 */
export async function expandPolicyPaths(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) out.push(...(await findFiles(path, POLICY_FILE)));
    else out.push(path);
  }
  return out;
}

/** Files below `dir` whose names match, sorted; hidden directories and node_modules are skipped. */
export async function findFiles(dir: string, name: RegExp): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  const out: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules')
      out.push(...(await findFiles(path, name)));
    else if (entry.isFile() && name.test(entry.name)) out.push(path);
  }
  return out;
}
