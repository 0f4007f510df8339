import type { Command } from 'commander';
import { Option } from 'commander';
import type { EngineChoice } from '../../compile/evaluate.js';
import type { Language } from '../../i18n/language.js';
import { TEST_FORMATS, type TestFormat } from '../../testing/report/formats.js';
import type { HelpText } from '../help.js';
import type { CliIO } from '../io.js';
import { languageOption } from '../options.js';

export interface TestCommandOptions {
  run?: string;
  coverage: boolean;
  threshold?: string;
  format: TestFormat;
  engine: EngineChoice;
  lang: Language;
  snapshot?: string;
  snapshotFile?: string;
  transactions?: string;
  asOf?: string;
  updateSnapshots: boolean;
  verbose: boolean;
  passWithNoTests: boolean;
}

export function registerTest(program: Command, io: CliIO, h: HelpText): void {
  program
    .command('test')
    .description(h('test'))
    .argument('[paths...]', h('testPaths'), [])
    .option('--run <regex>', h('testRun'))
    .option('--coverage', h('testCoverage'), false)
    .option('--threshold <percent>', h('testThreshold'))
    .addOption(new Option('--format <format>', h('format')).choices([...TEST_FORMATS]).default('pretty'))
    .addOption(
      new Option('--engine <engine>', h('engine')).choices(['compiled', 'reference']).default('compiled'),
    )
    .addOption(languageOption(h))
    .option('--snapshot <data>', h('testSnapshot'))
    .option('--snapshot-file <file>', h('testSnapshotFile'))
    .option('--transactions <file>', h('testTransactions'))
    .option('--as-of <date>', h('testAsOf'))
    .option('--update-snapshots', h('testUpdateSnapshots'), false)
    .option('--verbose', h('testVerbose'), false)
    .option('--pass-with-no-tests', h('testPassWithNoTests'), false)
    .action(async (paths: string[], opts: TestCommandOptions) => {
      const { test } = await import('./test/run.js');
      process.exitCode = await test(paths, opts, io);
    });
}
