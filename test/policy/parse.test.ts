import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPolicyText, readPolicyFile } from '../../src/policy/check.js';
import { decodePolicyBytes, parsePolicyText } from '../../src/policy/parse.js';
import { VALID, where } from '../helpers/policy.js';

const BILLION_LAUGHS = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`;

describe('hostile input', () => {
  it('refuses a YAML alias bomb with a diagnostic instead of expanding it', () => {
    const result = checkPolicyText(BILLION_LAUGHS, 'bomb.tier.yaml');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['TW0006']);
    expect(result.diagnostics[0]!.message).toMatch(/resource-exhaustion/);
    expect(result.policy).toBeUndefined();
  });

  it('keeps a few legitimate anchors and aliases working', () => {
    const text = VALID.replace(
      'sla: { response: { within: PT8H }, resolution: { within: PT24H } }',
      'sla: &keySla { response: { within: PT8H }, resolution: { within: PT24H } }',
    );
    expect(checkPolicyText(text, 'p.tier.yaml').diagnostics).toEqual([]);
  });

  it('treats __proto__ and constructor keys as inert data', () => {
    const parsed = parsePolicyText(
      '__proto__: { polluted: true }\nconstructor: { prototype: { polluted: true } }\nx: 1\n',
    );
    const value = parsed.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor', 'x']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    const checked = checkPolicyText(`${VALID}__proto__: { polluted: true }\n`, 'p.tier.yaml');
    expect(checked.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['TW0101', "unknown property '__proto__'"],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a file over the size limit before reading it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tierwise-size-'));
    const path = join(dir, 'big.tier.yaml');
    writeFileSync(path, `# ${'x'.repeat(2 * 1024 * 1024)}\n`);
    const read = await readPolicyFile(path);
    expect(read.text).toBeUndefined();
    expect(read.diagnostics[0]!.code).toBe('TW0002');
    expect(read.diagnostics[0]!.message).toBe('file is 2097155 bytes; policies are limited to 1048576 bytes');
    expect((await readPolicyFile(path, { maxBytes: 4 * 1024 * 1024 })).text).toBeDefined();
  });

  it('refuses binary and non-UTF-8 input at the offending byte', () => {
    const binary = decodePolicyBytes(new Uint8Array([0x61, 0x3a, 0x0a, 0x62, 0x00]), 'x.tier.yaml');
    expect(binary.diagnostics[0]!.code).toBe('TW0003');
    expect(where(binary.diagnostics[0]!)).toBe('2:2');
    // "名称: 甲" saved as GBK by Excel.
    const gbk = decodePolicyBytes(
      new Uint8Array([0x6e, 0x3a, 0x0a, 0x6e, 0x3a, 0x20, 0xc3, 0xfb, 0xb3, 0xc6]),
      'x.tier.yaml',
    );
    expect(gbk.diagnostics[0]!.message).toBe('the byte at offset 6 is not valid UTF-8');
    expect(where(gbk.diagnostics[0]!)).toBe('2:4');
    expect(gbk.diagnostics[0]!.help).toMatch(/UTF-8/);
  });

  it('accepts UTF-8 with a byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(VALID)]);
    const decoded = decodePolicyBytes(bytes, 'p.tier.yaml');
    expect(checkPolicyText(decoded.text!, 'p.tier.yaml').diagnostics).toEqual([]);
  });
});

describe('YAML errors', () => {
  it('reports a syntax error at its line and column', () => {
    const result = checkPolicyText(
      'apiVersion: tierwise/v1\nkind: [TierPolicy\nmetadata: {}\n',
      'x.tier.yaml',
    );
    expect(result.diagnostics[0]!.code).toBe('TW0004');
    expect(result.diagnostics[0]!.range!.start.line).toBeGreaterThanOrEqual(2);
  });

  it('reports a duplicate key at the second occurrence', () => {
    const text = VALID.replace('  version: 1.0.0\n', '  version: 1.0.0\n  version: 1.0.1\n');
    const result = checkPolicyText(text, 'x.tier.yaml');
    expect(result.diagnostics.map((d) => [d.code, where(d)])).toEqual([['TW0005', '6:3']]);
  });

  it('reports a document that is not a mapping, and an empty one', () => {
    expect(checkPolicyText('- a\n- b\n', 'x.tier.yaml').diagnostics[0]!.code).toBe('TW0007');
    expect(checkPolicyText('', 'x.tier.yaml').diagnostics[0]!.code).toBe('TW0007');
    expect(checkPolicyText('a: 1\n---\nb: 2\n', 'x.tier.yaml').diagnostics[0]!.code).toBe('TW0007');
  });

  it('refuses non-finite numbers and binary tags', () => {
    const inf = checkPolicyText(VALID.replace('minScore: 90', 'minScore: .inf'), 'x.tier.yaml');
    expect(inf.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['TW0008', 'Infinity is not a finite number'],
    ]);
    const tagged = checkPolicyText(
      VALID.replace('name: test-policy', 'name: !!binary aGVsbG8='),
      'x.tier.yaml',
    );
    expect(tagged.diagnostics.map((d) => d.code)).toContain('TW0008');
  });
});

describe('keys and tags (issue 12)', () => {
  it('finds a repeated key in a mapping of 12,000 keys without comparing every pair', () => {
    // yaml's own check compares each key with every earlier one: seconds for this mapping.
    const text = `${Array.from({ length: 12_000 }, (_, i) => `k${i}: 1\n`).join('')}k5: 2\n`;
    const result = parsePolicyText(text, 'x.tier.yaml');
    expect(result.value).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, where(d), d.message])).toEqual([
      ['TW0005', '12001:1', 'Map keys must be unique'],
    ]);
  });

  it('takes keys that read as the same text for the same key', () => {
    expect(parsePolicyText('1: a\n"1": b\n').diagnostics.map((d) => d.code)).toEqual(['TW0005']);
  });

  it('refuses a standard tag whose value is not of its kind, and keeps unknown tags a warning', () => {
    const result = checkPolicyText(VALID.replace('minScore: 90', 'minScore: !!float "x"'), 'x.tier.yaml');
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([
      [
        'TW0008',
        'error',
        'this value is not of the kind its tag !!float says; remove the tag or correct the value',
      ],
    ]);
    for (const tagged of ['!!int abc', '!!bool yes', '!!str [1]'])
      expect(parsePolicyText(`a: ${tagged}\n`).diagnostics.map((d) => [d.code, d.severity])).toEqual([
        ['TW0008', 'error'],
      ]);
    expect(parsePolicyText('a: !!int "12"\n').value).toEqual({ a: 12 });
    expect(parsePolicyText('a: !semver 1.0.0\n').diagnostics.map((d) => d.severity)).toEqual(['warning']);
  });
});
