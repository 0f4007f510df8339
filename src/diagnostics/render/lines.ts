/** A source text's lines as the `yaml` library counts them: split at LF, a CR before it dropped. */
export function sourceLines(text: string): string[] {
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return lines;
}

/** The lines of each file in `sources`, split once however many findings the file has. */
export function linesOf(
  sources: ReadonlyMap<string, string>,
): (file: string | undefined) => string[] | undefined {
  const cache = new Map<string, string[]>();
  return (file) => {
    if (file === undefined) return undefined;
    const cached = cache.get(file);
    if (cached) return cached;
    const text = sources.get(file);
    if (text === undefined) return undefined;
    const lines = sourceLines(text);
    cache.set(file, lines);
    return lines;
  };
}
