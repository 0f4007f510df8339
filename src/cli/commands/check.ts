import type { Command } from 'commander';
import { Option } from 'commander';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { type DiagnosticFormat, renderDiagnostics } from '../../diagnostics/render/index.js';
import { checkPaths } from '../../policy/load.js';
import { type CliIO, EXIT } from '../io.js';

export function registerCheck(program: Command, io: CliIO): void {
  program
    .command('check')
    .description(
      'check policy files: YAML, schema and semantic lint (gaps, overlaps, weights, SLA order, labels)',
    )
    .argument('[paths...]', 'policy files or directories (searched for *.tier.yaml)', ['policies'])
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['text', 'json', 'sarif', 'github'])
        .default('text'),
    )
    .option('--deny-warnings', 'exit 1 on warnings too', false)
    .option('--max-bytes <n>', 'refuse policy files larger than this', (v) => Number.parseInt(v, 10))
    .action(
      async (
        paths: string[],
        opts: { format: DiagnosticFormat; denyWarnings: boolean; maxBytes?: number },
      ) => {
        const results = await checkPaths(paths, { maxBytes: opts.maxBytes });
        if (results.length === 0) {
          io.err(`tierwise: no policy files (*.tier.yaml) found under ${paths.join(', ')}\n`);
          process.exitCode = EXIT.usage;
          return;
        }
        const diagnostics = results.flatMap((r) => r.diagnostics);
        const sources = new Map(results.flatMap((r) => [...r.sources]));
        io.out(
          renderDiagnostics(opts.format, {
            diagnostics,
            sources,
            color: io.isTTY,
            files: results.map((r) => r.file ?? ''),
          }),
        );
        process.exitCode = exitCode(diagnostics, opts.denyWarnings, results.length);
      },
    );
}

function exitCode(diagnostics: Diagnostic[], denyWarnings: boolean, files: number): number {
  if (files === 0 || diagnostics.some((d) => d.code === 'TW0001')) return EXIT.usage;
  if (diagnostics.some((d) => d.severity === 'error' || (denyWarnings && d.severity === 'warning')))
    return EXIT.findings;
  return EXIT.ok;
}
