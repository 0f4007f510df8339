import { type ZipPart, zip } from '../../data/xlsx-build.js';
import type { Base } from '../base.js';
import { AS_OF, type Draft } from '../case.js';
import type { Rng } from '../rng.js';
import { hostileScalar } from './hostile.js';
import { mutateBytes } from './text.js';

/** Every command that reads customer data, pointed at `@data.<ext>`. */
function dataCommand(rng: Rng, data: string): string[] {
  const sources = ['--data', data, '--transactions', '@transactions.csv', ...AS_OF];
  const onError = rng.pick([[], ['--on-error', 'skip'], ['--on-error', 'fail'], ['--on-error', 'report']]);
  const allow = ['--allow-untiered', rng.pick(['all', '0', '50%'])];
  return rng.pick<string[]>([
    ['eval', '--policy', '@p.tier.yaml', ...sources, ...onError, ...allow],
    [
      'eval',
      '--policy',
      '@p.tier.yaml',
      ...sources,
      ...onError,
      ...allow,
      '--format',
      rng.pick(['csv', 'json', 'ndjson', 'table']),
    ],
    ['eval', '--policy', '@p.tier.yaml', ...sources, ...allow, '--explain', '--lang', 'zh-CN'],
    [
      'eval',
      '--policy',
      '@p.tier.yaml',
      ...sources,
      ...allow,
      '--summary',
      '--workers',
      rng.pick(['1', '2']),
    ],
    ['eval', '--policy', '@p.tier.yaml', ...sources, ...allow, '--format', 'csv', '--out', '@out.csv'],
    [
      'simulate',
      '--policy',
      '@p.tier.yaml',
      ...sources,
      ...onError,
      ...allow,
      '--format',
      rng.pick(['table', 'json', 'csv', 'md', 'html']),
    ],
    [
      'diff',
      '--from',
      '@p.tier.yaml',
      '--to',
      '@q.tier.yaml',
      ...sources,
      ...allow,
      '--format',
      rng.pick(['table', 'json', 'csv']),
    ],
    [
      'calibrate',
      '--policy',
      '@p.tier.yaml',
      ...sources,
      ...allow,
      '--format',
      rng.pick(['table', 'json', 'csv']),
    ],
    [
      'data',
      'profile',
      '--policy',
      '@p.tier.yaml',
      ...sources,
      '--format',
      rng.pick(['table', 'json', 'csv', 'md', 'html']),
    ],
    ['test', '@p.tier.yaml', '--snapshot', data, '--transactions', '@transactions.csv', ...AS_OF],
  ]);
}

function policies(rng: Rng, base: Base): Draft['files'] {
  const scorecard = base.policies.find((p) => p.name === 'seed004-scorecard.tier.yaml') ?? base.policies[0]!;
  const p = rng.chance(0.6) ? scorecard : rng.pick(base.policies);
  return { 'p.tier.yaml': p.text, 'q.tier.yaml': rng.pick(base.policies).text };
}

function cells(rows: string[]): string[][] {
  return rows.map((r) => r.split(','));
}

/** Damaged rows: hostile cells, ragged rows, duplicate keys, broken quoting. */
function mutateTable(table: string[][], rng: Rng): string[][] {
  const out = table.map((r) => [...r]);
  for (let k = rng.int(1, 6); k > 0; k--) {
    const r = rng.int(0, out.length - 1);
    const row = out[r]!;
    switch (rng.int(0, 6)) {
      case 0:
      case 1:
      case 2:
        row[rng.int(0, row.length - 1)] = hostileScalar(rng);
        break;
      case 3:
        row.splice(rng.int(0, row.length), rng.int(0, 3), ...Array(rng.int(0, 3)).fill('x'));
        break;
      case 4:
        out.splice(rng.int(1, out.length), 0, [...(out[rng.int(1, out.length - 1)] ?? row)]);
        break;
      case 5:
        out.splice(r, 1);
        break;
      default:
        row[0] = rng.pick(['', '__proto__', row[0] ?? '', '\x1b[2J', '=1+1', '13812345678']);
    }
  }
  return out;
}

