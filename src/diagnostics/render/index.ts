import { localizeDiagnostic } from '../localize.js';
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
  return RENDERERS[format]({
    ...input,
    language,
    diagnostics: input.diagnostics.map((d) => localizeDiagnostic(d, language)),
  });
}
