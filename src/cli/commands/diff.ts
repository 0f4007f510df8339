import type { Command } from 'commander';
import { Option } from 'commander';
import { ON_ERROR } from '../../data/errors.js';
import { ENCODINGS } from '../../data/types.js';
import type { DiagnosticFormat } from '../../diagnostics/render/index.js';
import { SIMULATION_FORMATS, type SimulationFormat } from '../../report/formats.js';
import type { HelpText } from '../help.js';
import type { CliIO } from '../io.js';
import { allowUntieredOption, languageOption, parseByteCount, populationEngineOption } from '../options.js';
import type { DataOptions } from '../population.js';

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

export function registerDiff(program: Command, io: CliIO, h: HelpText): void {
  program
    .command('diff')
    .description(h('diff'))
    .argument('[old]', h('diffOld'))
    .argument('[new]', h('diffNew'))
    .option('--semver', h('diffSemver'), false)
    .option('--from <policy>', h('diffFrom'))
    .option('--to <policy>', h('diffTo'))
    .option('--data <file>', h('diffData'))
    .option('--transactions <file>', h('diffTransactions'))
    .option('--as-of <date>', h('diffAsOf'), 'today')
    .addOption(populationEngineOption(h))
    .addOption(new Option('--on-error <mode>', h('onError')).choices([...ON_ERROR]).default('report'))
    .addOption(new Option('--encoding <encoding>', h('encoding')).choices([...ENCODINGS]).default('auto'))
    .option('--sheet <name>', h('diffSheet'))
    .option('--mapping <file>', h('diffMapping'))
    .addOption(allowUntieredOption(h))
    .option('--key <pem>', h('keyArtifact'))
    .option('--limit <n>', h('diffLimit'), '1000')
    .option('--kpi <fact...>', h('diffKpi'))
    .option('--out <file>', h('diffOut'))
    .addOption(languageOption(h))
    .addOption(
      new Option('--format <format>', h('diffFormat')).choices([
        'text',
        'json',
        'sarif',
        'github',
        ...SIMULATION_FORMATS,
      ]),
    )
    .option('--max-bytes <n>', h('maxBytes'), parseByteCount(h))
    .action(async (oldSpec: string | undefined, newSpec: string | undefined, opts: DiffOptions) => {
      const { diff } = await import('./diff/run.js');
      await diff(oldSpec, newSpec, opts, io);
    });
}
