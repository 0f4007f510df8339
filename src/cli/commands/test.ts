import type { Command } from 'commander';
import { Option } from 'commander';
import type { EngineChoice } from '../../compile/evaluate.js';
import { TEST_FORMATS, type TestFormat } from '../../testing/report/formats.js';
import type { CliIO } from '../io.js';

export interface TestCommandOptions {
  run?: string;
  coverage: boolean;
  threshold?: string;
  format: TestFormat;
  engine: EngineChoice;
  lang: 'en' | 'zh-CN';
  snapshot?: string;
  snapshotFile?: string;
  transactions?: string;
  asOf?: string;
  updateSnapshots: boolean;
  verbose: boolean;
  passWithNoTests: boolean;
}

export function registerTest(program: Command, io: CliIO): void {
  program
    .command('test')
    .description(
      'run the policy tests (*.test.yaml beside each policy): expected tiers, scores, classes, SLA, entitlements',
    )
    .argument('[paths...]', 'test files, policies (their sibling test file) or directories', [])
    .option('--run <regex>', 'only the cases whose name matches')
    .option('--coverage', 'report the tiers, conditions, bands, cells and classes the cases reach', false)
    .option('--threshold <percent>', 'fail when coverage is below this percentage (exact: 99.9 is not 100)')
    .addOption(new Option('--format <format>', 'output format').choices([...TEST_FORMATS]).default('pretty'))
    .addOption(
      new Option('--engine <engine>', 'compiled (fast) or reference (json-rules-engine)')
        .choices(['compiled', 'reference'])
        .default('compiled'),
    )
    .addOption(new Option('--lang <language>', 'language of labels').choices(['en', 'zh-CN']).default('en'))
    .option(
      '--snapshot <data>',
      'record every customer’s decision on this data set, or compare with the record',
    )
    .option(
      '--snapshot-file <file>',
      'where the snapshot lives (default: <policy>.snap.json beside the test file)',
    )
    .option('--transactions <file>', 'with --snapshot: the transaction log for aggregate facts')
    .option(
      '--as-of <date>',
      'with --snapshot: the date windows end on (pin it, or the snapshot drifts daily)',
    )
    .option('--update-snapshots', 'accept changed decisions and rewrite the snapshot', false)
    .option('--verbose', 'list every coverage item, reached or not', false)
    .option('--pass-with-no-tests', 'exit 0 when no test case is found (by default that fails)', false)
    .action(async (paths: string[], opts: TestCommandOptions) => {
      const { test } = await import('./test/run.js');
      process.exitCode = await test(paths, opts, io);
    });
}
