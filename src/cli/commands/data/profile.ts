import cliProgress from 'cli-progress';
import { profileData } from '../../../profile/index.js';
import type { ProfileProgress } from '../../../profile/types.js';
import { renderProfile } from '../../../report/profile/render.js';
import { type CliIO, EXIT } from '../../io.js';
import { failedExit, policyFor, reportRun, writeReport } from '../../population/run.js';
import type { ProfileCommandOptions } from '../data.js';

export async function profile(opts: ProfileCommandOptions, io: CliIO): Promise<number> {
  const policy = await policyFor(opts.policy, opts, io);
  if (typeof policy === 'number') return policy;
  const bar = progressBar(io);
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
    },
    bar?.update,
  ).finally(() => bar?.stop());
  reportRun(run.diagnostics, io);
  if (!run.profile) return failedExit(run.diagnostics, ['TW0601', 'TW0850']);
  const text = renderProfile(opts.format, run.profile, opts.lang);
  const written = await writeReport(
    text,
    { out: opts.out, bom: opts.format === 'csv', format: opts.format, lang: opts.lang },
    io,
  );
  if (written !== EXIT.ok) return written;
  const p = run.profile;
  io.err(
    `profiled ${p.rows.customers} customers from ${p.rows.read} rows; as of ${p.asOf.date} (${p.asOf.timezone})\n`,
  );
  return EXIT.ok;
}

const PHASES: Record<ProfileProgress['phase'], string> = {
  read: 'reading customers',
  transactions: 'reading transactions',
  evaluate: 'evaluating',
};

/**
 * A progress bar on stderr for long runs, only when both stdout and stderr are a terminal: piped
 * or redirected output, and tests, stay free of control characters.
 */
function progressBar(io: CliIO): { update: (p: ProfileProgress) => void; stop: () => void } | undefined {
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
        phase: PHASES[p.phase],
        done: `${p.done.toLocaleString('en-US')} ${p.phase === 'evaluate' ? 'customers' : 'rows'}`,
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
