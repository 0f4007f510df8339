/**
 * The shell examples of the documentation, as commands a test can run: ```sh, ```bash and
 * ```console blocks. In a console block a command starts with `$ ` and the lines up to the next
 * prompt are its output; elsewhere every line is a command. A line ending in `\` continues on
 * the next. A command's exit code is 0 unless the line says otherwise in a comment: `# exit 1`.
 */
export interface Example {
  doc: string;
  /** The line of the command's first line in the doc, 1-based. */
  line: number;
  /** The command as written, continuations joined, its comment removed. */
  command: string;
  exit: number;
  /** The output a console block shows for it, when it shows any. */
  output?: string;
  /** The first command of its block: an allow-listed script skips its whole block. */
  blockStart: number;
}

const FENCE = /^```(sh|bash|console|shell)\s*$/;

export function shellExamples(doc: string, markdown: string): Example[] {
  const lines = markdown.split('\n');
  const out: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = FENCE.exec(lines[i]!);
    if (!fence) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !lines[end]!.startsWith('```')) end++;
    const body = lines.slice(start, end);
    const block = fence[1] === 'console' ? consoleCommands(body) : scriptCommands(body);
    for (const c of block)
      out.push({
        ...parseComment(c.text),
        doc,
        line: start + c.index + 1,
        output: c.output,
        blockStart: start + 1,
      });
    i = end;
  }
  return out;
}

interface Raw {
  index: number;
  text: string;
  output?: string;
}

function joinContinuations(lines: readonly string[], from: number): { text: string; next: number } {
  let text = lines[from]!;
  let k = from;
  while (/\\\s*$/.test(text) && k + 1 < lines.length) {
    k++;
    text = `${text.replace(/\s*\\\s*$/, '')} ${lines[k]!.trim()}`;
  }
  return { text, next: k + 1 };
}

function scriptCommands(lines: readonly string[]): Raw[] {
  const out: Raw[] = [];
  for (let i = 0; i < lines.length; ) {
    if (lines[i]!.trim() === '' || lines[i]!.trim().startsWith('#')) {
      i++;
      continue;
    }
    const { text, next } = joinContinuations(lines, i);
    out.push({ index: i, text: text.trim() });
    i = next;
  }
  return out;
}

function consoleCommands(lines: readonly string[]): Raw[] {
  const out: Raw[] = [];
  for (let i = 0; i < lines.length; ) {
    if (!lines[i]!.startsWith('$ ')) {
      i++;
      continue;
    }
    const { text, next } = joinContinuations(lines, i);
    let k = next;
    while (k < lines.length && !lines[k]!.startsWith('$ ')) k++;
    const output = lines.slice(next, k).join('\n').replace(/\s+$/, '');
    out.push({ index: i, text: text.slice(2).trim(), output: output === '' ? undefined : output });
    i = k;
  }
  return out;
}

/** `cmd args  # exit 1` → the command and its expected exit code. */
function parseComment(text: string): { command: string; exit: number } {
  const words = splitWords(text);
  const comment = words.comment ?? '';
  const exit = /\bexit (\d+)\b/.exec(comment);
  return {
    command: words.commentAt === undefined ? text : text.slice(0, words.commentAt).trim(),
    exit: exit ? Number(exit[1]) : 0,
  };
}

/**
 * Shell words as sh reads them for the commands docs show: quotes, backslashes, a trailing
 * comment, `> file`. Anything else a shell would interpret (pipes, `&&`, `;`, variables) makes
 * the command `unsupported`: such examples are run only through the allow-list of the test.
 */
export function splitWords(text: string): {
  words: string[];
  redirect?: string;
  unsupported?: string;
  comment?: string;
  commentAt?: number;
} {
  const words: string[] = [];
  let redirect: string | undefined;
  let unsupported: string | undefined;
  let word: string | undefined;
  let toRedirect = false;
  const end = () => {
    if (word === undefined) return;
    if (toRedirect) {
      redirect = word;
      toRedirect = false;
    } else words.push(word);
    word = undefined;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      if (close < 0) return { words, unsupported: 'an unclosed quote' };
      word = (word ?? '') + text.slice(i + 1, close);
      i = close;
    } else if (c === '"') {
      const close = text.indexOf('"', i + 1);
      if (close < 0) return { words, unsupported: 'an unclosed quote' };
      const inner = text.slice(i + 1, close);
      if (/[$`\\]/.test(inner)) unsupported ??= 'a variable or escape in double quotes';
      word = (word ?? '') + inner;
      i = close;
    } else if (c === '\\' && i + 1 < text.length) {
      word = (word ?? '') + text[++i];
    } else if (/\s/.test(c)) {
      end();
    } else if (c === '#' && word === undefined) {
      end();
      return { words, redirect, unsupported, comment: text.slice(i + 1).trim(), commentAt: i };
    } else if (c === '>') {
      end();
      toRedirect = true;
    } else if ('|&;<$`(){}*?'.includes(c)) {
      unsupported ??= `'${c}'`;
      word = (word ?? '') + c;
    } else word = (word ?? '') + c;
  }
  end();
  if (toRedirect) unsupported ??= 'a redirect without a file';
  return { words, redirect, unsupported };
}

/**
 * Whether the output a doc shows is what the command printed. Trailing spaces and blank lines
 * do not count; `…` stands for any text within a line, and a line holding only `…` for any
 * number of lines (none included).
 */
export function outputMatches(expected: string, actual: string): boolean {
  const normalize = (s: string) =>
    s
      .split('\n')
      .map((l) => l.replace(/\s+$/, ''))
      .join('\n')
      .replace(/\n+$/, '');
  const pattern = normalize(expected)
    .split('\n')
    .map((line) =>
      line.trim() === '…'
        ? '(?:[^\\n]*\\n)*?'
        : `${line
            .split('…')
            .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
            .join('[^\\n]*?')}\\n`,
    )
    .join('');
  return new RegExp(`^${pattern}$`, 'u').test(`${normalize(actual)}\n`);
}
