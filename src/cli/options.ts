import { type Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { parseAllowance } from '../engine/allowance.js';
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from '../i18n/language.js';
import { environmentLanguage, type HelpText } from './help.js';
import { EXIT } from './io.js';

export { LANGUAGE_ENV } from './help.js';

/** `--lang`, on every command that prints: en or zh-CN, by default $TIERWISE_LANG, else English. */
export function languageOption(h: HelpText): Option {
  return new Option('--lang <language>', h('lang')).choices([...LANGUAGES]).default(environmentLanguage());
}

export function languageOf(opts: { lang?: string }): Language {
  return isLanguage(opts.lang) ? opts.lang : DEFAULT_LANGUAGE;
}

/**
 * `--allow-untiered`: how many customers may go without a tier before the command exits 1. The
 * value is checked here (a usage error); the engine decides what it means.
 */
/** `--engine js|duckdb|auto` of the population commands: where the customers are evaluated. */
export function populationEngineOption(h: HelpText): Option {
  return new Option('--engine <engine>', h('populationEngine'))
    .choices(['js', 'duckdb', 'auto'])
    .default('auto');
}

export function allowUntieredOption(h: HelpText): Option {
  return new Option('--allow-untiered <n>', h('allowUntiered')).default('0').argParser((text: string) => {
    const allowance = parseAllowance(text);
    if (typeof allowance === 'string')
      throw new InvalidArgumentError(h(/%\s*$/.test(text) ? 'allowanceShare' : 'allowance'));
    return text.trim();
  });
}

const BYTE_UNITS: Record<string, number> = { '': 1, b: 1, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 };

/**
 * `--max-bytes`: a size limit. `Number.parseInt` read "abc" as NaN and "1e309" as 1, and a NaN
 * limit compared false with every size, which turned the limit off; only a whole positive count
 * (with an optional binary unit) is a limit.
 */
export function parseByteCount(h: HelpText): (text: string) => number {
  return (text: string) => {
    const m = /^\s*(\d+)\s*(b|kib|mib|gib)?\s*$/i.exec(text);
    const n = m ? Number(m[1]) * BYTE_UNITS[(m[2] ?? '').toLowerCase()]! : Number.NaN;
    if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError(h('byteCount'));
    return n;
  };
}

/**
 * An option given an empty value is a usage error on every command: `--key "$KEY"` with KEY
 * unset must not quietly mean "no key" (an unsigned artifact would then verify).
 */
export function refuseEmptyValues(command: Command, h: HelpText): void {
  for (const option of command.options as Option[]) {
    if (!option.required && !option.optional) continue;
    const parse = option.parseArg;
    option.argParser((text: string, previous: unknown) => {
      if (text.trim() === '') throw new InvalidArgumentError(h('emptyValue'));
      if (parse) return parse(text, previous);
      if (!option.variadic) return text;
      return Array.isArray(previous) && previous !== option.defaultValue ? [...previous, text] : [text];
    });
  }
  for (const sub of command.commands) refuseEmptyValues(sub, h);
}

/** Report formats a file's extension names, for `--out` without `--format`. */
const EXTENSION_FORMATS: Readonly<Record<string, string>> = {
  '.csv': 'csv',
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.parquet': 'parquet',
  '.md': 'md',
  '.html': 'html',
  '.htm': 'html',
};

/** Commands whose `--out` is the state they leave for the next run, not the report `--format` shapes. */
const STATE_OUT = new Set(['replay', 'rerate']);

/**
 * A report written with `--out results.csv` is a CSV unless `--format` says otherwise: on every
 * command with both options (but STATE_OUT), an extension naming one of the command's formats
 * stands for `--format`. Without it, `--out results.csv` wrote the terminal table into the file,
 * and `--out x.parquet` a text file named Parquet.
 */
export function formatFollowsOut(command: Command, h: HelpText): void {
  for (const sub of command.commands) formatFollowsOut(sub, h);
  if (STATE_OUT.has(command.name())) return;
  const options = command.options as Option[];
  const format = options.find((o) => o.long === '--format');
  const out = options.find((o) => o.long === '--out');
  const choices = format?.argChoices;
  if (choices && out) {
    out.description = `${out.description} ${h('outFormatFollows')}`;
    command.hook('preAction', (self) => {
      const file = self.getOptionValue('out');
      // Not given: a default, or none at all (diff picks its own by mode).
      const given = self.getOptionValueSource('format');
      if (typeof file !== 'string' || (given !== undefined && given !== 'default')) return;
      const dot = file.lastIndexOf('.');
      const named = dot < 0 ? undefined : EXTENSION_FORMATS[file.slice(dot).toLowerCase()];
      if (named !== undefined && choices.includes(named))
        self.setOptionValueWithSource('format', named, 'implied');
    });
  }
}

/**
 * `--out` is checked before the command does its work: a missing folder or a read-only place is a
 * usage error at once, not after every customer was evaluated (nothing is written either way).
 * keygen's `--out` names two files by a prefix, which it checks itself.
 */
export function outCheckedFirst(command: Command, language: Language): void {
  for (const sub of command.commands) outCheckedFirst(sub, language);
  if (command.name() === 'keygen' || !(command.options as Option[]).some((o) => o.long === '--out')) return;
  command.hook('preAction', async (self) => {
    const file = self.getOptionValue('out');
    if (typeof file !== 'string') return;
    try {
      const { probeWritable } = await import('../io/atomic-write.js');
      await probeWritable(file);
    } catch (error) {
      const { cannotWrite } = await import('./population/run.js');
      const lang = isLanguage(self.getOptionValue('lang')) ? self.getOptionValue('lang') : language;
      throw new CommanderError(EXIT.usage, 'tierwise.outUnwritable', cannotWrite(lang, file, error));
    }
  });
}

/** --server, --business-unit, --token, --at: run what a tierwise server has published (src/cli/remote.ts). */
export function serverOptions(command: Command, h: HelpText): Command {
  return command
    .option('--server <url>', h('server'))
    .option('--business-unit <unit>', h('businessUnit'))
    .option('--token <secret>', h('serverToken'))
    .option('--at <time>', h('serverAt'));
}

/** --db, --data-dir and --company-unit: where the registry is, as every registry command takes them. */
export function registryOptions(command: Command, h: HelpText): Command {
  return command
    .option('--db <location>', h('db'))
    .option('--data-dir <dir>', h('dataDir'))
    .option('--company-unit <unit>', h('companyUnit'));
}
