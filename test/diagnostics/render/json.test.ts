import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/diagnostics/diagnostic.js';
import { renderJson } from '../../../src/diagnostics/render/json.js';

describe('JSON output', () => {
  it('has the documented shape: version, files, diagnostics, summary', () => {
    const diagnostics: Diagnostic[] = [
      {
        // keys in an unusual order, and an undefined one, as a producer might leave them
        message: 'bands overlap between 100 and 200',
        help: undefined,
        severity: 'warning',
        code: 'TW0207',
        pointer: '/dimensions/value/metrics/spend12m/score/bands/1',
        range: { end: { column: 9, line: 4 }, start: { line: 4, column: 3 } },
        file: 'policies/a.tier.yaml',
        example: { spend12m: 150 },
      },
      { code: 'TW0001', severity: 'error', message: 'cannot read b.yaml: no such file', file: 'b.yaml' },
    ];
    const output = renderJson({
      diagnostics,
      sources: new Map(),
      files: ['policies/a.tier.yaml', 'b.yaml', 'c.yaml'],
    });
    expect(output.endsWith('}\n')).toBe(true);
    const report = JSON.parse(output) as Record<string, unknown>;
    expect(report).toEqual({
      version: 1,
      files: ['policies/a.tier.yaml', 'b.yaml', 'c.yaml'],
      diagnostics: [
        {
          code: 'TW0207',
          severity: 'warning',
          message: 'bands overlap between 100 and 200',
          file: 'policies/a.tier.yaml',
          range: { start: { line: 4, column: 3 }, end: { line: 4, column: 9 } },
          pointer: '/dimensions/value/metrics/spend12m/score/bands/1',
          example: { spend12m: 150 },
        },
        { code: 'TW0001', severity: 'error', message: 'cannot read b.yaml: no such file', file: 'b.yaml' },
      ],
      summary: { errors: 1, warnings: 1, infos: 0 },
    });
    // Stable key order keeps reports diffable between runs.
    const first = (report.diagnostics as Record<string, unknown>[])[0]!;
    expect(Object.keys(first)).toEqual([
      'code',
      'severity',
      'message',
      'file',
      'range',
      'pointer',
      'example',
    ]);
  });

  it('lists the files findings name when the caller gives no file list', () => {
    const report = JSON.parse(
      renderJson({
        diagnostics: [
          { code: 'TW0004', severity: 'error', message: 'm', file: 'b.yaml' },
          { code: 'TW0004', severity: 'error', message: 'm', file: 'a.yaml' },
          { code: 'TW0004', severity: 'error', message: 'm', file: 'b.yaml' },
          { code: 'TW0004', severity: 'error', message: 'm' },
        ],
        sources: new Map(),
      }),
    ) as { files: string[] };
    expect(report.files).toEqual(['b.yaml', 'a.yaml']);
  });
});
