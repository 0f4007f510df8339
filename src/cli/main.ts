import { Command, CommanderError } from 'commander';
import { VERSION } from '../version.js';
import { registerBuild } from './commands/build.js';
import { registerCalibrate } from './commands/calibrate.js';
import { registerCheck } from './commands/check.js';
import { registerData } from './commands/data.js';
import { registerDiff } from './commands/diff.js';
import { registerEval } from './commands/eval.js';
import { registerFacts } from './commands/facts.js';
import { registerFmt } from './commands/fmt.js';
import { registerKeygen } from './commands/keygen.js';
import { registerOverride } from './commands/override.js';
import { registerPlan } from './commands/plan.js';
import { registerPublish } from './commands/publish.js';
import { registerRegistry } from './commands/registry.js';
import { registerReplay } from './commands/replay.js';
import { registerRerate } from './commands/rerate.js';
import { registerServe } from './commands/serve.js';
import { registerSimulate } from './commands/simulate.js';
import { registerSla } from './commands/sla.js';
import { registerSql } from './commands/sql.js';
import { registerTest } from './commands/test.js';
import { registerToken } from './commands/token.js';
import { registerVerify } from './commands/verify.js';
import { argvLanguage, commanderMessage, helpConfiguration, helpText } from './help.js';
import { type CliIO, EXIT, processIO } from './io.js';
import { formatFollowsOut, outCheckedFirst, refuseEmptyValues } from './options.js';

/**
 * The program, its help and its usage errors in `language`: the one a command line asks for
 * (argvLanguage), since commander speaks before any option has a value.
 */
export function buildProgram(io: CliIO, language = argvLanguage([])): Command {
  const h = helpText(language);
  const program = new Command('tierwise')
    .description(h('program'))
    .version(VERSION, '-V, --version', h('version'))
    .helpOption('-h, --help', h('help'))
    .helpCommand('help [command]', h('help'))
    .exitOverride()
    .configureHelp(helpConfiguration(language))
    // Commander's errors are written by runCli from their code, in the reader's language.
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: () => {} });
  registerBuild(program, io, h);
  registerCalibrate(program, io, h);
  registerCheck(program, io, h);
  registerData(program, io, h);
  registerDiff(program, io, h);
  registerEval(program, io, h);
  registerFacts(program, io, h);
  registerFmt(program, io, h);
  registerKeygen(program, io, h);
  registerOverride(program, io, h);
  registerPlan(program, io, h);
  registerPublish(program, io, h);
  registerRegistry(program, io, h);
  registerReplay(program, io, h);
  registerServe(program, io, h);
  registerSimulate(program, io, h);
  registerRerate(program, io, h);
  registerSla(program, io, h);
  registerSql(program, io, h);
  registerTest(program, io, h);
  registerToken(program, io, h);
  registerVerify(program, io, h);
  refuseEmptyValues(program, h);
  formatFollowsOut(program, h);
  outCheckedFirst(program, language);
  return program;
}

/** Runs the CLI; returns the exit code instead of exiting, so tests can drive it in-process. */
export async function runCli(argv: string[], io: CliIO = processIO): Promise<number> {
  process.exitCode = undefined;
  const language = argvLanguage(argv);
  try {
    await buildProgram(io, language).parseAsync(argv, { from: 'user' });
    return Number(process.exitCode ?? EXIT.ok);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    const message = commanderMessage(language, error);
    if (message !== undefined) io.err(`${message}\n`);
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
}
