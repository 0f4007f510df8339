import type { TSchema } from '@sinclair/typebox';
import { Ajv, type ValidateFunction } from 'ajv';
import { formatBytes } from '../data/fields.js';
import { jsonSyntaxFault, positionOf } from '../data/json-syntax.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { msg } from '../i18n/text.js';
import { toDiagnostics } from '../policy/validate-schema.js';

/** Why a body was not read: the status and what to tell the client. */
export interface BodyProblem {
  status: 400 | 413 | 415;
  diagnostics: Diagnostic[];
}

export const isBodyProblem = (value: unknown): value is BodyProblem =>
  typeof value === 'object' && value !== null && 'status' in value && 'diagnostics' in value;

export function tooLarge(limit: number): BodyProblem {
  return {
    status: 413,
    diagnostics: [
      diagnostic('TW1305', msg('server.tooLarge', { limit: formatBytes(limit) }), {
        help: msg('server.tooLargeHelp'),
      }),
    ],
  };
}

/**
 * The whole body, refused as soon as it passes `limit` bytes: by its Content-Length before a
 * byte is read, else while it arrives (chunked), so a client cannot make the server hold more.
 */
export async function readBody(request: Request, limit: number): Promise<Uint8Array | BodyProblem> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) return tooLarge(limit);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      return tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

/** The body's bytes as a stream of at most `limit` bytes: past it, the stream fails with a BodyTooLarge. */
export async function* limitedBody(request: Request, limit: number): AsyncGenerator<Uint8Array> {
  if (!request.body) return;
  let size = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLarge(limit);
    yield chunk;
  }
}

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`request body larger than ${limit} bytes`);
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** JSON bytes → value, or TW1306 at the line and column where it stops being JSON (never quoting it). */
export function parseJson(bytes: Uint8Array): { value: unknown } | BodyProblem {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return { status: 400, diagnostics: [diagnostic('TW1306', msg('server.notUtf8'))] };
  }
  if (text.trim() === '')
    return { status: 400, diagnostics: [diagnostic('TW1306', msg('server.emptyBody'))] };
  try {
    return { value: JSON.parse(text) };
  } catch {
    // V8's message quotes the text around the error, personal data included: say where instead.
    const fault = jsonSyntaxFault(text);
    const at = positionOf(text, fault?.offset ?? 0);
    const expected = msg('data.jsonExpected', { what: fault?.expected ?? 'value' });
    return {
      status: 400,
      diagnostics: [
        diagnostic('TW1306', msg('server.badJson', { line: at.line, column: at.column, expected }), {
          range: { start: at, end: at },
        }),
      ],
    };
  }
}

const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
const validators = new WeakMap<TSchema, ValidateFunction>();

/** The schema's findings as TW0101–TW0106, each with the JSON pointer into the body; none when it fits. */
export function schemaProblems(schema: TSchema, value: unknown): Diagnostic[] {
  let validate = validators.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    validators.set(schema, validate);
  }
  if (validate(value)) return [];
  return toDiagnostics(validate.errors ?? [], { locate: () => ({}) });
}

/** The media type of a Content-Type header, lower case, without parameters. */
export function mediaType(header: string | null | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

export function unsupportedType(got: string, accepted: readonly string[]): BodyProblem {
  return {
    status: 415,
    diagnostics: [diagnostic('TW1307', msg('server.contentType', { got: got || '(none)', accepted }))],
  };
}
