import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { Log, Result } from 'sarif';
import { describe, expect, it } from 'vitest';
import { CODES } from '../../../src/diagnostics/codes.js';
import type { Diagnostic } from '../../../src/diagnostics/diagnostic.js';
import { renderSarif } from '../../../src/diagnostics/render/sarif.js';
import { VERSION } from '../../../src/version.js';
import { SARIF_SUBSET_SCHEMA } from './sarif-subset-schema.js';

const FILE = 'policies/零售 retail.tier.yaml';
const SOURCE = 'dimensions:\n  value:\n    weight: 90\ntiers: {}\n';

const DIAGNOSTICS: Diagnostic[] = [
  {
    code: 'TW0203',
    severity: 'error',
    message: 'dimension weights sum to 90, not 100',
    file: FILE,
    // a block value: yaml ends it at column 1 of the next line
    range: { start: { line: 2, column: 3 }, end: { line: 4, column: 1 } },
    pointer: '/dimensions',
    help: 'make the dimension weights add up to 100',
  },
  {
    code: 'TW0315',
    severity: 'info',
    message: 'customers with spend12m ≥ 500000 match vip and key',
    file: FILE,
    range: { start: { line: 3, column: 13 }, end: { line: 3, column: 15 } },
    example: { spend12m: 500000 },
  },
  { code: 'TW0001', severity: 'error', message: 'cannot read /abs/x.yaml', file: '/abs/x.yaml' },
  { code: 'TW9999', severity: 'warning', message: 'a code the table does not know' },
];

const log = JSON.parse(
  renderSarif({ diagnostics: DIAGNOSTICS, sources: new Map([[FILE, SOURCE]]), files: [FILE] }),
) as Log;
const run = log.runs[0]!;
const results = run.results!;

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats.default(ajv);
const validate = ajv.compile(SARIF_SUBSET_SCHEMA);

describe('SARIF output', () => {
  it('has the structure SARIF 2.1.0 requires of everything we emit', () => {
    expect(validate(log), ajv.errorsText(validate.errors)).toBe(true);
  });

  it('is checked by a schema that rejects what SARIF forbids', () => {
    const broken = (change: (copy: Log) => void) => {
      const copy = structuredClone(log);
      change(copy);
      return validate(copy);
    };
    expect(broken((l) => Object.assign(l.runs[0]!.results![0]!, { level: 'info' }))).toBe(false);
    expect(broken((l) => Object.assign(l.runs[0]!.results![1]!, { message: {} }))).toBe(false);
    expect(broken((l) => Object.assign(l.runs[0]!.tool.driver, { name: undefined }))).toBe(false);
    expect(broken((l) => Object.assign(l.runs[0]!.tool.driver.rules![0]!, { helpUri: 'docs/x.md' }))).toBe(
      false,
    );
    const region = (l: Log) => l.runs[0]!.results![0]!.locations![0]!.physicalLocation!.region!;
    expect(broken((l) => Object.assign(region(l), { startLine: 0 }))).toBe(false);
  });

  it('describes every code as a rule with its title, default level and documentation', () => {
    const rules = run.tool.driver.rules!;
    expect(run.tool.driver).toMatchObject({ name: 'tierwise', version: VERSION });
    expect(rules.map((r) => r.id)).toEqual(Object.keys(CODES));
    expect(rules.find((r) => r.id === 'TW0207')).toEqual({
      id: 'TW0207',
      shortDescription: { text: 'bands overlap' },
      defaultConfiguration: { level: 'warning' },
      helpUri: 'https://tierwise.dev/docs/diagnostics.md#tw0207',
    });
  });

  it('points each result at its rule by id and index', () => {
    const rules = run.tool.driver.rules!;
    for (const r of results.filter((r) => r.ruleIndex !== undefined)) {
      expect(rules[r.ruleIndex!]!.id).toBe(r.ruleId);
    }
    expect(results[3]).toEqual({
      ruleId: 'TW9999',
      level: 'warning',
      message: { text: 'a code the table does not know' },
    });
  });

  it('gives a result its level, message with help, location and properties', () => {
    expect(results[0]).toEqual({
      ruleId: 'TW0203',
      ruleIndex: Object.keys(CODES).indexOf('TW0203'),
      level: 'error',
      message: {
        text: 'dimension weights sum to 90, not 100\nhelp: make the dimension weights add up to 100',
      },
      locations: [
        {
          physicalLocation: {
            artifactLocation: {
              uri: 'policies/%E9%9B%B6%E5%94%AE%20retail.tier.yaml',
              uriBaseId: '%SRCROOT%',
            },
            // ends after "weight: 90", not at the start of "tiers:"
            region: { startLine: 2, startColumn: 3, endLine: 3, endColumn: 15 },
          },
        },
      ],
      properties: { pointer: '/dimensions' },
    } satisfies Result);
    expect(results[1]!.level).toBe('note');
    expect(results[1]!.properties).toEqual({ example: { spend12m: 500000 } });
  });

  it('gives an absolute path as a file URI and a finding without a range no region', () => {
    expect(results[2]!.locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: 'file:///abs/x.yaml' } } },
    ]);
  });

  it('keeps every region in order, as the spec requires and the schema cannot say', () => {
    for (const r of results) {
      const region = r.locations?.[0]?.physicalLocation?.region;
      if (!region) continue;
      expect(region.endLine!).toBeGreaterThanOrEqual(region.startLine!);
      if (region.endLine === region.startLine)
        expect(region.endColumn!).toBeGreaterThanOrEqual(region.startColumn!);
    }
  });
});