function csvText(table: string[][], rng: Rng): string {
  const quote = (c: string) => (rng.chance(0.7) && /[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
  const eol = rng.pick(['\n', '\r\n', '\r', '\n', '\n']);
  const sep = rng.chance(0.9) ? ',' : rng.pick([';', '\t', '|']);
  return (
    (rng.chance(0.1) ? '\ufeff' : '') +
    table.map((r) => r.map(quote).join(sep)).join(eol) +
    (rng.chance(0.5) ? eol : '')
  );
}

/** The bundled customers as CSV, damaged. */
export function hostileCsv(rng: Rng, base: Base): Draft {
  const table = mutateTable(cells(base.customers), rng);
  let bytes: string | Uint8Array = csvText(table, rng);
  if (rng.chance(0.15)) bytes = mutateBytes(Buffer.from(bytes), rng);
  if (rng.chance(0.05)) bytes = rng.pick(['', '\n', '\ufeff', base.customers[0] ?? '', '"', '\r\r\r']);
  return {
    kind: 'csv',
    args: dataCommand(rng, '@data.csv'),
    files: { ...policies(rng, base), 'data.csv': bytes, 'transactions.csv': base.transactions.join('\n') },
  };
}

/** The bundled customers as NDJSON or JSON, damaged: deep nesting, wrong shapes, bad syntax. */
export function hostileJson(rng: Rng, base: Base): Draft {
  const [header = [], ...rows] = cells(base.customers);
  const records: unknown[] = rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? null])));
  const lines = records.map((r) => JSON.stringify(r));
  for (let k = rng.int(1, 4); k > 0; k--) {
    const i = rng.int(0, lines.length - 1);
    lines[i] = rng.pick<() => string>([
      () => `${'['.repeat(rng.int(10, 100_000))}${']'.repeat(rng.chance(0.5) ? 0 : 10)}`,
      () => `${'{"a":'.repeat(rng.int(10, 50_000))}1${'}'.repeat(rng.int(0, 10))}`,
      () => (lines[i] ?? '').slice(0, rng.int(0, (lines[i] ?? '').length)),
      () => (lines[i] ?? '').replace(/"联系人":"[^"]*"/, '"联系人": 张三丰'),
      () => (lines[i] ?? '').replace(/:"[^"]*"/, `:${JSON.stringify(hostileScalar(rng))}`),
      () =>
        (lines[i] ?? '').replace(
          /:"[^"]*"/,
          `:${rng.pick(['1e309', '-1e309', '1e-400', 'NaN', '[]', '{}', 'true', 'null', '[1,2]', '{"__proto__":{"x":1}}'])}`,
        ),
      () => '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"x": 1}}}',
      () => rng.pick(['[]', '1', '"x"', 'null', 'true', '', ' ', '\u0000', '{}', '{"a":1,}']),
      () =>
        JSON.stringify({
          ...(records[i] as object),
          客户编号: rng.pick(['C2012001', '', null, 5, [1], { a: 1 }]),
        }),
    ])();
  }
  const asArray = rng.chance(0.3);
  const text = asArray ? `[${lines.join(',\n')}]` : lines.join(rng.pick(['\n', '\r\n', '\r']));
  const name = asArray ? 'data.json' : 'data.ndjson';
  return {
    kind: 'json',
    args: dataCommand(rng, `@${name}`),
    files: { ...policies(rng, base), [name]: text, 'transactions.csv': base.transactions.join('\n') },
  };
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

