import { Ajv, type ValidateFunction } from 'ajv';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { hasErrors, sortDiagnostics } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/make.js';
import { msg } from '../../i18n/text.js';
import { type CheckOptions, readPolicyFile } from '../check.js';
import { fileLocator, type Locator } from '../locate.js';
import { parsePolicyText } from '../parse.js';
import { toDiagnostics } from '../validate-schema.js';
import { type ColumnMapping, MAPPING_KIND, ColumnMapping as MappingSchema } from './schema.js';

/** A column mapping file as read: the mapping when it is usable, and where its entries stand. */
export interface LoadedMapping {
  file: string;
  /** Set only when the file reads, parses and fits the schema. */
  mapping?: ColumnMapping;
  locator: Locator;
  diagnostics: Diagnostic[];
  /** The file's text, for code frames. */
  sources: Map<string, string>;
}

let compiled: ValidateFunction<ColumnMapping> | undefined;

function validator(): ValidateFunction<ColumnMapping> {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
    ajv.addKeyword({ keyword: 'x-expected', schemaType: 'string' });
    compiled = ajv.compile<ColumnMapping>(MappingSchema);
  }
  return compiled;
}

/**
 * Reads a mapping with the policy reader's limits and YAML parser (source ranges, alias bombs and
 * duplicate keys refused, `__proto__` kept as data). JSON is YAML too, so a .json mapping reads
 * the same way, with the same line:column in every finding.
 */
export async function readColumnMapping(path: string, options: CheckOptions = {}): Promise<LoadedMapping> {
  const read = await readPolicyFile(path, options);
  if (read.text === undefined)
    return {
      file: path,
      locator: { locate: () => ({ file: path }) },
      diagnostics: read.diagnostics,
      sources: new Map(),
    };
  return parseColumnMapping(read.text, path);
}

export function parseColumnMapping(text: string, file: string): LoadedMapping {
  const parsed = parsePolicyText(text, file);
  const locator = fileLocator(file, parsed.sourceMap);
  const sources = new Map([[file, text]]);
  const done = (diagnostics: Diagnostic[], mapping?: ColumnMapping): LoadedMapping => ({
    file,
    mapping,
    locator,
    diagnostics,
    sources,
  });
  if (parsed.value === undefined || hasErrors(parsed.diagnostics)) return done(parsed.diagnostics);
  const kind = (parsed.value as { kind?: unknown }).kind;
  // A policy (or a test file) given as the mapping would otherwise list every key it has as unknown.
  if (kind !== MAPPING_KIND) {
    const pointer = kind === undefined ? '' : '/kind';
    return done([
      ...parsed.diagnostics,
      diagnostic(
        kind === undefined ? 'TW0103' : 'TW0105',
        msg('mapping.notAMapping', { kind: kind === undefined ? '' : String(kind) }),
        { ...locator.locate(pointer), pointer, help: msg('mapping.notAMappingHelp') },
      ),
    ]);
  }
  const validate = validator();
  if (!validate(parsed.value))
    return done(sortDiagnostics([...parsed.diagnostics, ...toDiagnostics(validate.errors ?? [], locator)]));
  return done(parsed.diagnostics, parsed.value);
}
