import { parseCalendar } from '../../../calendar/read.js';
import type { Calendar } from '../../../calendar/types.js';
import type { Diagnostic } from '../../../diagnostics/diagnostic.js';
import { renderDiagnostics } from '../../../diagnostics/render/index.js';
import { readPolicyFile } from '../../../policy/check.js';
import { renderDue } from '../../../sla/render.js';
import { ticketDue } from '../../../sla/ticket.js';
import { type CliIO, EXIT } from '../../io.js';
import { policyFor } from '../../population/run.js';
import type { SlaDueOptions } from '../sla.js';

export async function slaDue(opts: SlaDueOptions, io: CliIO): Promise<number> {
  const policy = await policyFor(opts.policy, opts, io);
  if (typeof policy === 'number') return policy;
  const pauses = opts.paused.map(pause);
  const calendar = opts.calendar === undefined ? undefined : await readCalendar(opts.calendar, opts);
  if (calendar && 'diagnostics' in calendar)
    return report(calendar.diagnostics, calendar.sources, opts, io, EXIT.usage);
  const result = ticketDue({
    policy,
    tier: opts.tier,
    opened: opts.opened,
    pauses,
    calendar: calendar?.calendar,
  });
  if (!result.answer) {
    const usage = result.diagnostics.some((d) => d.code === 'TW1403' || d.code === 'TW1405');
    return report(result.diagnostics, new Map(), opts, io, usage ? EXIT.usage : EXIT.findings);
  }
  io.out(
    opts.format === 'json'
      ? `${JSON.stringify(result.answer, null, 2)}\n`
      : renderDue(result.answer, opts.lang),
  );
  return EXIT.ok;
}

/** FROM/TO, as ISO 8601 writes an interval; a malformed one is left for dueTimes to name. */
function pause(text: string): { from: string; to: string } {
  const [from = text, to = ''] = text.split('/');
  return { from, to };
}

/** A calendar file (--calendar of `sla due` and `plan`), with its findings at line and column. */
export async function readCalendar(
  file: string,
  opts: { maxBytes?: number },
): Promise<{ calendar: Calendar } | { diagnostics: Diagnostic[]; sources: Map<string, string> }> {
  const read = await readPolicyFile(file, { maxBytes: opts.maxBytes });
  if (read.text === undefined) return { diagnostics: read.diagnostics, sources: new Map() };
  const parsed = parseCalendar(read.text, file);
  if (parsed.calendar) return { calendar: parsed.calendar };
  return { diagnostics: parsed.diagnostics, sources: new Map([[file, read.text]]) };
}

function report(
  diagnostics: Diagnostic[],
  sources: Map<string, string>,
  opts: SlaDueOptions,
  io: CliIO,
  code: number,
): number {
  if (opts.format === 'json') {
    io.out(
      renderDiagnostics('json', { diagnostics, sources, color: false, summary: false, language: opts.lang }),
    );
    return code;
  }
  const text = renderDiagnostics('text', {
    diagnostics,
    sources,
    color: io.isTTY,
    summary: false,
    language: opts.lang,
  });
  io.err(text.endsWith('\n') ? text : `${text}\n`);
  return code;
}
