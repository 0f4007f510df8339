import { extname } from 'node:path';

/** The formats a record file (a state, events, a timeline) is written in, chosen by its name. */
export type FileFormat = 'csv' | 'ndjson' | 'json';

/** `.json` is JSON, `.ndjson` and `.jsonl` NDJSON, anything else CSV. */
export function fileFormatOf(path: string): FileFormat {
  const ext = extname(path).toLowerCase();
  return ext === '.json' ? 'json' : ext === '.ndjson' || ext === '.jsonl' ? 'ndjson' : 'csv';
}

/** A file's content as written: a CSV starts with a BOM, so Excel reads its Chinese text as UTF-8. */
export function fileText(format: FileFormat, text: string): string {
  return format === 'csv' ? `\uFEFF${text}` : text;
}