function sheetXml(table: string[][], rng: Rng): string {
  const col = (i: number) => String.fromCharCode(65 + (i % 26)).repeat(1 + Math.floor(i / 26));
  const cell = (v: string, r: number, c: number) => {
    const ref = `${col(c)}${r + 1}`;
    if (r > 0 && /^-?[\d.e+]+$|^NaN$|^Infinity$/i.test(v) && rng.chance(0.8))
      return `<c r="${ref}"><v>${v}</v></c>`;
    if (rng.chance(0.05)) return `<c r="${ref}" t="s"><v>${rng.pick(['0', '99999999', '-1', 'x'])}</v></c>`;
    if (rng.chance(0.03)) return `<c r="${ref}" t="e"><v>#DIV/0!</v></c>`;
    if (rng.chance(0.03))
      return `<c r="${ref}" s="1"><v>${rng.pick(['0', '-1', '1', '59', '60', '61', '2958465', '2958466', '1e309', 'NaN'])}</v></c>`;
    return `<c r="${ref}" t="inlineStr"><is><t>${v.replace(/[<&]/g, (m) => (m === '<' ? '&lt;' : '&amp;'))}</t></is></c>`;
  };
  const rows = table
    .map((r, i) => `<row r="${i + 1}">${r.map((v, c) => cell(v, i, c)).join('')}</row>`)
    .join('');
  return `${XML}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
}

/** A workbook written by hand (hostile cells, date serials, missing or lying parts). */
export function hostileXlsx(rng: Rng, base: Base): Draft {
  const table = mutateTable(cells(base.customers), rng);
  const ns = 'http://schemas.openxmlformats.org/';
  const parts: Record<string, string> = {
    '[Content_Types].xml': `${XML}<Types xmlns="${ns}package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    '_rels/.rels': `${XML}<Relationships xmlns="${ns}package/2006/relationships"><Relationship Id="rId1" Type="${ns}officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `${XML}<workbook xmlns="${ns}spreadsheetml/2006/main" xmlns:r="${ns}officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `${XML}<Relationships xmlns="${ns}package/2006/relationships"><Relationship Id="rId1" Type="${ns}officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${ns}officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml': `${XML}<styleSheet xmlns="${ns}spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    'xl/worksheets/sheet1.xml': sheetXml(table, rng),
  };
  const entries: ZipPart[] = Object.entries(parts).map(([name, text]) => ({ name, data: Buffer.from(text) }));
  switch (rng.int(0, 7)) {
    case 0:
      entries.splice(rng.int(0, entries.length - 1), 1);
      break;
    case 1:
      entries[rng.int(0, entries.length - 1)]!.declaredSize = rng.pick([0, 1, 0xffffffff]);
      break;
    case 2:
      entries.push({
        name: 'xl/sharedStrings.xml',
        data: Buffer.from(
          `${XML}<sst xmlns="${ns}spreadsheetml/2006/main" count="99999999" uniqueCount="99999999">${'<si><t/></si>'.repeat(rng.int(1, 60_000))}</sst>`,
        ),
      });
      break;
    case 3: {
      const e = entries[rng.int(0, entries.length - 1)]!;
      e.data = Buffer.from(
        `<!DOCTYPE x [<!ENTITY a "${'a'.repeat(100)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>${e.data.toString()}`,
      );
      break;
    }
    case 4: {
      const e = entries[rng.int(0, entries.length - 1)]!;
      e.data = Buffer.from(mutateBytes(Buffer.from(e.data), rng));
      break;
    }
    default:
  }
  let bytes: Uint8Array = zip(entries);
  if (rng.chance(0.1)) bytes = mutateBytes(bytes, rng);
  const args = dataCommand(rng, '@data.xlsx');
  if (rng.chance(0.2)) args.push('--sheet', rng.pick(['Sheet1', 'nope', '', '__proto__']));
  return {
    kind: 'xlsx',
    args,
    files: { ...policies(rng, base), 'data.xlsx': bytes, 'transactions.csv': base.transactions.join('\n') },
  };
}

/** A damaged transaction log: amounts past any domain, dates off the calendar, unknown customers. */
export function hostileTransactions(rng: Rng, base: Base): Draft {
  const table = cells(base.transactions);
  for (let k = rng.int(1, 6); k > 0; k--) {
    const row = table[rng.int(1, Math.max(1, table.length - 1))];
    if (!row) continue;
    const c = rng.int(0, 2);
    row[c] = rng.chance(0.3)
      ? rng.pick(['-99999999', '1e309', '1e-400', 'NaN', '2024-02-30', '0000-01-01', '+275760-01-01', ''])
      : hostileScalar(rng);
  }
  const text = csvText(table, rng);
  const files: Draft['files'] = {
    ...policies(rng, base),
    'data.csv': base.customers.join('\n'),
    'transactions.csv': rng.chance(0.1) ? mutateBytes(Buffer.from(text), rng) : text,
  };
  const args = dataCommand(rng, '@data.csv');
  if (rng.chance(0.1)) {
    const i = args.indexOf('@transactions.csv');
    if (i >= 0) args[i] = rng.pick(['@missing.csv', '@@dir', '@@fifo']);
  }
  return { kind: 'transactions', args, files };
}

/** A damaged column mapping over the Singapore export. */
export function hostileMapping(rng: Rng, base: Base): Draft {
  const lines = base.mapping.split('\n');
  for (let k = rng.int(1, 4); k > 0; k--) {
    const i = rng.int(0, lines.length - 1);
    lines[i] = rng.chance(0.5)
      ? (lines[i] ?? '').replace(/:\s.*$/, `: ${JSON.stringify(hostileScalar(rng))}`)
      : rng.pick(['  __proto__: x', '    customerId: 客户编号', 'a: &a [*a]', '  extra: 1', '']);
  }
  const scorecard = base.policies.find((p) => p.name === 'seed004-scorecard.tier.yaml') ?? base.policies[0]!;
  return {
    kind: 'mapping',
    args: [
      'eval',
      '--policy',
      '@p.tier.yaml',
      '--data',
      '@data.csv',
      '--mapping',
      '@m.mapping.yaml',
      ...AS_OF,
      '--allow-untiered',
      'all',
    ],
    files: {
      'p.tier.yaml': scorecard.text,
      'data.csv': base.mappedCustomers.join('\n'),
      'm.mapping.yaml': lines.join('\n'),
    },
  };
}
