// Stands in for shiki and @shikijs/markdown-it, subpaths included (see ui/build.mjs): hover texts
// are shown as plain text, so no highlighter, theme or grammar is bundled.
export const getHighlighter = async () => ({ codeToHtml: (code: string) => code });
export const createHighlighter = getHighlighter;
export const createHighlighterCore = getHighlighter;
export const bundledLanguages = {};
export const bundledThemes = {};
export function fromHighlighter() {
  return () => {};
}
export default fromHighlighter;
