import { mkdir } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { Calendar } from '../../../calendar/types.js';
import type { Diagnostic } from '../../../diagnostics/diagnostic.js';
import { hasErrors } from '../../../diagnostics/diagnostic.js';
import { diagnostic } from '../../../diagnostics/make.js';
import { renderDiagnostics } from '../../../diagnostics/render/index.js';
import { DEFAULT_TIMEZONE } from '../../../facts/zone.js';
import { msg } from '../../../i18n/text.js';
import { writeFileAtomic } from '../../../io/atomic-write.js';
import { icsFiles } from '../../../plan/ics.js';
import { servicePlan } from '../../../plan/plan.js';
import { renderPlan } from '../../../plan/render.js';
import type { Plan } from '../../../plan/types.js';
import { planWindow } from '../../../plan/window.js';
import { writtenLine } from '../../../report/written.js';
import { readState, stateOptions } from '../../../rerate/state.js';
import { type CliIO, EXIT } from '../../io.js';
import { cannotWrite, failedExit, policyFor, reportRun, writeReport } from '../../population/run.js';
import type { PlanOptions } from '../plan.js';
import { readCalendar } from '../sla/run.js';

/**
 * `tierwise plan`: exit 0 when the plan is written, 1 when the state had bad rows (the plan of
 * the others is still written) or a contact cannot be placed on the calendar (nothing is
 * written), 2 for a file that cannot be read or written and for an unreadable --from/--horizon.
 */
export async function plan(opts: PlanOptions, io: CliIO): Promise<number> {
  const language = opts.lang;
  const policy = await policyFor(opts.policy, opts, io);
  if (typeof policy === 'number') return policy;
  const timezone = policy.metadata.timezone ?? DEFAULT_TIMEZONE;
  const window = planWindow(opts.from, opts.horizon, timezone);
  if ('code' in window) {
    reportRun([window], io, language);
    return EXIT.usage;
  }
  let calendar: Calendar | undefined;
  if (opts.calendar !== undefined) {
    const read = await readCalendar(opts.calendar, {});
    if ('diagnostics' in read) {
      io.err(
        renderDiagnostics('text', {
          diagnostics: read.diagnostics,
          sources: read.sources,
          color: io.isTTY,
          summary: false,
          language,
        }),
      );
      return EXIT.usage;
    }
    calendar = read.calendar;
  }
  const read = await readState(opts.state, { ...stateOptions(policy), onError: opts.onError });
  if (read.failed) {
    reportRun(read.diagnostics, io, language);
    return failedExit(read.diagnostics);
  }
  const result = servicePlan({
    policy,
    states: read.states.values(),
    ...window,
    horizon: opts.horizon,
    calendar,
  });
  const diagnostics: Diagnostic[] = [...read.diagnostics, ...result.diagnostics];
  reportRun(diagnostics, io, language);
  if (!result.plan) return EXIT.findings;
  const written = await writeReport(renderPlan(opts.format, result.plan, language), opts, io);
  if (written !== EXIT.ok) return written;
  if (opts.icsDir !== undefined) {
    const code = await writeIcs(result.plan, opts, io);
    if (code !== EXIT.ok) return code;
  }
  return hasErrors(diagnostics) ? EXIT.findings : EXIT.ok;
}

/** One .ics per manager in --ics-dir, each written atomically; none when one cannot be made. */
async function writeIcs(plan: Plan, opts: PlanOptions, io: CliIO): Promise<number> {
  const dir = opts.icsDir!;
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  const files = icsFiles(plan, opts.lang, Number.isFinite(epoch) ? epoch * 1000 : Date.now());
  if (files instanceof Error) {
    reportRun(
      [
        diagnostic('TW1452', msg('plan.icsFailed', { reason: files.message }), {
          help: msg('plan.icsFailedHelp'),
        }),
      ],
      io,
      opts.lang,
    );
    return EXIT.findings;
  }
  const root = resolve(dir);
  let current: string | undefined;
  try {
    await mkdir(root, { recursive: true });
    for (const file of files) {
      current = join(root, file.file);
      // fileNames keeps a name to one plain segment; this holds the line should it ever change.
      if (!current.startsWith(root + sep)) throw new Error(`refused file name ${file.file}`);
      await writeFileAtomic(current, file.text);
      io.err(
        writtenLine(opts.lang, {
          file: join(dir, file.file),
          format: 'ics',
          bytes: Buffer.byteLength(file.text),
        }),
      );
    }
  } catch (error) {
    io.err(`${cannotWrite(opts.lang, current ?? dir, error)}\n`);
    return EXIT.usage;
  }
  return EXIT.ok;
}
