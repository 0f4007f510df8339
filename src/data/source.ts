import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { msg } from '../i18n/text.js';
import type { LineEnding } from './decode.js';
import type { Encoding, Format, RawRecord, RecordSource } from './types.js';

/** What a format's reader produces: the header row once (tabular formats), then records. */
export type ReaderEvent =
  | { kind: 'header'; names: string[]; row: number; sheet?: string }
  | { kind: 'record'; record: RawRecord };

/**
 * Readers yield events in batches (a CSV reader, one per piece of the file): an async step per
 * row costs more than parsing the row does.
 */
export type Reader = AsyncGenerator<ReaderEvent[], void, undefined>;
export type StartReader = () => Reader;

export interface SourceInfo {
  file: string;
  format: Format;
  encoding?: Encoding;
  encodingDetected?: boolean;
  lineEnding?: LineEnding;
  sheet?: string;
}

/** JSON formats have no header row: their columns are the keys of this many first records. */
export const KEY_SAMPLE = 1000;

/**
 * Opens a reader and reads up to its header (or, for JSON formats, a sample of records), so that
 * a file that cannot be used at all is one diagnostic from openRecords. The first records() call
 * continues that same reader; later calls start again from the top of the file.
 */
export async function openSource(
  info: SourceInfo,
  start: StartReader,
  headers: 'header-row' | 'keys',
): Promise<RecordSource | Diagnostic> {
  let pending: Reader | undefined = start();
  const buffered: RawRecord[] = [];
  let names: string[] | undefined;
  let headerRow: number | undefined;
  let sheet = info.sheet;
  const keys = new Set<string>();
  const fail = async (d: Diagnostic): Promise<Diagnostic> => {
    await pending?.return();
    pending = undefined;
    return d;
  };
  reading: while (names === undefined && buffered.length < KEY_SAMPLE) {
    const next = await pending.next();
    if (next.done) break;
    for (const event of next.value) {
      if (names !== undefined || buffered.length >= KEY_SAMPLE) {
        // Read past what opening needs: kept for the first records() call.
        if (event.kind === 'record') buffered.push(event.record);
        continue;
      }
      if (event.kind === 'header') {
        names = event.names;
        headerRow = event.row;
        sheet ??= event.sheet;
        continue;
      }
      const { record } = event;
      // Before the header (or as the first record) a problem means the file cannot be read.
      if (headers === 'header-row' || (record.fatal && buffered.length === 0)) {
        return fail(record.problem ?? diagnostic('TW0601', msg('data.rowBeforeHeader'), { file: info.file }));
      }
      buffered.push(record);
      for (const key of Object.keys(record.fields)) keys.add(key);
      if (record.fatal) break reading;
    }
  }
  if (headers === 'header-row' && names === undefined) {
    return fail(
      diagnostic('TW0601', msg(info.format === 'xlsx' ? 'data.emptySheet' : 'data.emptyFile'), {
        file: info.file,
        help: msg('data.emptyHelp'),
      }),
    );
  }
  const columns = names ?? [...keys];

  async function* records(): AsyncGenerator<RawRecord> {
    // Records read while opening belong to the reader that read them, not to a fresh one.
    const replay = pending ? buffered.splice(0) : [];
    const reader = pending ?? start();
    pending = undefined;
    try {
      yield* replay;
      for await (const events of reader) {
        for (const event of events) if (event.kind === 'record') yield event.record;
      }
    } finally {
      await reader.return();
    }
  }

  return {
    ...info,
    sheet,
    headerRow,
    headers: async () => [...columns],
    records,
    close: async () => {
      await pending?.return();
      pending = undefined;
      buffered.length = 0;
    },
  };
}
