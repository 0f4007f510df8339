import type { Command } from 'commander';
import { Option } from 'commander';
import type { CliIO } from '../io.js';

export interface FmtOptions {
  check: boolean;
  stdout: boolean;
  maxBytes?: number;
}

export function registerFmt(program: Command, io: CliIO): void {
  program
    .command('fmt')
    .description(
      'rewrite policy files in the canonical layout (key order, indentation, inline style, long text folded), keeping comments',
    )
    .argument('[paths...]', 'policy files or directories (searched for *.tier.yaml)', ['policies'])
    .option('--check', 'write nothing: list the files that would change and exit 1 if there are any', false)
    .addOption(
      new Option('--stdout', 'print the formatted text instead of writing the files')
        .default(false)
        .conflicts('check'),
    )
    .option('--max-bytes <n>', 'refuse policy files larger than this', (v) => Number.parseInt(v, 10))
    .action(async (paths: string[], opts: FmtOptions) => {
      const { fmt } = await import('./fmt/run.js');
      await fmt(paths, opts, io);
    });
}
