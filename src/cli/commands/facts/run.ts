import { hasErrors } from '../../../diagnostics/diagnostic.js';
import { formatCount } from '../../../format/number.js';
import { t } from '../../../i18n/text.js';
import { type AtomicFile, openAtomicFile } from '../../../io/atomic-write.js';
import { exportFacts, type FactsExportRun } from '../../../report/facts-export.js';
import { factsRenderer } from '../../../report/facts-render.js';
import { factRows } from '../../../report/facts-rows.js';
import { writtenLine } from '../../../report/written.js';
import { type CliIO, EXIT } from '../../io.js';
import {
  asOfExit,
  cannotWrite,
  customerDataExit,
  failedExit,
  policyFor,
  reportRun,
} from '../../population/run.js';
import { readOptions } from '../../population.js';
import type { FactsOptions } from '../facts.js';

/**
 * `tierwise facts`: every customer's facts to CSV, NDJSON or JSON, written as they are read. With
 * --out the file appears whole or not at all (atomic); a failed read leaves it as it was.
 * Exit 0 when every customer's facts were written, 1 when the data had errors under
 * --on-error fail or a --customer was not found, 2 for usage errors and unreadable files.
 */
export async function exportFactsCommand(opts: FactsOptions, io: CliIO): Promise<number> {
  const early = customerDataExit(opts, io, opts.lang) ?? asOfExit(opts.asOf, io, opts.lang);
  if (early !== undefined) return early;
  const policy = await policyFor(opts.policy, opts, io);
  if (typeof policy === 'number') return policy;
  let out: AtomicFile | undefined;
  try {
    out = opts.out ? await openAtomicFile(opts.out) : undefined;
  } catch (error) {
    io.err(`${cannotWrite(opts.lang, opts.out, error)}\n`);
    return EXIT.usage;
  }
  let bytes = 0;
  const write = async (text: string) => {
    if (text === '') return;
    bytes += Buffer.byteLength(text);
    if (out) await out.write(text);
    else io.out(text);
  };
  const rows = factRows(policy);
  const renderer = factsRenderer(opts.format, policy, rows, { labels: opts.labels, language: opts.lang });
  let run: FactsExportRun;
  try {
    run = await exportFacts(
      policy,
      {
        ...readOptions(opts),
        only: opts.customer,
      },
      {
        // A BOM lets Excel open a UTF-8 CSV with Chinese text correctly; stdout is for programs.
        start: (asOf) => write(`${out && opts.format === 'csv' ? '\uFEFF' : ''}${renderer.head(asOf)}`),
        chunk: (customers) => write(renderer.chunk(customers)),
      },
    );
    if (!run.failed) {
      await write(renderer.tail());
      await out?.commit();
    } else await out?.abort();
  } catch (error) {
    await out?.abort();
    io.err(`${cannotWrite(opts.lang, opts.out, error)}\n`);
    return EXIT.usage;
  }
  reportRun(run.diagnostics, io, opts.lang);
  if (run.failed) return failedExit(run.diagnostics);
  if (opts.out) io.err(writtenLine(opts.lang, { file: opts.out, format: opts.format, bytes }));
  io.err(`${summary(opts, run, rows.columns.length)}\n`);
  const notFound = run.diagnostics.some((d) => d.code === 'TW0642');
  return notFound || (hasErrors(run.diagnostics) && opts.onError === 'fail') ? EXIT.findings : EXIT.ok;
}

function summary(opts: FactsOptions, run: FactsExportRun, facts: number): string {
  const skipped = (s = run.customersSummary) =>
    s && s.rowsSkipped > 0
      ? t(opts.lang, 'cli.skipped', {
          rows: s.rowsSkipped,
          codes: Object.entries(s.byCode)
            .map(([c, n]) => `${c} ×${formatCount(n)}`)
            .join(', '),
        })
      : '';
  const parts = [
    t(opts.lang, 'factsout.factsWritten', {
      customers: run.exported,
      facts,
      rows: run.customersSummary?.rowsRead ?? 0,
      skipped: skipped(),
    }),
  ];
  if (run.transactionsSummary)
    parts.push(
      t(opts.lang, 'cli.transactionsRead', {
        transactions: run.transactionsSummary.rowsRead,
        skipped: skipped(run.transactionsSummary),
      }),
    );
  if (run.asOf) parts.push(t(opts.lang, 'cli.asOf', { date: run.asOf.date, zone: run.asOf.timezone }));
  return `${parts.join(t(opts.lang, 'cli.separator'))}${run.streamed ? t(opts.lang, 'cli.streamed') : ''}`;
}
