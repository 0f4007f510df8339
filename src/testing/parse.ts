import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { readPolicyFile } from '../policy/check.js';
import { parsePolicyText } from '../policy/parse.js';
import type { SourceMap } from '../policy/source-map.js';
import { type TestFile, testFileProblems } from './schema.js';

export interface ParsedTestFile {
  file: string;
  text?: string;
  /** Set only when the file reads, parses and fits the schema. */
  tests?: TestFile;
  /** The file as parsed, fitting the schema or not: what maskTestSource reads the values from. */
  data?: unknown;
  sourceMap?: SourceMap;
  diagnostics: Diagnostic[];
}

/**
 * Reads a test file with the policy reader's limits (size, UTF-8, alias bombs, `__proto__` as
 * data) and source map, so every case and every expectation knows its file:line:col.
 */
export async function readTestFile(path: string): Promise<ParsedTestFile> {
  const read = await readPolicyFile(path);
  if (read.text === undefined) return { file: path, diagnostics: read.diagnostics };
  return parseTestText(read.text, path);
}

export function parseTestText(text: string, file: string): ParsedTestFile {
  const parsed = parsePolicyText(text, file);
  const diagnostics = [...parsed.diagnostics];
  const data = parsed.value;
  if (data === undefined || hasErrors(diagnostics))
    return { file, text, data, sourceMap: parsed.sourceMap, diagnostics };
  const problems = testFileProblems(data, file, parsed.sourceMap);
  diagnostics.push(...problems);
  if (problems.length > 0) return { file, text, data, sourceMap: parsed.sourceMap, diagnostics };
  return { file, text, data, tests: data as TestFile, sourceMap: parsed.sourceMap, diagnostics };
}
