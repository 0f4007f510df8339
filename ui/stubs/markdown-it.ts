// Stands in for markdown-it (see ui/build.mjs): codemirror-json-schema renders the schema's
// descriptions with it for hovers; ours are plain sentences, shown escaped, `code` kept as code.
const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/`([^`]+)`/g, '<code>$1</code>');

export default function markdownIt() {
  return {
    render: (text: string) => `<p>${escapeHtml(text)}</p>`,
    renderInline: escapeHtml,
    use() {
      return this;
    },
  };
}
