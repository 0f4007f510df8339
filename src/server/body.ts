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
 * A request's body as it arrives: the Node request itself when the app runs under
 * @hono/node-server (reading it directly spares building a web Request and its stream for every
 * call — a third of a small request's cost), else the web Request's stream (app.request in tests).
 */
export interface BodySource {
  /** Content-Length as sent, NaN when chunked or absent. */
  declared: number;
  chunks: AsyncIterable<Uint8Array> | undefined;
}

export function bodySource(request: Request, incoming?: AsyncIterable<Uint8Array>): BodySource {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  const chunks = incoming ?? (request.body as unknown as AsyncIterable<Uint8Array> | null) ?? undefined;
  return { declared, chunks };
}

/**
 * The whole body, refused as soon as it passes `limit` bytes: by its Content-Length before a
 * byte is read, else while it arrives (chunked), so a client cannot make the server hold more.
 */
export async function readBody(source: BodySource, limit: number): Promise<Uint8Array | BodyProblem> {
  if (source.declared > limit) return tooLarge(limit);
  if (!source.chunks) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Leaving the loop early (break/return) destroys the stream: nothing more is read.
  for await (const chunk of source.chunks) {
    size += chunk.length;
    if (size > limit) return tooLarge(limit);
    chunks.push(chunk);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
}

/** The body's bytes as a stream of at most `limit` bytes: past it, the stream fails with a BodyTooLarge. */
export async function* limitedBody(source: BodySource, limit: number): AsyncGenerator<Uint8Array> {
  if (!source.chunks) return;
  let size = 0;
  for await (const chunk of source.chunks) {
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
