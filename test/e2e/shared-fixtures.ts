import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './cli.js';

/**
 * A folder holding only the named bundled policies, for seedRegistry: a test about one policy's
 * versions need not check and publish every bundled one first (seeding is most of a start).
 */
export function bundledPoliciesFolder(...names: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'tw-policies-'));
  for (const name of names) copyFileSync(join(ROOT, 'policies', name), join(dir, name));
  return dir;
}
