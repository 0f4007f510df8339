import type { Command } from 'commander';
import { Option } from 'commander';
import type { EngineChoice } from '../../compile/evaluate.js';
import { ON_ERROR, type OnError } from '../../data/errors.js';
import { ENCODINGS, type EncodingOption } from '../../data/types.js';
import type { Language } from '../../i18n/language.js';
import { EVAL_FORMATS, type EvalFormat } from '../../report/formats.js';
import type { HelpText } from '../help.js';
import type { CliIO } from '../io.js';
import { allowUntieredOption, languageOption, serverOptions } from '../options.js';
import { workersParser } from '../population.js';

export interface EvalOptions {
  policy?: string;
  data?: string;
  transactions?: string;
  customer?: string[];
  asOf?: string;
  format: EvalFormat;
  explain: boolean;
  facts: boolean;
  summary: boolean;
  out?: string;
  onError: OnError;
  encoding: EncodingOption;
  sheet?: string;
  mapping?: string;
  allowUntiered?: string;
  lang: Language;
  engine: EngineChoice | 'duckdb' | 'auto';
  key?: string;
  workers?: number;
  server?: string;
  businessUnit?: string;
  token?: string;
  at?: string;
  overrides?: string;
  /** Internal: the CSV is for a program (no BOM, no formula guard, no "wrote" line): Parquet's source. */
  forProgram?: boolean;
}

export function registerEval(program: Command, io: CliIO, h: HelpText): void {
  const command = program
    .command('eval')
    .description(h('eval'))
    .option('--policy <file>', h('policyOrServer'))
    .option('--key <pem>', h('keyArtifact'))
    .option('--data <file>', h('dataDuck'))
    .option('--transactions <file>', h('transactions'))
    .option('--customer <id...>', h('evalCustomer'))
    .option('--workers <n>', h('evalWorkers'), workersParser(h))
    .option('--as-of <date>', h('asOf'), 'today')
    .addOption(new Option('--format <format>', h('evalFormat')).choices([...EVAL_FORMATS]).default('table'))
    .option('--explain', h('evalExplain'), false)
    .option('--facts', h('evalFacts'), false)
    .option('--summary', h('evalSummary'), false)
    .option('--overrides <file>', h('evalOverrides'))
    .option('--out <file>', h('evalOut'))
    .addOption(new Option('--on-error <mode>', h('onError')).choices([...ON_ERROR]).default('report'))
    .addOption(new Option('--encoding <encoding>', h('encoding')).choices([...ENCODINGS]).default('auto'))
    .option('--sheet <name>', h('sheet'))
    .option('--mapping <file>', h('mapping'))
    .addOption(allowUntieredOption(h))
    .addOption(languageOption(h))
    .addOption(
      new Option('--engine <engine>', h('evalEngine'))
        .choices(['auto', 'compiled', 'reference', 'duckdb'])
        .default('auto'),
    );
  serverOptions(command, h);
  command.action(async (opts: EvalOptions) => {
    const { evaluate } = await import('./eval/run.js');
    process.exitCode = await evaluate(opts, io);
  });
}
