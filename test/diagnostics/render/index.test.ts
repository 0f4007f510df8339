import { describe, expect, it } from 'vitest';
import { type DiagnosticFormat, renderDiagnostics } from '../../../src/diagnostics/render/index.js';

const input = {
  diagnostics: [{ code: 'TW0212', severity: 'warning' as const, message: 'weight 0', file: 'a.yaml' }],
  sources: new Map<string, string>(),
  files: ['a.yaml'],
};

describe('renderDiagnostics', () => {
  it.each<[DiagnosticFormat, string]>([
    ['text', 'warning[TW0212]: weight 0'],
    ['json', '"version": 1'],
    ['sarif', '"version": "2.1.0"'],
    ['github', '::warning file=a.yaml'],
  ])('renders %s, ending with a newline', (format, expected) => {
    const output = renderDiagnostics(format, input);
    expect(output).toContain(expected);
    expect(output.endsWith('\n')).toBe(true);
  });
});
