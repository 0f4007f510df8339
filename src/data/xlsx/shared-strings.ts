import { msg } from '../../i18n/text.js';
import { type PartContext, type PartHandler, readPart } from './part.js';
import type { WorkbookProblem } from './problem.js';

/**
 * Collects the text of one value spread over pieces and runs, keeping at most `max` characters:
 * a longer value is kept as its first `max` characters, still too long for the row check
 * (oversizedCell) to pass, so a hostile 1 GiB cell costs no more memory than a 1 MiB one.
 */
export class TextCollector {
  private value = '';

  constructor(private readonly max: number) {}

  add(piece: string): void {
    const room = this.max - this.value.length;
    if (room > 0) this.value += piece.length > room ? piece.slice(0, room) : piece;
  }

  take(): string {
    const value = this.value;
    this.value = '';
    return value;
  }
}

/**
 * xl/sharedStrings.xml: every distinct text of the workbook, once; a cell of type `s` holds an
 * index into it. Phonetic runs (<rPh>, the furigana of Japanese text) are not the cell's text.
 */
class SharedStringsHandler implements PartHandler {
  readonly strings: string[] = [];
  problem?: WorkbookProblem;
  private inItem = false;
  private inPhonetic = false;
  private inText = false;
  private chars = 0;
  private readonly collector: TextCollector;

  constructor(
    maxFieldChars: number,
    private readonly maxCount: number,
    private readonly maxChars: number,
  ) {
    this.collector = new TextCollector(maxFieldChars + 1);
  }

  get wantsText(): boolean {
    return this.inText;
  }

  open(name: string, _a: unknown, selfClosing: boolean): void {
    if (name === 'si') this.inItem = true;
    else if (name === 'rPh') this.inPhonetic = true;
    else if (name === 't' && this.inItem && !this.inPhonetic && !selfClosing) this.inText = true;
  }

  close(name: string): void {
    if (name === 't') this.inText = false;
    else if (name === 'rPh') this.inPhonetic = false;
    else if (name === 'si' && this.inItem) {
      this.inItem = false;
      const value = this.collector.take();
      this.chars += value.length;
      if (this.strings.length >= this.maxCount || this.chars > this.maxChars) {
        this.problem ??= {
          code: 'TW0622',
          message: msg('data.xlsxTooManyStrings', {
            count: this.maxCount.toLocaleString('en-US'),
            chars: this.maxChars.toLocaleString('en-US'),
          }),
          help: msg('data.xlsxTooManyStringsHelp'),
        };
        return;
      }
      this.strings.push(value);
    }
  }

  text(piece: string): void {
    this.collector.add(piece);
  }
}

export async function readSharedStrings(
  context: PartContext,
  part: string,
  maxFieldChars: number,
): Promise<string[] | WorkbookProblem> {
  const { limits } = context;
  const handler = new SharedStringsHandler(
    maxFieldChars,
    limits.maxSharedStrings,
    limits.maxSharedStringChars,
  );
  const problem = await readPart(context, part, handler);
  return problem ?? handler.strings;
}
