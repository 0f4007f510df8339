import { Ajv, type ValidateFunction } from 'ajv';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { msg } from '../i18n/text.js';
import { fileLocator } from '../policy/locate.js';
import { parsePolicyText } from '../policy/parse.js';
import { toDiagnostics } from '../policy/validate-schema.js';
import { CalendarFile } from './schema.js';
import type { Calendar } from './types.js';
import { isTimeZone } from './zone.js';

let compiled: ValidateFunction<Calendar> | undefined;

function validator(): ValidateFunction<Calendar> {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
    ajv.addKeyword({ keyword: 'x-expected', schemaType: 'string' });
    compiled = ajv.compile<Calendar>(CalendarFile);
  }
  return compiled;
}

/**
 * A calendar file's text → the calendar, or findings at file:line:col. JSON is YAML too, so the
 * policy reader parses it and its source map places every schema finding.
 */
export function parseCalendar(
  text: string,
  file?: string,
): { calendar?: Calendar; diagnostics: Diagnostic[] } {
  const parsed = parsePolicyText(text, file);
  if (parsed.value === undefined || hasErrors(parsed.diagnostics)) return { diagnostics: parsed.diagnostics };
  const locator = fileLocator(file, parsed.sourceMap);
  const validate = validator();
  if (!validate(parsed.value))
    return { diagnostics: sortDiagnostics(toDiagnostics(validate.errors ?? [], locator)) };
  const calendar = parsed.value;
  if (!isTimeZone(calendar.timeZone)) {
    const at = locator.locate('/timeZone', 'value');
    return {
      diagnostics: [
        diagnostic('TW1400', msg('sla.badTimeZone', { zone: calendar.timeZone }), {
          ...at,
          pointer: '/timeZone',
          help: msg('sla.badTimeZoneHelp'),
        }),
      ],
    };
  }
  return { calendar, diagnostics: [] };
}

/** The same checks for a calendar given as a value (an HTTP body, a bundled file). */
export function checkCalendar(value: unknown): { calendar?: Calendar; diagnostics: Diagnostic[] } {
  return parseCalendar(JSON.stringify(value));
}
