import { Command, CommanderError } from 'commander';
import { VERSION } from '../version.js';
import { registerBuild } from './commands/build.js';
import { registerCalibrate } from './commands/calibrate.js';
import { registerCheck } from './commands/check.js';
import { registerData } from './commands/data.js';
import { registerDiff } from './commands/diff.js';
import { registerEval } from './commands/eval.js';
import { registerFmt } from './commands/fmt.js';
import { registerKeygen } from './commands/keygen.js';
import { registerSimulate } from './commands/simulate.js';
import { registerTest } from './commands/test.js';
import { registerVerify } from './commands/verify.js';
import { type CliIO, EXIT, processIO } from './io.js';

export function buildProgram(io: CliIO): Command {
  const program = new Command('tierwise')
    .description('Policy-as-code for customer tiering (客户分级)')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  registerBuild(program, io);
  registerCalibrate(program, io);
  registerCheck(program, io);
  registerData(program, io);
  registerDiff(program, io);
  registerEval(program, io);
  registerFmt(program, io);
  registerKeygen(program, io);
  registerSimulate(program, io);
  registerTest(program, io);
  registerVerify(program, io);
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
