import type { Command } from 'commander';
import { Option } from 'commander';
import type { EngineChoice } from '../../compile/evaluate.js';
import { ON_ERROR, type OnError } from '../../data/errors.js';
import { ENCODINGS, type EncodingOption } from '../../data/types.js';
import { RESULT_FORMATS, type ResultFormat } from '../../report/formats.js';
import type { CliIO } from '../io.js';
import { allowUntieredOption } from '../options.js';
import { MAPPING_HELP, parseWorkers } from '../population.js';

export interface EvalOptions {
  policy: string;
  data: string;
  transactions?: string;
  customer?: string[];
  asOf?: string;
  format: ResultFormat;
  explain: boolean;
  summary: boolean;
  out?: string;
  onError: OnError;
  encoding: EncodingOption;
  sheet?: string;
  mapping?: string;
  allowUntiered?: string;
  lang: 'en' | 'zh-CN';
  engine: EngineChoice;
  key?: string;
  workers?: number;
}

export function registerEval(program: Command, io: CliIO): void {
  program
    .command('eval')
    .description(
      'evaluate customers against a policy: tier, score, classes, SLA and entitlements, with --explain the reasons',
    )
    .requiredOption('--policy <file>', 'the policy (*.tier.yaml) or a policy artifact (*.tierpkg.tgz)')
    .option(
      '--key <pem>',
      'only accept policy artifacts signed with this Ed25519 public key (or $TIERWISE_VERIFY_KEY)',
    )
    .requiredOption('--data <file>', 'customer records: CSV, TSV, NDJSON, JSON or XLSX')
    .option('--transactions <file>', 'transaction log for aggregate facts (sums, recency, trends)')
    .option('--customer <id...>', 'only these customers (quotas still rank everyone)')
    .option(
      '--workers <n>',
      'worker threads for --summary of a large CSV (default: the machine’s cores; 1: none)',
      parseWorkers,
    )
    .option(
      '--as-of <date>',
      'the date windows end on: 2024-03-01, a date-time with offset, or today',
      'today',
    )
    .addOption(new Option('--format <format>', 'output format').choices([...RESULT_FORMATS]).default('table'))
    .option('--explain', 'every metric, the deciding rule and what it takes to move up', false)
    .option('--summary', 'print only the tier distribution (customers and revenue per tier)', false)
    .option('--out <file>', 'write results here (atomically) instead of stdout')
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
    .addOption(new Option('--lang <language>', 'language of labels').choices(['en', 'zh-CN']).default('en'))
    .addOption(
      new Option('--engine <engine>', 'compiled (fast) or reference (json-rules-engine)')
        .choices(['compiled', 'reference'])
        .default('compiled'),
    )
    .action(async (opts: EvalOptions) => {
      const { evaluate } = await import('./eval/run.js');
      process.exitCode = await evaluate(opts, io);
    });
}
