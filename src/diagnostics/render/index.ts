import { msg } from '../../i18n/text.js';
import type { Diagnostic } from '../diagnostic.js';
import { localizeDiagnostic } from '../localize.js';
import { diagnostic } from '../make.js';
import { renderGithub } from './github.js';
import type { RenderInput } from './input.js';
import { renderJson } from './json.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';

export type { RenderInput } from './input.js';

export type DiagnosticFormat = 'text' | 'json' | 'sarif' | 'github';

const RENDERERS: Record<DiagnosticFormat, (input: RenderInput) => string> = {
  text: renderText,
  json: renderJson,
  sarif: renderSarif,
  github: renderGithub,
};

/** Renders findings for a surface. Every surface renders through here, never its own way. */
export function renderDiagnostics(format: DiagnosticFormat, input: RenderInput): string {
  const language = input.language ?? 'en';
  const shown =
    input.maxPerCode === undefined ? input.diagnostics : capPerCode(input.diagnostics, input.maxPerCode);
  return RENDERERS[format]({
    ...input,
    language,
    diagnostics: shown.map((d) => localizeDiagnostic(d, language)),
  });
}

function capPerCode(diagnostics: readonly Diagnostic[], max: number): Diagnostic[] {
  const seen = new Map<string, number>();
  const shown: Diagnostic[] = [];
  for (const d of diagnostics) {
    const n = (seen.get(d.code) ?? 0) + 1;
    seen.set(d.code, n);
    if (n <= max) shown.push(d);
  }
  for (const [code, n] of seen)
    if (n > max)
      shown.push(
        diagnostic('TW0702', msg('diagnostics.moreOfCode', { n: n - max, code }), { severity: 'info' }),
      );
  return shown;
}
