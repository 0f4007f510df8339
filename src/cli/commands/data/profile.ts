import cliProgress from 'cli-progress';
import type { Language } from '../../../i18n/language.js';
import { t } from '../../../i18n/text.js';
import { profileData } from '../../../profile/index.js';
import type { ProfileProgress } from '../../../profile/types.js';
import { renderProfile } from '../../../report/profile/render.js';
import { type CliIO, EXIT } from '../../io.js';
import {
  customerDataExit,
  engineNote,
  failedExit,
  policyFor,
  reportRun,
  writeReport,
} from '../../population/run.js';
import type { ProfileCommandOptions } from '../data.js';

export async function profile(opts: ProfileCommandOptions, io: CliIO): Promise<number> {
  const noData = customerDataExit(opts, io, opts.lang);
  if (noData !== undefined) return noData;
  const policy = await policyFor(opts.policy, opts, io);
  if (typeof policy === 'number') return policy;
  const bar = progressBar(io, opts.lang);
  const run = await profileData(
    policy,
    {
      customers: opts.data,
      transactions: opts.transactions,
      asOf: opts.asOf,
      staleMonths: opts.staleMonths,
      encoding: opts.encoding,
      sheet: opts.sheet,
      nameFact: opts.nameFact,
      phoneFact: opts.phoneFact,
      activityFact: opts.activityFact,
      engine: opts.engine,
    },
    bar?.update,
  ).finally(() => bar?.stop());
  reportRun(run.diagnostics, io, opts.lang);
  if (!run.profile) return failedExit(run.diagnostics, ['TW0601', 'TW0850']);
  const text = renderProfile(opts.format, run.profile, opts.lang);
  const written = await writeReport(
    text,
    { out: opts.out, bom: opts.format === 'csv', format: opts.format, lang: opts.lang },
    io,
  );
  if (written !== EXIT.ok) return written;
  const p = run.profile;
  const profiled = t(opts.lang, 'cli.profiled', { customers: p.rows.customers, rows: p.rows.read });
  const asOf = t(opts.lang, 'cli.asOf', { date: p.asOf.date, zone: p.asOf.timezone });
  io.err(`${profiled}${t(opts.lang, 'cli.separator')}${asOf}\n`);
  engineNote(opts, io);
  return EXIT.ok;
}

const PHASES = {
  read: 'cli.phaseRead',
  transactions: 'cli.phaseTransactions',
  evaluate: 'cli.phaseEvaluate',
} as const satisfies Record<ProfileProgress['phase'], string>;

/**
 * A progress bar on stderr for long runs, only when both stdout and stderr are a terminal: piped
 * or redirected output, and tests, stay free of control characters.
 */
function progressBar(
  io: CliIO,
  language: Language,
): { update: (p: ProfileProgress) => void; stop: () => void } | undefined {
  if (!io.progress) return undefined;
  const bar = new cliProgress.SingleBar(
    {
      stream: io.progress,
      format: '{phase} [{bar}] {percentage}% | {done}',
      hideCursor: true,
      clearOnComplete: true,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  let phase: ProfileProgress['phase'] | undefined;
  return {
    update: (p) => {
      // Reading phases measure estimated bytes against the file's size; evaluation counts customers.
      const total = p.total ?? 0;
      const value = p.bytes !== undefined ? Math.min(p.bytes, total) : p.done;
      const payload = {
        phase: t(language, PHASES[p.phase]),
        done: t(language, p.phase === 'evaluate' ? 'cli.progressCustomers' : 'cli.progressRows', {
          n: p.done,
        }),
      };
      if (phase !== p.phase) {
        if (phase !== undefined) bar.stop();
        phase = p.phase;
        bar.start(Math.max(total, 1), value, payload);
      } else {
        if (total > 0) bar.setTotal(total);
        bar.update(value, payload);
      }
    },
    stop: () => {
      if (phase !== undefined) bar.stop();
    },
  };
}
