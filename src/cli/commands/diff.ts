import type { Command } from 'commander';
import { Option } from 'commander';
import { ON_ERROR } from '../../data/errors.js';
import { ENCODINGS } from '../../data/types.js';
import type { DiagnosticFormat } from '../../diagnostics/render/index.js';
import { SIMULATION_FORMATS, type SimulationFormat } from '../../report/formats.js';
import type { CliIO } from '../io.js';
import { allowUntieredOption } from '../options.js';
import type { DataOptions } from '../population.js';
import { MAPPING_HELP } from '../population.js';

/**
 * `tierwise diff` compares two things, one mode per option: `--semver OLD NEW` compares two
 * versions of a policy; `--from A --to B --data D` compares what two policies do to a
 * population. Each mode is a function in diff/run.ts; the action only picks one.
 */
export interface DiffOptions extends Partial<DataOptions> {
  semver: boolean;
  format: DiagnosticFormat | SimulationFormat;
  maxBytes?: number;
  from?: string;
  to?: string;
  limit: string;
  kpi?: string[];
}

export function registerDiff(program: Command, io: CliIO): void {
  program
    .command('diff')
    .description(
      'compare policies; --semver OLD NEW: classify each change major/minor/patch and fail when the version is not bumped enough',
    )
    .argument(
      '[old]',
      'the old policy: a file, or a git revision REF:path (e.g. origin/main:policies/x.tier.yaml)',
    )
    .argument('[new]', 'the new policy: a file (or REF:path)')
    .option('--semver', 'check that metadata.version is bumped at least as much as the changes need', false)
    .option('--from <policy>', 'population mode: the current policy (file or artifact)')
    .option('--to <policy>', 'population mode: the proposed policy (file or artifact)')
    .option('--data <file>', 'population mode: customer records: CSV, TSV, NDJSON, JSON or XLSX')
    .option('--transactions <file>', 'population mode: transaction log for aggregate facts')
    .option('--as-of <date>', 'population mode: the date windows end on', 'today')
    .addOption(
      new Option('--on-error <mode>', 'what a bad row does').choices([...ON_ERROR]).default('report'),
    )
    .addOption(
      new Option('--encoding <encoding>', 'text encoding of data files')
        .choices([...ENCODINGS])
        .default('auto'),
    )
    .option('--sheet <name>', 'xlsx: the sheet to read')
    .option('--mapping <file>', `population mode: ${MAPPING_HELP}`)
    .addOption(allowUntieredOption())
    .option(
      '--key <pem>',
      'only accept policy artifacts signed with this Ed25519 public key (or $TIERWISE_VERIFY_KEY)',
    )
    .option('--limit <n>', 'population mode: movers listed (all are counted)', '1000')
    .option('--kpi <fact...>', 'population mode: facts to average per tier')
    .option('--out <file>', 'population mode: write the report here (atomically)')
    .addOption(
      new Option('--lang <language>', 'language of headings and labels')
        .choices(['en', 'zh-CN'])
        .default('en'),
    )
    .addOption(
      new Option(
        '--format <format>',
        'output format: text|json|sarif|github for --semver; table|json|csv|md|html for a population',
      ).choices(['text', 'json', 'sarif', 'github', ...SIMULATION_FORMATS]),
    )
    .option('--max-bytes <n>', 'refuse policy files larger than this', (v) => Number.parseInt(v, 10))
    .action(async (oldSpec: string | undefined, newSpec: string | undefined, opts: DiffOptions) => {
      const { diff } = await import('./diff/run.js');
      await diff(oldSpec, newSpec, opts, io);
    });
}
