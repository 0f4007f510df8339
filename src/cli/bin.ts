#!/usr/bin/env node
import { argvLanguage } from './help.js';
import { runCli } from './main.js';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Only bugs reach here: expected failures are diagnostics with an exit code.
    process.exitCode = 70;
    const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
    // The catalogue is loaded only now: a bug must not make every start slower.
    import('../i18n/text.js').then(
      ({ t }) =>
        process.stderr.write(`${t(argvLanguage(process.argv.slice(2)), 'cli.internalError', { stack })}\n`),
      () => process.stderr.write(`tierwise: internal error: ${stack}\n`),
    );
  },
);
