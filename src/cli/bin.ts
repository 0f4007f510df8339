#!/usr/bin/env node
import { argvLanguage } from './help.js';
import { runCli } from './main.js';

const args = process.argv.slice(2);
let settled = false;

/** Only bugs come here, so the catalogue is loaded only now: a bug must not slow every start. */
function internal(key: 'internalError' | 'stalled', stack = ''): void {
  process.exitCode = 70;
  import('../i18n/text.js').then(
    ({ t }) => {
      const language = argvLanguage(args);
      const text =
        key === 'stalled' ? t(language, 'cli.stalled') : t(language, 'cli.internalError', { stack });
      process.stderr.write(`${text}\n`);
    },
    () => process.stderr.write(`tierwise: internal error ${key}: ${stack}\n`),
  );
}

// A reader that stops early (`| head`) closes the pipe: stop quietly with the status a shell
// gives a process killed by SIGPIPE, never 0, since not everything was delivered.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  settled = true;
  process.exit(141);
});

runCli(args).then(
  (code) => {
    settled = true;
    process.exitCode = code;
  },
  (error: unknown) => {
    settled = true;
    // Expected failures are diagnostics with an exit code; a throw is a bug.
    internal('internalError', error instanceof Error ? (error.stack ?? error.message) : String(error));
  },
);

// A command whose promise never settles lets the event loop drain, and Node would exit 0 with
// half the output or none: that must read as the failure it is.
process.on('beforeExit', () => {
  if (settled) return;
  settled = true;
  internal('stalled');
});
