import type { Language } from '../../../i18n/language.js';
import { t } from '../../../i18n/text.js';
import { writeFileAtomic } from '../../../io/atomic-write.js';
import { fileFormatOf, fileText } from '../../../report/file-format.js';
import { rerateJob } from '../../../rerate/job.js';
import { notices, renderNotices } from '../../../rerate/notices.js';
import { eventCounts, eventWords, renderEvents } from '../../../rerate/render.js';
import { renderState } from '../../../rerate/state.js';
import { type CliIO, EXIT } from '../../io.js';
import {
  asOfExit,
  cannotWrite,
  customerDataExit,
  failedExit,
  policyFor,
  reportRun,
  untieredExit,
} from '../../population/run.js';
import { readOptions } from '../../population.js';
import type { RerateOptions } from '../rerate.js';

export async function rerateCommand(opts: RerateOptions, io: CliIO): Promise<number> {
  const early = customerDataExit(opts, io, opts.lang) ?? asOfExit(opts.asOf, io, opts.lang);
  if (early !== undefined) return early;
  const policy = await policyFor(opts.policy, opts, io);
  if (typeof policy === 'number') return policy;
  const job = await rerateJob(policy, {
    state: opts.state,
    ...readOptions(opts),
  });
  reportRun(job.diagnostics, io, opts.lang);
  if (job.failed || !job.outcome) return failedExit(job.diagnostics, ['TW0601', 'TW0640']);
  const { outcome, rules, timezone } = job;
  const words = eventWords(policy);
  // Everything is rendered before anything is written: a run never leaves half its files.
  const files: [string, string][] = [];
  if (opts.out) {
    const format = fileFormatOf(opts.out);
    files.push([opts.out, fileText(format, renderState(format, outcome.states, timezone, rules))]);
  }
  if (opts.events) {
    const format = fileFormatOf(opts.events);
    files.push([opts.events, fileText(format, renderEvents(format, outcome.events, words, opts.lang))]);
  }
  const sent = notices(policy, outcome.events, words);
  if (opts.notices) files.push([opts.notices, renderNotices(sent)]);
  for (const [file, text] of files) {
    try {
      await writeFileAtomic(file, text);
    } catch (error) {
      io.err(`${cannotWrite(opts.lang, file, error)}\n`);
      return EXIT.usage;
    }
  }
  // Events go to stdout unless a file takes them: a first rating of a whole population is long.
  if (!opts.events) io.out(renderEvents(opts.format, outcome.events, words, opts.lang));
  const counts = eventCounts(outcome.events);
  const line = (text: string) => io.err(`${text}\n`);
  line(
    t(opts.lang, 'rerate.summary', {
      customers: outcome.states.length - outcome.absent.length,
      date: job.asOf!.date,
      zone: timezone,
      upgrades: counts.upgrade,
      downgrades: counts.downgrade,
      grace: outcome.states.filter((s) => s.graceUntil !== undefined).length,
      flagged: counts.flagged,
    }),
  );
  if (opts.out) line(t(opts.lang, 'rerate.wroteState', { file: opts.out, customers: outcome.states.length }));
  if (opts.events)
    line(t(opts.lang, 'rerate.wroteEvents', { file: opts.events, events: outcome.events.length }));
  if (opts.notices) line(t(opts.lang, 'rerate.wroteNotices', { file: opts.notices, notices: sent.length }));
  return untieredExit(job.distribution!, opts.allowUntiered, io, opts.lang as Language);
}
