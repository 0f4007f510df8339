import { describe, expect, it } from 'vitest';
import { verdict } from './verdict.js';

describe('what the fuzz harness counts as a crash', () => {
  it.each([
    [70, 'tierwise: internal error: TypeError: x'],
    [134, ''],
    [1, 'oops\n    at Object.<anonymous> (node:internal/modules/cjs/loader:1554:14)'],
    [1, 'oops\n    at file:///work/dist/cli/main.js:12:3'],
    [1, 'RangeError: Maximum call stack size exceeded\n    at sizeOf (/src/policy/parse.ts:146:26)'],
    [2, "error[TW0601]: Cannot read properties of undefined (reading 'sheets')"],
    [2, 'error[TW0601]: Unexpected token \'张\', "联系人": 张三丰 is not valid JSON'],
    [1, "error[TW0001]: ENOENT: no such file or directory, open '/x'"],
    [0, 'score NaN'],
    [0, 'tier undefined'],
  ])('exit %i with %j is a crash', (code, output) => {
    expect(verdict(code, output).crash).toBe(true);
  });

  it.each([
    [0, 'C1  vip  92'],
    [1, "error[TW0603]: row 3, column '复购率': expected a number, found 'abc'"],
    [2, "error: option '--max-bytes <n>' argument 'abc' is invalid."],
    [0, '<script>if (x === undefined) throw new TypeError("y")</script><p>ok</p>'],
    [1, 'FAIL rank 8 → standard\n  at /tmp/p.test.yaml:30:5\n'],
  ])('exit %i with %j is not', (code, output) => {
    expect(verdict(code, output).crash).toBe(false);
  });

  it('a value the input itself holds may be quoted back', () => {
    expect(verdict(1, "row 2: 'NaN' is not a number", ['NaN']).crash).toBe(false);
  });
});
