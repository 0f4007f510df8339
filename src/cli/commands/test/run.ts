import { hostname } from 'node:os';
import { t } from '../../../i18n/text.js';
import { parsePercent, renderTestRun, runPolicyTests, testOutcome } from '../../../testing/index.js';
import { type CliIO, EXIT } from '../../io.js';
import { reportRun } from '../../population/run.js';
import type { TestCommandOptions } from '../test.js';

export async function test(paths: string[], opts: TestCommandOptions, io: CliIO): Promise<number> {
  let run: RegExp | undefined;
  try {
    run = opts.run === undefined ? undefined : new RegExp(opts.run, 'u');
  } catch (error) {
    io.err(`${t(opts.lang, 'cli.testRun', { pattern: opts.run ?? '', reason: (error as Error).message })}\n`);
    return EXIT.usage;
  }
  if (opts.threshold !== undefined && !parsePercent(opts.threshold)) {
    io.err(`${t(opts.lang, 'cli.testThreshold', { got: opts.threshold })}\n`);
    return EXIT.usage;
  }
  const result = await runPolicyTests(paths, {
    engine: opts.engine,
    run,
    coverage: opts.coverage || opts.threshold !== undefined,
    language: opts.lang,
    snapshot:
      opts.snapshot === undefined
        ? undefined
        : {
            data: opts.snapshot,
            file: opts.snapshotFile,
            transactions: opts.transactions,
            asOf: opts.asOf,
            update: opts.updateSnapshots,
          },
  });
  const outcome = testOutcome(result, opts.threshold, { passWithNoTests: opts.passWithNoTests });
  io.out(
    renderTestRun(opts.format, result, outcome, {
      color: io.isTTY,
      verbose: opts.verbose,
      hostname: hostname(),
      language: opts.lang,
    }),
  );
  const none = outcome.diagnostics.filter((d) => d.code === 'TW0907');
  if (none.length > 0) reportRun(none, io, opts.lang);
  if (outcome.unreadable) return EXIT.usage;
  return outcome.passed ? EXIT.ok : EXIT.findings;
}
