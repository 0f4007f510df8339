import { Command, CommanderError } from 'commander';
import { VERSION } from '../version.js';
import { registerCheck } from './commands/check.js';
import { registerDiff } from './commands/diff.js';
import { registerEval } from './commands/eval.js';
import { registerFmt } from './commands/fmt.js';
import { registerTest } from './commands/test.js';
import { registerBuild } from './commands/build.js';
import { registerKeygen } from './commands/keygen.js';
import { registerVerify } from './commands/verify.js';
import { registerData } from './commands/data.js';
import { type CliIO, EXIT, processIO } from './io.js';

export function buildProgram(io: CliIO): Command {
  const program = new Command('tierwise')
    .description('Policy-as-code for customer tiering (客户分级)')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  registerCheck(program, io);
  registerDiff(program, io);
  registerEval(program, io);
  registerFmt(program, io);
  registerTest(program, io);
  registerBuild(program, io);
  registerKeygen(program, io);
  registerVerify(program, io);
  registerData(program, io);
  return program;
}

/** Runs the CLI; returns the exit code instead of exiting, so tests can drive it in-process. */
export async function runCli(argv: string[], io: CliIO = processIO): Promise<number> {
  process.exitCode = undefined;
  try {
    await buildProgram(io).parseAsync(argv, { from: 'user' });
    return Number(process.exitCode ?? EXIT.ok);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    throw error;
  }
}
