import { diffLines } from 'diff';

/** One line of a YAML diff: its sign is in the text, so colour is never the only cue. */
export interface DiffRow {
  kind: 'added' | 'removed' | 'same' | 'skipped';
  /** 1-based line numbers on each side; a skipped row counts the lines it hides in `skipped`. */
  oldLine?: number;
  newLine?: number;
  text: string;
  skipped?: number;
}

/**
 * The line-level diff of two texts (jsdiff), unchanged runs longer than twice `context` folded
 * to one row: a review reads the changes and a few lines around each.
 */
export function lineDiff(before: string, after: string, context = 3): DiffRow[] {
  const rows: DiffRow[] = [];
  let oldLine = 1;
  let newLine = 1;
  for (const part of diffLines(before, after)) {
    const lines = part.value.replace(/\n$/, '').split('\n');
    for (const text of lines) {
      if (part.added) rows.push({ kind: 'added', newLine: newLine++, text });
      else if (part.removed) rows.push({ kind: 'removed', oldLine: oldLine++, text });
      else rows.push({ kind: 'same', oldLine: oldLine++, newLine: newLine++, text });
    }
  }
  return fold(rows, context);
}

function fold(rows: DiffRow[], context: number): DiffRow[] {
  const near = rows.map(() => false);
  rows.forEach((row, i) => {
    if (row.kind === 'same') return;
    for (let k = Math.max(0, i - context); k <= Math.min(rows.length - 1, i + context); k++) near[k] = true;
  });
  const out: DiffRow[] = [];
  let hidden: DiffRow[] = [];
  const flush = () => {
    if (hidden.length === 0) return;
    const first = hidden[0]!;
    out.push({
      kind: 'skipped',
      oldLine: first.oldLine,
      newLine: first.newLine,
      text: '',
      skipped: hidden.length,
    });
    hidden = [];
  };
  rows.forEach((row, i) => {
    if (near[i]) {
      flush();
      out.push(row);
    } else hidden.push(row);
  });
  flush();
  return out;
}
