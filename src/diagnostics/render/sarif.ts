import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Location, Log, PhysicalLocation, ReportingDescriptor, Result } from 'sarif';
import { VERSION } from '../../version.js';
import { CODES } from '../codes.js';
import type { Diagnostic, Severity } from '../diagnostic.js';
import type { RenderInput } from './input.js';
import { linesOf } from './lines.js';
import { exclusiveEnd, lengthsOf } from './range.js';

export const SARIF_SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** SARIF requires an absolute helpUri; the published docs mirror docs/diagnostics.md. */
export const DIAGNOSTICS_DOCS = 'https://tierwise.dev/docs/diagnostics.md';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };
const CODE_IDS = Object.keys(CODES) as (keyof typeof CODES)[];

/**
 * SARIF 2.1.0 for code-scanning uploads: one run, every code as a rule (so a viewer can show a
 * rule's title and docs even for results it has not seen), one result per diagnostic.
 */
export function renderSarif(input: RenderInput): string {
  return `${JSON.stringify(sarifLog(input), null, 2)}\n`;
}

export function sarifLog(input: RenderInput): Log {
  const lines = linesOf(input.sources);
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'tierwise',
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: 'https://tierwise.dev',
            rules: CODE_IDS.map(rule),
          },
        },
        // Our columns are the yaml LineCounter's, which counts UTF-16 code units; say so rather
        // than leave viewers to guess (the SARIF default happens to agree).
        columnKind: 'utf16CodeUnits',
        results: input.diagnostics.map((d) => result(d, lines(d.file))),
      },
    ],
  };
}

export function helpUri(code: string): string {
  return `${DIAGNOSTICS_DOCS}#${code.toLowerCase()}`;
}

function rule(code: keyof typeof CODES): ReportingDescriptor {
  const { title, severity } = CODES[code];
  return {
    id: code,
    shortDescription: { text: title },
    defaultConfiguration: { level: LEVEL[severity] },
    helpUri: helpUri(code),
  };
}

function result(d: Diagnostic, lines: string[] | undefined): Result {
  const ruleIndex = CODE_IDS.indexOf(d.code as keyof typeof CODES);
  const out: Result = {
    ruleId: d.code,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: LEVEL[d.severity],
    // A result has no field of its own for a fix hint, and viewers show the message, so the help goes there.
    message: { text: d.help === undefined ? d.message : `${d.message}\nhelp: ${d.help}` },
  };
  if (d.file !== undefined) out.locations = [location(d, d.file, lines)];
  const properties = {
    ...(d.pointer === undefined ? {} : { pointer: d.pointer }),
    ...(d.column === undefined ? {} : { column: d.column }),
    ...(d.example === undefined ? {} : { example: d.example }),
  };
  if (Object.keys(properties).length > 0) out.properties = properties;
  return out;
}

function location(d: Diagnostic, file: string, lines: string[] | undefined): Location {
  const absolute = isAbsolute(file);
  const physicalLocation: PhysicalLocation = {
    artifactLocation: absolute
      ? { uri: pathToFileURL(file).href }
      : { uri: relativeUri(file), uriBaseId: '%SRCROOT%' },
  };
  if (d.range) {
    const end = exclusiveEnd(d.range, lengthsOf(lines));
    physicalLocation.region = {
      startLine: d.range.start.line,
      startColumn: d.range.start.column,
      endLine: end.line,
      // SARIF's endColumn is exclusive, like ours; without it the region runs to the end of endLine.
      ...(end.column === undefined ? {} : { endColumn: end.column }),
    };
  } else if (d.row !== undefined) {
    // A data file's row is its line as long as no quoted field spans lines; close enough to annotate.
    physicalLocation.region = { startLine: d.row };
  }
  return { physicalLocation };
}

/** A relative path as a URI reference: forward slashes, each segment percent-encoded (spaces, 中文). */
function relativeUri(file: string): string {
  return file.replaceAll('\\', '/').split('/').map(encodeURIComponent).join('/');
}
