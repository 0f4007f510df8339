/**
 * The policy name and business unit a draft's `metadata` block declares, read from its text so the
 * what-if knows what to compare with before anything is sent. Only the block's own keys (not
 * nested ones) are read; the server checks the draft properly when it runs.
 */
export function draftMetadata(content: string): { name?: string; businessUnit?: string } {
  const lines = content.split(/\r?\n/);
  const start = lines.findIndex((line) => /^metadata:[ \t]*(#.*)?$/.test(line));
  if (start < 0) return {};
  const out: { name?: string; businessUnit?: string } = {};
  let indent: string | undefined;
  for (const line of lines.slice(start + 1)) {
    if (/^[ \t]*(#.*)?$/.test(line)) continue;
    const own = /^([ \t]+)/.exec(line)?.[1];
    if (!own) break;
    indent ??= own;
    if (own !== indent) continue;
    const found = /^[ \t]+(name|businessUnit):[ \t]*(['"]?)([^'"#\s][^'"#]*?)\2[ \t]*(#.*)?$/.exec(line);
    if (found) out[found[1] as 'name' | 'businessUnit'] ??= found[3]!;
  }
  return out;
}
