import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { ON_ERROR, type OnError } from '../data/errors.js';
import { ENCODINGS, type EncodingOption } from '../data/types.js';
import { allowUntieredOption } from './options.js';

export function parseWorkers(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 256)
    throw new InvalidArgumentError('expected a whole number from 1 to 256');
  return n;
}

/** The data options every population command (simulate, diff, calibrate) takes. */
export interface DataOptions {
  data: string;
  transactions?: string;
  asOf: string;
  onError: OnError;
  encoding: EncodingOption;
  sheet?: string;
  mapping?: string;
  allowUntiered?: string;
  key?: string;
  workers?: number;
  out?: string;
  lang: 'en' | 'zh-CN';
}

export function addDataOptions(command: Command): Command {
  return command
    .requiredOption('--data <file>', 'customer records: CSV, TSV, NDJSON, JSON or XLSX')
    .option('--transactions <file>', 'transaction log for aggregate facts (sums, recency, trends)')
    .option(
      '--workers <n>',
      'worker threads reading a large CSV (default: the machine’s cores; 1: none)',
      parseWorkers,
    )
    .option(
      '--as-of <date>',
      'the date windows end on: 2024-03-01, a date-time with offset, or today',
      'today',
    )
    .addOption(
      new Option('--on-error <mode>', 'what a bad row does').choices([...ON_ERROR]).default('report'),
    )
    .addOption(
      new Option('--encoding <encoding>', 'text encoding of data files')
        .choices([...ENCODINGS])
        .default('auto'),
    )
    .option('--sheet <name>', 'xlsx: the sheet to read (default: the first)')
    .option('--mapping <file>', MAPPING_HELP)
    .addOption(allowUntieredOption())
    .option(
      '--key <pem>',
      'only accept policy artifacts signed with this Ed25519 public key (or $TIERWISE_VERIFY_KEY)',
    )
    .option('--out <file>', 'write the report here (atomically) instead of stdout')
    .addOption(
      new Option('--lang <language>', 'language of headings and labels')
        .choices(['en', 'zh-CN'])
        .default('en'),
    );
}

/** The help of `--mapping`, the same on every command that reads data. */
export const MAPPING_HELP =
  'a column mapping (kind: ColumnMapping) naming this export’s columns for the policy’s facts';
