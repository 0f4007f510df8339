import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/diagnostics/diagnostic.js';
import { escapeData, escapeProperty, renderGithub } from '../../../src/diagnostics/render/github.js';

const FILE = 'policies/retail.tier.yaml';
const SOURCE = 'dimensions:\n  value:\n    weight: 90\ntiers: {}\n';
const render = (diagnostics: Diagnostic[]) =>
  renderGithub({ diagnostics, sources: new Map([[FILE, SOURCE]]), files: [FILE] }).split('\n');

describe('GitHub Actions annotations', () => {
  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('50% off\r\nnext: a, b')).toBe('50%25 off%0D%0Anext: a, b');
    expect(escapeProperty('50% off\r\nnext: a, b')).toBe('50%25 off%0D%0Anext%3A a%2C b');
    // % first: escaping it last would turn the %0A just written into %250A
    expect(escapeData('\n%')).toBe('%0A%25');
  });

  it('writes one command per finding with position, title and the help in the message', () => {
    const [line] = render([
      {
        code: 'TW0203',
        severity: 'error',
        message: 'weights sum to 90% (value: 90)',
        file: FILE,
        range: { start: { line: 3, column: 13 }, end: { line: 3, column: 15 } },
        help: 'make them add up to 100,\nor rescale',
      },
    ]);
    expect(line).toBe(
      '::error file=policies/retail.tier.yaml,line=3,col=13,endLine=3,endColumn=14,' +
        'title=TW0203 weights do not sum to 100' +
        '::weights sum to 90%25 (value: 90)%0Ahelp: make them add up to 100,%0Aor rescale',
    );
  });

  it('gives a multi-line range lines only, ending on the last line the value uses', () => {
    const [line] = render([
      {
        code: 'TW0207',
        severity: 'warning',
        message: 'bands overlap',
        file: FILE,
        range: { start: { line: 2, column: 3 }, end: { line: 4, column: 1 } },
        example: { spend12m: 150 },
      },
    ]);
    expect(line).toBe(
      '::warning file=policies/retail.tier.yaml,line=2,endLine=3,title=TW0207 bands overlap' +
        '::bands overlap%0Aexample: spend12m = 150',
    );
  });

  it('turns info into a notice, escapes the properties, and ends with the summary', () => {
    const lines = render([
      { code: 'TW0315', severity: 'info', message: 'first wins', file: 'a,b:c.yaml' },
      { code: 'TW0001', severity: 'error', message: 'no files' },
    ]);
    expect(lines).toEqual([
      '::notice file=a%2Cb%3Ac.yaml,title=TW0315 customers two tiers match (the first wins)::first wins',
      '::error title=TW0001 file cannot be read::no files',
      'checked 1 file: 1 error, 1 info',
      '',
    ]);
  });
});
