import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/diagnostics/diagnostic.js';
import { renderText } from '../../../src/diagnostics/render/text.js';
import { parsePolicyText } from '../../../src/policy/parse.js';

const FILE = 'policies/retail.tier.yaml';
const POLICY = `apiVersion: tierwise/v1
kind: TierPolicy
metadata:
  name: retail
  version: 1.0.0
  labels: { zh-CN: 零售客户分级, en: 42 }
dimensions:
  value:
    weight: 40
    metrics:
      spend12m:
        weight: 100
        score: { linear: { from: 0, to: 500000 } }
  loyalty:
    weight: 50
    metrics:
      repurchaseRate: { weight: 100, score: { linear: { from: 0, to: 100 } } }
tiers:
  method: thresholds
  levels:
    - id: vip
      minScore: 90
`;

/** Ranges exactly as the loader makes them: yaml's LineCounter, 1-based UTF-16 columns. */
const sourceMap = parsePolicyText(POLICY, FILE).sourceMap;
const at = (pointer: string, part?: 'key' | 'value') => sourceMap.range(pointer, part)!;

const render = (diagnostics: Diagnostic[], extra: { color?: boolean; files?: string[] } = {}) =>
  renderText({ diagnostics, sources: new Map([[FILE, POLICY]]), files: [FILE], ...extra });

describe('text rendering', () => {
  it('aligns carets after Chinese characters, which take two columns', () => {
    const output = render([
      {
        code: 'TW0102',
        severity: 'error',
        message: 'expected string, got number 42',
        file: FILE,
        range: at('/metadata/labels/en'),
        pointer: '/metadata/labels/en',
        help: 'write the English label as text, e.g. en: Retail',
      },
    ]);
    expect(output).toBe(
      [
        'error[TW0102]: expected string, got number 42',
        ' --> policies/retail.tier.yaml:6:32',
        '  |',
        '4 |   name: retail',
        '5 |   version: 1.0.0',
        '6 |   labels: { zh-CN: 零售客户分级, en: 42 }',
        '  |                                      ^^',
        '7 | dimensions:',
        '8 |   value:',
        '  |',
        '  = help: write the English label as text, e.g. en: Retail',
        '',
        'checked 1 file: 1 error',
        '',
      ].join('\n'),
    );
  });

  it('marks every line of a multi-line range and stops at the last line the value uses', () => {
    const output = render([
      {
        code: 'TW0203',
        severity: 'error',
        message: 'dimension weights sum to 90, not 100',
        file: FILE,
        range: at('/dimensions'),
        pointer: '/dimensions',
        help: 'make the dimension weights add up to 100',
        example: { spend12m: 30000, region: 'east' },
      },
    ]);
    expect(output).toBe(
      [
        'error[TW0203]: dimension weights sum to 90, not 100',
        '  --> policies/retail.tier.yaml:8:3',
        '   |',
        ' 6 |   labels: { zh-CN: 零售客户分级, en: 42 }',
        ' 7 | dimensions:',
        ' 8 |   value:',
        '   |   ^^^^^^',
        ' 9 |     weight: 40',
        '   |     ^^^^^^^^^^',
        '10 |     metrics:',
        '   |     ^^^^^^^^',
        '11 |       spend12m:',
        '   |       ^^^^^^^^^',
        '...',
        '16 |     metrics:',
        '   |     ^^^^^^^^',
        '17 |       repurchaseRate: { weight: 100, score: { linear: { from: 0, to: 100 } } }',
        '   |       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
        '18 | tiers:',
        '19 |   method: thresholds',
        '   |',
        '   = help: make the dimension weights add up to 100',
        '   = example: spend12m = 30000, region = "east"',
        '',
        'checked 1 file: 1 error',
        '',
      ].join('\n'),
    );
  });

  it('shows a short multi-line range whole', () => {
    const output = render([
      {
        code: 'TW0205',
        severity: 'error',
        message: 'a scoring function needs from < to',
        file: FILE,
        range: at('/dimensions/value/metrics/spend12m'),
      },
    ]);
    expect(output).toContain(
      [
        '11 |       spend12m:',
        '12 |         weight: 100',
        '   |         ^^^^^^^^^^^',
        '13 |         score: { linear: { from: 0, to: 500000 } }',
        '   |         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
        '14 |   loyalty:',
        '15 |     weight: 50',
        '',
      ].join('\n'),
    );
  });

  it('writes no ANSI escapes unless colour is asked for', () => {
    const diagnostic: Diagnostic = {
      code: 'TW0212',
      severity: 'warning',
      message: 'metric has weight 0',
      file: FILE,
      range: at('/dimensions/value/weight'),
      help: 'remove the metric or give it a weight',
    };
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the escape character is what is tested
    const ansi = /\u001b\[/;
    expect(render([diagnostic])).not.toMatch(ansi);
    expect(render([diagnostic], { color: true })).toMatch(ansi);
  });

  it('counts findings by severity in the summary', () => {
    const finding = (severity: Diagnostic['severity']): Diagnostic => ({
      code: 'TW0000',
      severity,
      message: 'm',
    });
    const files = ['a.yaml', 'b.yaml', 'c.yaml'];
    expect(render([], { files })).toBe('checked 3 files: no problems\n');
    const all = [finding('error'), finding('error'), finding('warning'), finding('info')];
    expect(render(all, { files }).split('\n').at(-2)).toBe('checked 3 files: 2 errors, 1 warning, 1 info');
  });

  it('renders a finding without a range or a file without a frame', () => {
    const output = render([
      { code: 'TW0002', severity: 'error', message: 'file is too large', file: 'big.yaml', help: 'split it' },
      { code: 'TW0001', severity: 'error', message: 'no policy files found' },
    ]);
    expect(output).toBe(
      [
        'error[TW0002]: file is too large',
        ' --> big.yaml',
        '  = help: split it',
        '',
        'error[TW0001]: no policy files found',
        '',
        'checked 1 file: 2 errors',
        '',
      ].join('\n'),
    );
  });

  it('indents the lines of a multi-line help under its first', () => {
    const output = render([{ code: 'TW0001', severity: 'info', message: 'm', help: 'first\nsecond' }]);
    expect(output).toContain('\n  = help: first\n          second\n');
  });

  it('spells out terminal control characters from the policy instead of sending them', () => {
    const output = render([
      { code: 'TW0101', severity: 'error', message: "unknown property '\u001b[2J'", file: FILE },
    ]);
    expect(output).toContain("unknown property '\\u001b[2J'");
    expect(output).not.toContain('\u001b');
  });
});
