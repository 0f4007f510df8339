import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  depthOf,
  jsonSyntaxFault,
  MAX_JSON_DEPTH,
  positionOf,
  underflowingNumbers,
} from '../../src/data/json-syntax.js';
import { openRecords } from '../../src/data/open.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { localizeDiagnostic } from '../../src/diagnostics/localize.js';
import { readAll, scratch } from './helpers.js';

const file = scratch();
const say = (language: 'en' | 'zh-CN', d: Diagnostic) => {
  const local = localizeDiagnostic(d, language);
  return `${local.message} ${local.help ?? ''}`;
};

function accepts(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('jsonSyntaxFault', () => {
  it('finds a fault exactly when JSON.parse refuses the text', () => {
    const pieces = fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      '"',
      '\\',
      'a',
      '1',
      '-',
      '.',
      'e',
      ' ',
      'true',
      'nul',
      '\n',
      '\u0001',
      'u00',
      '张',
    );
    const texts = fc.oneof(
      fc.array(pieces, { maxLength: 20 }).map((p) => p.join('')),
      fc
        .json()
        .chain((json) =>
          fc
            .tuple(fc.nat(json.length), pieces)
            .map(([at, piece]) => json.slice(0, at) + piece + json.slice(at)),
        ),
      fc.json(),
    );
    fc.assert(
      fc.property(texts, (text) => {
        expect(jsonSyntaxFault(text) === undefined).toBe(accepts(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('names the place and what was expected there', () => {
    expect(jsonSyntaxFault('{"联系人": 张三丰}')).toEqual({ offset: 8, expected: 'value' });
    expect(jsonSyntaxFault('{"a" 1}')).toEqual({ offset: 5, expected: 'colon' });
    expect(jsonSyntaxFault('{"a":1 "b":2}')).toEqual({ offset: 7, expected: 'commaOrBrace' });
    expect(jsonSyntaxFault('[1 2]')).toEqual({ offset: 3, expected: 'commaOrBracket' });
    expect(jsonSyntaxFault('{a:1}')).toEqual({ offset: 1, expected: 'name' });
    expect(jsonSyntaxFault('{"a":"138')).toEqual({ offset: 9, expected: 'stringEnd' });
    expect(jsonSyntaxFault('{"a":"\\x"}')).toEqual({ offset: 7, expected: 'escape' });
    expect(jsonSyntaxFault('{"a":1.}')).toEqual({ offset: 7, expected: 'digit' });
    expect(jsonSyntaxFault('{} x')).toEqual({ offset: 3, expected: 'end' });
    expect(jsonSyntaxFault('{"a":"x\ny"}')).toEqual({ offset: 7, expected: 'control' });
  });

  it('scans a million levels of nesting without the call stack', () => {
    expect(jsonSyntaxFault('['.repeat(1_000_000))).toEqual({ offset: 1_000_000, expected: 'value' });
  });
});

describe('positionOf', () => {
  it('counts lines (LF, CRLF, CR) and characters, a character outside the BMP as one', () => {
    expect(positionOf('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(positionOf('ab\r\ncd', 5)).toEqual({ line: 2, column: 2 });
    expect(positionOf('ab\rcd', 4)).toEqual({ line: 2, column: 2 });
    expect(positionOf('😀x', 3)).toEqual({ line: 1, column: 3 });
  });
});

describe('depthOf', () => {
  it('stops counting past the limit', () => {
    expect(depthOf(1, 64)).toBe(0);
    expect(depthOf({ a: [1, { b: [] }] }, 64)).toBe(4);
    expect(depthOf(JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`), 64)).toBe(65);
  });
});

describe('personal data in JSON syntax errors', () => {
  const PII = ['张三丰', '3812345678', '1381234'];

  it('an NDJSON line is reported by column and what was expected, never by its text', async () => {
    // Before: "Unexpected token '张', …"联系人": 张三丰,"电话":"13812345…" is not valid JSON".
    const path = file('pii.ndjson', '{"id":"C1"}\n{"id":"C2","联系人": 张三丰,"电话":"13812345678"}\n');
    const [, bad] = await readAll(path);
    expect(bad!.problem!.code).toBe('TW0606');
    for (const language of ['en', 'zh-CN'] as const) {
      const text = say(language, bad!.problem!);
      for (const pii of PII) expect(text).not.toContain(pii);
      expect(text).toContain('19');
    }
    expect(bad!.problem!.message).toBe(
      'the line is not valid JSON: at column 19, expected a value (text in double quotes, a number, true, false, null, an object or an array)',
    );
  });

  it('a .json file is reported by line and column', async () => {
    const path = file('pii.json', '[\n  {"id": "C1"},\n  {"id": "C2", "电话": 13812345678x}\n]\n');
    const opened = await openRecords(path);
    expect('code' in opened && opened.code).toBe('TW0601');
    const d = opened as Diagnostic;
    expect(d.message).toBe("the file is not valid JSON: at line 3, column 33, expected ',' or '}'");
    for (const pii of PII) expect(say('zh-CN', d)).not.toContain(pii);
  });

  it('an NDJSON line nested 100,000 deep is a skipped row (TW0630), not a stack overflow', async () => {
    const deep = `{"id":"C2","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const path = file('deep.ndjson', `{"id":"C1"}\n${deep}\n{"id":"C3","ok":[[1]]}\n`);
    const records = await readAll(path);
    expect(records.map((r) => [r.row, r.problem?.code ?? 'ok'])).toEqual([
      [1, 'ok'],
      [2, 'TW0630'],
      [3, 'ok'],
    ]);
    expect(records[1]!.problem!.message).toContain(`more than ${MAX_JSON_DEPTH} levels`);
    expect(records[2]!.fields.ok).toBe('[[1]]');
  });
});

describe('the nesting limit', () => {
  const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

  it('reads a record nested exactly 64 levels deep and refuses one of 65, in NDJSON and JSON arrays', async () => {
    // The record is level 1: a cell nesting 63 levels makes 64.
    const ndjson = file('limit.ndjson', `{"x":${nested(63)}}\n{"x":${nested(64)}}\n`);
    expect((await readAll(ndjson)).map((r) => r.problem?.code ?? 'ok')).toEqual(['ok', 'TW0630']);
    const json = file('limit.json', `[{"x":${nested(63)}},{"x":${nested(64)}}]`);
    expect((await readAll(json)).map((r) => r.problem?.code ?? 'ok')).toEqual(['ok', 'TW0630']);
  });
});

describe('numbers JSON.parse reads as 0 though they are not', () => {
  it('finds the top-level ones by key, and leaves written zeros and nested values alone', () => {
    const text = '{"a":1e-400,"b":0e-5,"c":-2.5E-999,"d":[1e-400],"e":"1e-400","f":1e-3,"g":{"h":1e-400}}';
    expect([...underflowingNumbers(text)]).toEqual([
      ['a', '1e-400'],
      ['c', '-2.5E-999'],
    ]);
  });

  it('keeps such a number as its text in the right element of a .json array', async () => {
    // Before: [{"spend": 1e-400}] was the number 0.
    const path = file(
      'tiny.json',
      '[{"id":"C1","spend":1},\n {"id":"C2","spend":1e-400,"x":{"y":1e-400}},{"id":"C3","spend":-5E-999}]',
    );
    const records = await readAll(path);
    expect(records.map((r) => r.fields.spend)).toEqual([1, '1e-400', '-5E-999']);
  });

  it('keeps such a number as its text in an NDJSON record, so reading it as a number fails', async () => {
    // Before: {"spend": 1e-400} was the number 0.
    const path = file('tiny.ndjson', '{"id":"C1","spend":1e-400,"ok":1e-300}\n');
    const [record] = await readAll(path);
    expect(record!.fields).toEqual({ id: 'C1', spend: '1e-400', ok: 1e-300 });
  });
});
