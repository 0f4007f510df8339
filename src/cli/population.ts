import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { ON_ERROR, type OnError } from '../data/errors.js';
import { ENCODINGS, type EncodingOption } from '../data/types.js';
import type { Language } from '../i18n/language.js';
import type { PopulationEngine } from '../simulate/engine-choice.js';
import type { HelpText } from './help.js';
import { allowUntieredOption, languageOption, populationEngineOption } from './options.js';

/** `--workers`: a whole number of threads from 1 to 256, or a usage error in the reader's language. */
export function workersParser(h: HelpText): (text: string) => number {
  return (text) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1 || n > 256) throw new InvalidArgumentError(h('wholeWorkers'));
    return n;
  };
}

/** The data options every population command (simulate, diff, calibrate) takes. */
export interface DataOptions {
  data?: string;
  transactions?: string;
  asOf: string;
  onError: OnError;
  encoding: EncodingOption;
  sheet?: string;
  mapping?: string;
  allowUntiered?: string;
  key?: string;
  workers?: number;
  engine?: PopulationEngine;
  out?: string;
  lang: Language;
}

type ReadFlags = Pick<DataOptions, 'data' | 'transactions' | 'onError' | 'encoding' | 'sheet'> & {
  asOf?: string;
};

/**
 * The files a run reads and how: what the population, fact, evaluation and re-rating paths take.
 * `asOf` keeps the command's own type (required where the command requires it).
 */
export function readOptions<O extends ReadFlags>(
  opts: O,
): {
  customers?: string;
  transactions?: string;
  asOf: O['asOf'];
  onError: OnError;
  encoding: EncodingOption;
  sheet?: string;
} {
  return {
    customers: opts.data,
    transactions: opts.transactions,
    asOf: opts.asOf,
    onError: opts.onError,
    encoding: opts.encoding,
    sheet: opts.sheet,
  };
}

export function addDataOptions(command: Command, h: HelpText): Command {
  return command
    .option('--data <file>', h('dataDuck'))
    .option('--transactions <file>', h('transactions'))
    .option('--workers <n>', h('workers'), workersParser(h))
    .addOption(populationEngineOption(h))
    .option('--as-of <date>', h('asOf'), 'today')
    .addOption(new Option('--on-error <mode>', h('onError')).choices([...ON_ERROR]).default('report'))
    .addOption(new Option('--encoding <encoding>', h('encoding')).choices([...ENCODINGS]).default('auto'))
    .option('--sheet <name>', h('sheet'))
    .option('--mapping <file>', h('mapping'))
    .addOption(allowUntieredOption(h))
    .option('--key <pem>', h('keyArtifact'))
    .option('--out <file>', h('outReport'))
    .addOption(languageOption(h));
}
