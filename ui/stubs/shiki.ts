// Stands in for shiki (see ui/build.mjs): hover texts are shown as plain text.
export const getHighlighter = async () => ({ codeToHtml: (code: string) => code });
export const createHighlighter = getHighlighter;
export const bundledLanguages = {};
export const bundledThemes = {};
export default function fromHighlighter() {
  return () => {};
}
