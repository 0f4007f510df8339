import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Policy files are named *.tier.yaml (or .tier.yml); tests and mappings sit beside them. */
export const POLICY_FILE = /\.tier\.ya?ml$/;

/**
 * Expands the paths a user named: a file is taken as it is, a directory is searched
 * recursively for policy files in a stable (sorted) order.
 */
export async function expandPolicyPaths(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) out.push(...(await walk(path)));
    else out.push(path);
  }
  return out;
}

async function walk(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  const out: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules')
      out.push(...(await walk(path)));
    else if (entry.isFile() && POLICY_FILE.test(entry.name)) out.push(path);
  }
  return out;
}
