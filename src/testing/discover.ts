import { stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { msg } from '../i18n/text.js';
import { findFiles, POLICY_FILE, TEST_FILE } from '../policy/files.js';

export { TEST_FILE };

export const DEFAULT_TEST_PATHS = ['policies'];

/**
 * The test files a user named: a directory is searched recursively, a policy file stands for the
 * test file beside it, a test file is taken as it is. Sorted, each once.
 */
export async function discoverTestFiles(
  paths: readonly string[],
): Promise<{ files: string[]; diagnostics: Diagnostic[] }> {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const path of paths.length === 0 ? DEFAULT_TEST_PATHS : paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) diagnostics.push(diagnostic('TW0001', msg('testing.noSuchPath', { path }), { file: path }));
    else if (info.isDirectory()) files.push(...(await findFiles(path, TEST_FILE)));
    else if (POLICY_FILE.test(path)) {
      const sibling = await siblingTest(path);
      if (sibling) files.push(sibling);
      else
        diagnostics.push(
          diagnostic('TW0903', msg('testing.noTestFile', { path }), {
            file: path,
            help: msg('testing.noTestFileHelp', { name: basename(path).replace(POLICY_FILE, '.test.yaml') }),
          }),
        );
    } else files.push(path);
  }
  return { files: [...new Set(files)], diagnostics };
}

async function siblingTest(policy: string): Promise<string | undefined> {
  for (const ext of ['.test.yaml', '.test.yml']) {
    const candidate = policy.replace(POLICY_FILE, ext);
    if (
      await stat(candidate)
        .then((s) => s.isFile())
        .catch(() => false)
    )
      return candidate;
  }
  return undefined;
}

/** The policy a test file tests: its `policy:` (relative to the test file), else the namesake. */
export function policyOf(testFile: string, named: string | undefined): string {
  if (named !== undefined) return isAbsolute(named) ? named : join(dirname(testFile), named);
  return testFile.replace(TEST_FILE, '.tier.yaml');
}
