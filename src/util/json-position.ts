/**
 * Where JSON.parse stopped, as 1-based line and column, from the offset V8 puts in its message.
 * The message itself is never shown: V8 quotes the text around the fault, which may be a
 * customer's name or phone number.
 */
export function jsonErrorPosition(
  text: string,
  error: unknown,
): { line: number; column: number } | undefined {
  const message = error instanceof Error ? error.message : '';
  const m = /at position (\d+)/.exec(message);
  // "Unexpected end of JSON input" has no offset: the fault is at the end.
  const offset = m ? Number(m[1]) : /end of JSON input/.test(message) ? text.length : undefined;
  if (offset === undefined) return undefined;
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++)
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  return { line, column: offset - start + 1 };
}
