import type { Range } from '../diagnostics/diagnostic.js';
import { joinPointer } from '../diagnostics/pointer.js';
import { customerColumns } from '../facts/customers.js';
import type { Policy } from '../policy/schema/policy.js';
import type { SourceMap } from '../policy/source-map.js';
import { maskValue } from '../privacy/mask.js';

/**
 * A test file as its code frames, SARIF regions and failing lines show it: the value of every
 * personal fact of its customers (`facts` by fact id, `record` by column) replaced by its mask,
 * as eval shows it. A failure's frame quotes the lines around the expectation, and a fixture's
 * contact or phone sits a line or two above it.
 *
 * Each value keeps its length in UTF-16 units, so every range and caret computed on the file
 * still lands where it did. Without a policy (it did not load) nothing says which facts are
 * personal, so every value of `facts` and `record` is masked.
 */
export function maskTestSource(
  text: string,
  data: unknown,
  sourceMap: SourceMap | undefined,
  policy: Policy | undefined,
): string {
  if (!sourceMap || !isObject(data)) return text;
  const personal = personalNames(policy);
  const places: { range: Range; value: unknown }[] = [];
  for (const list of ['cases', 'population'] as const) {
    const specs = data[list];
    if (!Array.isArray(specs)) continue;
    specs.forEach((spec, i) => {
      if (!isObject(spec)) return;
      for (const part of ['facts', 'record'] as const) {
        const values = spec[part];
        if (!isObject(values)) continue;
        for (const [name, value] of Object.entries(values)) {
          if (value === null || value === undefined) continue;
          if (personal && !personal[part].has(name)) continue;
          const pointer = joinPointer(`/${list}/${i}`, part, name);
          const range = sourceMap.has(pointer) ? sourceMap.range(pointer) : undefined;
          if (range) places.push({ range, value });
        }
      }
    });
  }
  if (places.length === 0) return text;
  const starts = lineStarts(text);
  const offset = (p: Range['start']) => (starts[p.line - 1] ?? text.length) + p.column - 1;
  const spans = places
    .map((p) => ({ start: offset(p.range.start), end: offset(p.range.end), value: p.value }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const { start, end, value } of spans)
    out = out.slice(0, start) + masked(out.slice(start, end), value) + out.slice(end);
  return out;
}

/** The fact ids and record columns that hold personal data; undefined when no policy says. */
function personalNames(policy: Policy | undefined): { facts: Set<string>; record: Set<string> } | undefined {
  if (!policy) return undefined;
  const facts = new Set(
    Object.entries(policy.facts ?? {})
      .filter(([, f]) => f.pii)
      .map(([id]) => id),
  );
  const record = new Set(
    customerColumns(policy, true)
      .columns.filter((c) => c.pii)
      .map((c) => c.column),
  );
  return { facts, record };
}

/**
 * The source text of one value, masked: on one line the mask (quoted as the value was, padded with
 * spaces, or all stars when the mask is the longer); over several lines every visible character a star.
 */
function masked(source: string, value: unknown): string {
  if (/[\r\n]/.test(source) || (typeof value === 'object' && value !== null))
    return source.replace(/[^\s]/g, '*');
  const quote = /^(["'])[\s\S]*\1$/.test(source) ? source[0]! : '';
  const shown = `${quote}${String(maskValue(value))}${quote}`;
  if (shown.length > source.length) return '*'.repeat(source.length);
  return shown + ' '.repeat(source.length - shown.length);
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
